/**
 * Table pagination on the slide model alone: tables are planned into pages
 * of rows and the pages are read back as data, with no deck written.
 * Rooms are made from measured row heights, so each expectation is exact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../src/model/article.js';
import type { PlannedTable } from '../../src/model/deck.js';
import type { Rect } from '../../src/model/text-frame.js';
import type { PlanContext } from '../../src/plan/context.js';
import { paginateTable, rowHeight } from '../../src/plan/paginate-table.js';
import { planContext, tableBlock } from '../helpers/plan-context.js';

let ctx: PlanContext;
beforeAll(async () => {
  ctx = await planContext();
});

const W = 600;
const box = (h: number, y = 100): Rect => ({ x: 36, y, w: W, h });
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Row ${i + 1}`, `${(i + 1) * 7} units`]);
const texts = (cells: { runs: Run[] }[]) => cells.map((c) => c.runs.map((r) => r.text).join(''));
const bodyTexts = (p: PlannedTable) => p.rows.map(texts);
/** The measured height of a one-line row of this table and of its header, at the theme's table size. */
function oneLine() {
  const planned = paginateTable(
    { table: tableBlock(['Name', 'Value'], rows(1)), first: box(1e4), next: box(1e4) },
    ctx,
  );
  const [header, row] = planned.pages[0].rowHeights;
  return { header, row, columns: planned.pages[0].columns };
}

describe('paginateTable: pages of rows', () => {
  it('keeps a table that fits on one page, its box exactly as tall as its rows', () => {
    const { header, row } = oneLine();
    const r = paginateTable({ table: tableBlock(['Name', 'Value'], rows(3)), first: box(500), next: box(500) }, ctx);
    expect(r.diagnostics).toEqual([]);
    expect(r.pages).toHaveLength(1);
    const [page] = r.pages;
    expect(page.fontSize).toBe(ctx.theme.sizes.table);
    expect(page.rowHeights).toEqual([header, row, row, row]);
    expect(page.box).toEqual({ ...box(500), h: header + 3 * row });
    expect(page.columns.reduce((a, b) => a + b, 0)).toBeCloseTo(W, 9);
    expect(texts(page.header)).toEqual(['Name', 'Value']);
    expect(page.header.every((c) => c.runs.every((r) => r.bold))).toBe(true);
    expect(bodyTexts(page)).toEqual(rows(3));
  });

  it('splits 15 rows where 10 fit a page into 8 + 7, the header repeated, banding continued', () => {
    const { header, row } = oneLine();
    const room = header + 10 * row + 1;
    const r = paginateTable({ table: tableBlock(['Name', 'Value'], rows(15)), first: box(room), next: box(room) }, ctx);
    expect(r.pages.map((p) => p.rows.length)).toEqual([8, 7]);
    expect(r.pages.map((p) => p.firstRow)).toEqual([0, 8]);
    expect(r.pages.map((p) => bodyTexts(p))).toEqual([rows(15).slice(0, 8), rows(15).slice(8)]);
    for (const p of r.pages) {
      expect(texts(p.header)).toEqual(['Name', 'Value']);
      expect(p.box.h).toBe(p.rowHeights.reduce((a, b) => a + b, 0));
      expect(p.fontSize).toBe(ctx.theme.sizes.table);
    }
  });

  it('balances over three pages too: 21 rows where 10 fit go 7 + 7 + 7', () => {
    const { header, row } = oneLine();
    const room = header + 10 * row + 1;
    const r = paginateTable({ table: tableBlock(['Name', 'Value'], rows(21)), first: box(room), next: box(room) }, ctx);
    expect(r.pages.map((p) => p.rows.length)).toEqual([7, 7, 7]);
  });

  it('fills a first page with less room (a lead above the table) as far as it goes: 12 rows go 5 + 7', () => {
    const { header, row } = oneLine();
    const r = paginateTable(
      {
        table: tableBlock(['Name', 'Value'], rows(12)),
        first: box(header + 5 * row + 1, 200),
        next: box(header + 10 * row + 1),
      },
      ctx,
    );
    expect(r.pages.map((p) => p.rows.length)).toEqual([5, 7]);
    expect(r.pages.map((p) => p.box.y)).toEqual([200, 100]);
  });

  it('gives a row too tall for a page a page of its own at a smaller size, down to the minimum', () => {
    const { header, row } = oneLine();
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const table = tableBlock(['Name', 'Value'], [...rows(2), ['Tall', long], ...rows(1)]);
    const { columns } = paginateTable({ table, first: box(1e4), next: box(1e4) }, ctx).pages[0];
    const tall = table.rows[2];
    const height = (s: number) =>
      rowHeight(
        table.header.map((c) => c.map((r) => ({ ...r, bold: true }))),
        columns,
        s,
        ctx,
      ) + rowHeight(tall, columns, s, ctx);
    // Room for the header and the tall row at the minimum size only.
    const min = ctx.theme.sizes.tableMin;
    const room = height(min) + 0.5;
    expect(height(min + 1)).toBeGreaterThan(room);
    const r = paginateTable({ table, first: box(room), next: box(room) }, ctx);
    expect(r.diagnostics).toEqual([]);
    expect(r.pages.map((p) => p.fontSize)).toEqual([ctx.theme.sizes.table, min, ctx.theme.sizes.table]);
    expect(r.pages.map((p) => bodyTexts(p).map((c) => c[0]))).toEqual([['Row 1', 'Row 2'], ['Tall'], ['Row 1']]);
    expect(r.pages[0].rowHeights).toEqual([header, row, row]);
  });

  it('lets later rows join a shrunk page, at its size', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const table = tableBlock(['Name', 'Value'], [['Tall', long], ...rows(1)]);
    const { columns } = paginateTable({ table, first: box(1e4), next: box(1e4) }, ctx).pages[0];
    const bold = table.header.map((c) => c.map((r) => ({ ...r, bold: true })));
    const height = (rs: typeof table.rows, size: number) =>
      [bold, ...rs].reduce((h, row) => h + rowHeight(row, columns, size, ctx), 0);
    // A size at which the header, the tall row and the next row just fit, while one point more holds not even the
    // tall row.
    const sizes = Array.from(
      { length: ctx.theme.sizes.table - ctx.theme.sizes.tableMin },
      (_, i) => i + ctx.theme.sizes.tableMin,
    );
    const size = sizes.find((s) => height(table.rows, s) + 0.5 < height(table.rows.slice(0, 1), s + 1))!;
    expect(size).toBeDefined();
    const room = height(table.rows, size) + 0.5;
    const r = paginateTable({ table, first: box(room), next: box(room) }, ctx);
    expect(r.pages.map((p) => [p.fontSize, bodyTexts(p).map((c) => c[0])])).toEqual([[size, ['Tall', 'Row 1']]]);
  });

  it('continues a cell taller than a page at the minimum size in further rows, keeping every word, and warns', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    const { header, row } = oneLine();
    const room = header + 8 * row;
    const r = paginateTable(
      {
        table: tableBlock(['Name', 'Value'], [['Tall', words.join(' ')], ...rows(1)]),
        first: box(room),
        next: box(room),
      },
      ctx,
    );
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.position.line])).toEqual([
      ['table-row-split', 'warning', 3],
    ]);
    expect(r.pages.length).toBeGreaterThan(2);
    const pieces = r.pages.flatMap((p) => bodyTexts(p)).filter((c) => c[0] !== 'Row 1');
    expect(
      pieces
        .map((c) => c[1])
        .join(' ')
        .split(' '),
    ).toEqual(words);
    expect(pieces[0][0]).toBe('Tall');
    for (const p of r.pages) expect(p.box.h).toBeLessThanOrEqual(room);
    // The pieces are set at the minimum size; the last is an ordinary row, on a page at the table's size.
    expect(r.pages.slice(0, -1).every((p) => p.fontSize === ctx.theme.sizes.tableMin)).toBe(true);
    expect(r.pages.at(-1)!.fontSize).toBe(ctx.theme.sizes.table);
    expect(bodyTexts(r.pages.at(-1)!).at(-1)).toEqual(['Row 1', '7 units']);
  });

  it('shrinks a table whose widest words do not fit side by side; at the minimum it warns and breaks words', () => {
    const word = (n: number) => 'x'.repeat(n);
    const r = paginateTable(
      { table: tableBlock([word(90), word(90)], [['a', 'b']]), first: box(500), next: box(500) },
      ctx,
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['table-too-wide']);
    expect(r.pages[0].fontSize).toBe(ctx.theme.sizes.tableMin);
    expect(r.pages[0].columns.reduce((a, b) => a + b, 0)).toBeCloseTo(W, 9);
  });
});
