/**
 * Table type sized to the room it has (issue 19), on the slide model alone:
 * the fewest slides at a legible size, then the largest size up to the body
 * size that keeps to them. Every expectation is checked against the rows
 * measured at the next size up, so "largest" and "fewest" are exact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import type { Run } from '../../src/model/article.js';
import type { PlannedTable, Slide } from '../../src/model/deck.js';
import { BODY_BOTTOM } from '../../src/model/geometry.js';
import { tableSizes, templateTableMin } from '../../src/model/table-size.js';
import type { Rect } from '../../src/model/text-frame.js';
import type { PlanContext } from '../../src/plan/context.js';
import { paginateTable, rowHeight } from '../../src/plan/paginate-table.js';
import { columnWidths } from '../../src/plan/table-cells.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { planContext, tableBlock } from '../helpers/plan-context.js';

let light: PlanContext;
beforeAll(async () => {
  light = await planContext();
});

const W = 800;
const box = (h: number): Rect => ({ x: 36, y: 112, w: W, h });
const texts = (cells: { runs: Run[] }[]) => cells.map((c) => c.runs.map((r) => r.text).join(''));
const bold = (header: Run[][]) => header.map((c) => c.map((r) => ({ ...r, bold: true })));

/** The height of the whole table (header and every row) at size `s`, with the widths the planner gives it there. */
function tableHeight(t: ReturnType<typeof tableBlock>, s: number, ctx: PlanContext): number {
  const all = [bold(t.header), ...t.rows];
  const widths = columnWidths(all, s, W, ctx)!;
  return all.reduce((h, row) => h + rowHeight(row, widths, s, ctx), 0);
}

const alliances = [
  ['Japan', 'Cautious', 'Closer alignment with the United States'],
  ['South Korea', 'Alarmed', 'Higher defence spending'],
  ['China', 'Ambivalent', 'Quiet support for both partners'],
  ['United States', 'Concerned', 'New sanctions and exercises'],
];
const longRows = (n: number) =>
  Array.from({ length: n }, (_, i) => [`Measure ${i + 1}`, `Restricts trade in sector ${i + 1}`, `${(i + 1) * 7}`]);

describe('table type: the one rule', () => {
  it('tries the body size first, then whole points down to the minimum; a small body gives the minimum alone', () => {
    expect(tableSizes(22, 11)).toEqual([22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
    expect(tableSizes(13.5, 11)).toEqual([13.5, 13, 12, 11]);
    expect(tableSizes(9, 11)).toEqual([11]);
    // A template's minimum: 11 pt on a 13.33 in slide, scaled to the slide's width (POI's smartart decks are 2 in wide).
    expect([960, 1920, 720, 400, 141.75].map(templateTableMin)).toEqual([11, 22, 8, 5, 2]);
  });

  it('sets a short table at the body size when it fits: not 16 pt in the top third', () => {
    const t = tableBlock(['Nation', 'Stance', 'Shift'], alliances);
    const r = paginateTable({ table: t, first: box(380), next: box(380), fill: true }, light);
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0].fontSize).toBe(light.theme.sizes.body);
    expect(r.pages[0].fontSize).toBeGreaterThan(16);
    expect(r.pages[0].box.h).toBeLessThanOrEqual(380);
    expect(r.pages[0].box.h).toBe(tableHeight(t, light.theme.sizes.body, light));
  });

  it('sets a table too tall at the body size at the largest size that fits its slide', () => {
    const t = tableBlock(['Measure', 'Description', 'Value'], longRows(12));
    const room = (tableHeight(t, 15, light) + tableHeight(t, 16, light)) / 2;
    const r = paginateTable({ table: t, first: box(room), next: box(room), fill: true }, light);
    expect(r.diagnostics).toEqual([]);
    expect(r.pages.map((p) => p.fontSize)).toEqual([15]);
    expect(r.pages[0].box.h).toBeLessThanOrEqual(room);
    for (const s of [16, 17, 18, 22]) expect(tableHeight(t, s, light), `${s} pt`).toBeGreaterThan(room);
  });

  it('shrinks a table rather than continue it, down to the minimum', () => {
    const t = tableBlock(['Measure', 'Description', 'Value'], longRows(12));
    const min = light.theme.sizes.tableMin;
    const room = tableHeight(t, min, light) + 0.5;
    const r = paginateTable({ table: t, first: box(room), next: box(room), fill: true }, light);
    expect(r.pages.map((p) => p.fontSize)).toEqual([min]);
  });

  it('continues a 30-row table at no less than the minimum, on the fewest slides, each as large as they allow', async () => {
    const t = tableBlock(['Measure', 'Description', 'Value'], longRows(30));
    const room = 380;
    const plan = (ctx: PlanContext) => paginateTable({ table: t, first: box(room), next: box(room), fill: true }, ctx);
    const r = plan(light);
    const min = light.theme.sizes.tableMin;
    expect(r.pages.length).toBeGreaterThan(1);
    const size = r.pages[0].fontSize;
    expect(size).toBeGreaterThanOrEqual(min);
    expect(size).toBeLessThan(light.theme.sizes.body);
    for (const p of r.pages) {
      expect(p.fontSize).toBe(size);
      expect(texts(p.header)).toEqual(['Measure', 'Description', 'Value']);
      expect(p.box.h).toBeLessThanOrEqual(room);
      expect(p.box.h).toBe(p.rowHeights.reduce((a, b) => a + b, 0));
    }
    expect(r.pages.flatMap((p) => p.rows.map(texts))).toEqual(longRows(30));
    expect(r.pages.map((p) => p.firstRow)).toEqual(
      r.pages.map((_, k) => r.pages.slice(0, k).reduce((n, p) => n + p.rows.length, 0)),
    );
    // Fewest: at the minimum it takes as many slides; largest: one point more takes more.
    const at = (s: number) =>
      planContext('briefing-light', (th) => ({ ...th, sizes: { ...th.sizes, body: s, tableMin: s } }));
    expect(plan(await at(min)).pages).toHaveLength(r.pages.length);
    expect(plan(await at(size + 1)).pages.length).toBeGreaterThan(r.pages.length);
  });

  it('shows a table of a header alone, at the body size', () => {
    const r = paginateTable(
      { table: tableBlock(['Nation', 'Stance'], []), first: box(380), next: box(380), fill: true },
      light,
    );
    expect(r.pages.map((p) => [texts(p.header), p.rows.length, p.fontSize])).toEqual([
      [['Nation', 'Stance'], 0, light.theme.sizes.body],
    ]);
  });

  it('keeps the theme table size for a table among a column’s blocks (no fill)', () => {
    const t = tableBlock(['Nation', 'Stance', 'Shift'], alliances);
    const r = paginateTable({ table: t, first: box(380), next: box(380) }, light);
    expect(r.pages[0].fontSize).toBe(light.theme.sizes.table);
  });
});

describe('table type in the planned deck', () => {
  const section = [
    '# Alliances in brief',
    '',
    'The shifts below matter most for the region and for the alliances involved:',
    '',
    '| Nation | Stance | Shift |',
    '| --- | --- | --- |',
    ...alliances.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');

  for (const theme of ['briefing-light', 'briefing-dark']) {
    it(`${theme}: a 4-row table under a lead is set at the body size, between the lead and the body's foot`, async () => {
      const c = makeContent({
        d: { yaml: `title: T\ndate: "2026-01-02"\ntheme: ${theme}\n`, files: { '01-a.md': section } },
      });
      const r = await checkDeck('d', deckOpts(c));
      const slide = r.deck!.slides.find((s): s is Extract<Slide, { kind: 'table' }> => s.kind === 'table')!;
      const t: PlannedTable = slide.table;
      expect(slide.lead).toBeDefined();
      expect(t.fontSize).toBe(r.theme!.sizes.body);
      expect(t.fontSize).toBeGreaterThan(r.theme!.sizes.table);
      expect(slide.lead!.box.y + slide.lead!.box.h).toBeLessThanOrEqual(t.box.y);
      expect(t.box.y + t.box.h).toBeLessThanOrEqual(BODY_BOTTOM);
    });
  }
});
