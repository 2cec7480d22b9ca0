import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { CHART_KIND_SECTIONS } from '../fixtures/chart-deck.js';
import { type ChartView, readCharts } from '../helpers/charts.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { checkPackage } from '../helpers/package-check.js';
import { type PptxView, readPptx } from '../helpers/pptx.js';

const YEARS = ['2021', '2022', '2023'];
const DESIGNATIONS = [
  { name: 'Russia', categories: YEARS, values: [12, 41, 67] },
  { name: 'DPRK', categories: YEARS, values: [30, 28, null] },
  { name: 'Third-country', categories: YEARS, values: [4, 9, 22] },
];
const SHARES = [{ name: 'Share', categories: ['Russia', 'Iran', 'DPRK', 'Other'], values: [41, 23, 18, 18] }];

describe('charts from tables of figures', () => {
  let r: BuildResult;
  let bytes: Uint8Array;
  let view: PptxView;
  let charts: ChartView[];
  const slideOf = (title: string) => view.slides.find((s) => s.title === title)!;
  const chartOf = (title: string) => charts.find((c) => c.title === title)!;

  beforeAll(async () => {
    const c = makeContent({ charts: { files: CHART_KIND_SECTIONS } });
    r = await buildDeck('charts', deckOpts(c));
    bytes = readFileSync(r.file!);
    view = await readPptx(bytes);
    charts = readCharts(bytes);
  }, 60_000);

  it('builds without a problem, one chart per chart caption, each on its own slide', () => {
    expect(r.diagnostics).toEqual([]);
    expect(charts).toHaveLength(8);
    expect(r.deck!.slides.filter((s) => s.kind === 'chart').map((s) => s.title)).toEqual([
      'Designations',
      'Designations by bar',
      'Stacked',
      'Stacked bars',
      'Trend',
      'Shares',
      'Shares ring',
      'Price and volume',
    ]);
  });

  it('each chart part holds its kind, the series names, the categories and the table’s numbers', () => {
    const kinds = charts.map((c) => [c.title, c.group, c.barDir, c.grouping]);
    expect(kinds).toEqual([
      ['Designations per year, by target', 'barChart', 'col', 'clustered'],
      ['Designations (bar)', 'barChart', 'bar', 'clustered'],
      ['Designations stacked', 'barChart', 'col', 'stacked'],
      ['Designations stacked bars', 'barChart', 'bar', 'stacked'],
      ['Designations trend', 'lineChart', undefined, 'standard'],
      ['Enforcement actions by country', 'pieChart', undefined, undefined],
      ['Enforcement ring', 'doughnutChart', undefined, undefined],
      ['Price by volume', 'scatterChart', undefined, undefined],
    ]);
    for (const c of charts.slice(0, 5)) expect(c.series).toEqual(DESIGNATIONS);
    expect(chartOf('Enforcement actions by country').series).toEqual(SHARES);
    expect(chartOf('Enforcement ring').series).toEqual(SHARES);
    expect(chartOf('Price by volume').series).toEqual([
      { name: 'Price', categories: ['1000', '2500', '4000'], values: [5.2, 7.1, 6.4] },
    ]);
  });

  it('the embedded workbook holds the same numbers (Edit Data shows the table)', () => {
    for (const c of charts.slice(0, 5))
      expect(c.workbook).toEqual([
        ['', 'Russia', 'DPRK', 'Third-country'],
        ['2021', 12, 30, 4],
        ['2022', 41, 28, 9],
        ['2023', 67, null, 22],
      ]);
    expect(chartOf('Enforcement actions by country').workbook).toEqual([
      ['', 'Share'],
      ['Russia', 41],
      ['Iran', 23],
      ['DPRK', 18],
      ['Other', 18],
    ]);
    expect(chartOf('Price by volume').workbook.slice(1)).toEqual([
      [1000, 5.2],
      [2500, 7.1],
      [4000, 6.4],
    ]);
  });

  it('axis titles from the first column’s header and y-title=, a legend only for more than one series or a pie', () => {
    expect(chartOf('Designations per year, by target').axisTitles).toEqual(['Year', 'Designations']);
    expect(chartOf('Price by volume').axisTitles).toEqual(['Tonnes', 'Price ($)']);
    expect(charts.map((c) => c.legend)).toEqual([true, true, true, true, true, true, true, false]);
    // Values on the slices of a pie and a doughnut, with their unit.
    for (const t of ['Enforcement actions by country', 'Enforcement ring']) {
      expect(chartOf(t).xml).toMatch(/<c:showVal val="1"\/>/);
      expect(chartOf(t).xml).toContain('formatCode="General&quot;%&quot;"');
    }
  });

  it('series take the theme’s accents by reference, one each, so Design ▸ Variants restyles them', () => {
    const fills = (xml: string, el: string) =>
      [...xml.matchAll(new RegExp(`<c:${el}>[\\s\\S]*?<a:solidFill>(<a:schemeClr val="(\\w+)"\\/?>)`, 'g'))].map(
        (m) => m[2],
      );
    expect(fills(charts[0].xml, 'ser')).toEqual(['accent1', 'accent2', 'accent3']);
    expect(fills(chartOf('Enforcement actions by country').xml, 'dPt')).toEqual([
      'accent1',
      'accent2',
      'accent3',
      'accent4',
    ]);
    for (const c of charts) expect(c.xml).not.toMatch(/<a:srgbClr/);
  });

  it('on a theme that gives two accents one colour (the dark theme), series still differ', async () => {
    const c = makeContent({ charts: { files: CHART_KIND_SECTIONS } });
    const dark = readCharts(
      readFileSync((await buildDeck('charts', { ...deckOpts(c), theme: 'briefing-dark' })).file!),
    );
    const fills = (xml: string) =>
      [...xml.matchAll(/<c:ser>[\s\S]*?<a:solidFill><a:schemeClr val="(\w+)"/g)].map((m) => m[1]);
    // accent2 is the dark theme's accent, the same orange as its table headers (accent1): left out.
    expect(fills(dark[0].xml)).toEqual(['accent1', 'accent3', 'accent4']);
    expect(new Set(fills(dark[0].xml)).size).toBe(3);
  });

  it('the caption is the chart’s title and its alternative text; the table is in the speaker notes', () => {
    const s = slideOf('Designations');
    expect(s.xml).toMatch(/<p:graphicFrame>[\s\S]*descr="Designations per year, by target"/);
    expect(s.notes).toContain('Designations per year, by target');
    expect(s.notes).toContain('Year | Russia | DPRK | Third-country');
    expect(s.notes).toContain('2023 | 67 |  | 22');
  });

  it('the chart fills the body region the planner measured, inside the slide', () => {
    for (const s of r.deck!.slides) {
      if (s.kind !== 'chart') continue;
      const b = s.chart.box;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThan(s.titleFrame.box.y + s.titleFrame.box.h);
      expect(b.x + b.w).toBeLessThanOrEqual(r.deck!.size.w);
      expect(b.y + b.h).toBeLessThanOrEqual(r.deck!.size.h);
      const x = view.slides[r.deck!.slides.indexOf(s)].xml;
      expect(x).toContain(`<a:off x="${Math.round((Math.round((b.x / 72) * 10000) / 10000) * 914400)}"`);
      // In the layout's content placeholder, as PowerPoint puts a chart inserted into one.
      expect(x).toMatch(
        /<p:graphicFrame>(?:(?!<\/p:graphicFrame>)[\s\S])*<p:nvPr><p:ph [^>]*idx="\d+"[^>]*\/><\/p:nvPr>/,
      );
    }
  });

  it('a caption without chart= is written under the table and is its alternative text', () => {
    const s = slideOf('Plain table');
    expect(s.tables).toHaveLength(1);
    expect(s.texts).toContain('Designations as a table');
    expect(s.xml).toMatch(/<p:graphicFrame>[\s\S]*?descr="Designations as a table"[\s\S]*?<a:tbl>/);
    const planned = r.deck!.slides.find((x) => x.title === 'Plain table')!;
    if (planned.kind !== 'table' || !planned.caption) throw new Error('expected a captioned table slide');
    expect(planned.caption.box.y).toBeGreaterThanOrEqual(planned.table.box.y + planned.table.box.h);
  });

  it('validates against the OOXML schemas, dml-chart.xsd included, and passes the package check', async () => {
    expect(formatValidation(await validatePptx(bytes))).toBe('');
    expect(checkPackage(bytes)).toEqual([]);
    // Every c:axId a chart type lists names an axis the chart writes.
    for (const c of charts) {
      const written = [...c.xml.matchAll(/<c:(?:catAx|valAx)>\s*<c:axId val="(\d+)"/g)].map((m) => m[1]);
      const listed = [...c.xml.matchAll(/<c:\w+Chart>[\s\S]*?<\/c:\w+Chart>/g)].flatMap((g) =>
        [...g[0].matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]),
      );
      for (const id of listed) expect(written).toContain(id);
      expect(listed).toHaveLength(/pieChart|doughnutChart/.test(c.group) ? 0 : 2);
    }
  });

  it('the same sources give the same bytes, workbooks included', async () => {
    const again = await buildDeck('charts', deckOpts(makeContent({ charts: { files: CHART_KIND_SECTIONS } })));
    expect(Buffer.compare(readFileSync(again.file!), Buffer.from(bytes))).toBe(0);
    const core = readCharts(bytes)[0];
    expect(core.workbook.length).toBeGreaterThan(0);
  });
});
