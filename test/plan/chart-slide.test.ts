import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import type { ChartSlide } from '../../src/model/deck.js';
import { CHART_TABLE } from '../fixtures/chart-deck.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

async function plan(md: string) {
  const r = await checkDeck('brief', deckOpts(makeContent({ brief: { files: { '01-a.md': md } } })));
  const slide = r.deck!.slides.find((s): s is ChartSlide => s.kind === 'chart')!;
  return { r, slide, sizes: r.theme!.sizes };
}

const categories = (labels: string[]) =>
  ['| Category | Value |', '|---|---:|', ...labels.map((l, i) => `| ${l} | ${i + 1} |`)].join('\n');

describe('a chart slide, planned', () => {
  it('fills the content region below its lead, with the table in its data notes and the author’s notes apart', async () => {
    const { r, slide, sizes } = await plan(
      `# Figures\n\nDesignations rose sharply:\n\n${CHART_TABLE}\n\n: Designations {chart=column}\n\nThe briefer's note.\n`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(slide.lead).toBeDefined();
    expect(slide.chart.box.y).toBeGreaterThan(slide.lead!.box.y + slide.lead!.box.h);
    expect(slide.chart.labelSize).toBe(sizes.table);
    expect(slide.chart).toMatchObject({ legend: true, dataLabels: false });
    expect(slide.notes).toBe("The briefer's note.");
    expect(slide.dataNotes.split('\n')).toEqual([
      'Designations',
      'Year | Russia | DPRK | Third-country',
      '2021 | 12 | 30 | 4',
      '2022 | 41 | 28 | 9',
      '2023 | 67 |  | 22',
    ]);
  });

  it('one series: no legend; a pie: a legend and values on its slices', async () => {
    const one = await plan(`# A\n\n${categories(['North', 'South'])}\n\n: One {chart=column}\n`);
    expect(one.slide.chart).toMatchObject({ legend: false, dataLabels: false });
    const pie = await plan(`# A\n\n${categories(['North', 'South'])}\n\n: Pie {chart=pie}\n`);
    expect(pie.slide.chart).toMatchObject({ legend: true, dataLabels: true });
  });

  it('long category labels bring the label size down, within the theme’s limits', async () => {
    const long = Array.from({ length: 12 }, (_, i) => `Region number ${i + 1}`);
    const { r, slide, sizes } = await plan(`# A\n\n${categories(long)}\n\n: Regions {chart=column}\n`);
    expect(slide.chart.labelSize).toBeLessThan(sizes.table);
    expect(slide.chart.labelSize).toBeGreaterThanOrEqual(sizes.tableMin);
    expect(r.diagnostics).toEqual([]);
  });

  it('labels that cannot fit even at the smallest size: a warning at the caption', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `Very long region name number ${i + 1}`);
    const { r, slide, sizes } = await plan(`# A\n\n${categories(long)}\n\n: Regions {chart=column}\n`);
    expect(slide.chart.labelSize).toBe(sizes.tableMin);
    expect(r.diagnostics.map((d) => `${d.position.line}:${d.position.column} ${d.code}`)).toEqual([
      '36:3 chart-labels-crowded',
    ]);
  });
});
