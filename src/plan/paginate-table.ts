import { measureFrame } from '../measure/measure-frame.js';
import type { Run, TableBlock } from '../model/article.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { PlannedTable, TableCell } from '../model/deck.js';
import type { Rect } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { splitToPages } from './split-paragraph.js';
import { cellFrame, columnWidths, squeezedWidths } from './table-cells.js';

export interface TablePagesInput {
  table: TableBlock;
  /** Where the table may go on the first page and on continuation pages. */
  first: Rect;
  next: Rect;
}

/**
 * Lay a table out over as many slides as it needs: widths from content, rows
 * measured, pages broken between rows with the header repeated. A row taller
 * than a page shrinks to the theme's minimum table size, then continues in
 * further rows on the next pages. Nothing is dropped.
 */
export function paginateTable(
  inp: TablePagesInput,
  ctx: PlanContext,
): { pages: PlannedTable[]; diagnostics: Diagnostic[] } {
  const { table } = inp;
  const { theme } = ctx;
  const header = table.header.map((c) => c.map((r) => ({ ...r, bold: true })));
  const all = [header, ...table.rows];
  const diagnostics: Diagnostic[] = [];
  let size = theme.sizes.table;
  let cols = columnWidths(all, size, inp.first.w, ctx);
  while (!cols && size > theme.sizes.tableMin) cols = columnWidths(all, --size, inp.first.w, ctx);
  if (!cols) {
    cols = squeezedWidths(all, size, inp.first.w, ctx);
    diagnostics.push(
      diagnostic(
        'warning',
        'table-too-wide',
        table.position,
        `Unexpected table too wide for a slide even at ${size} pt: long words will break inside cells`,
        'split the table, or shorten its longest words',
      ),
    );
  }
  const widths = cols;
  const rowH = (row: Run[][], s: number) => rowHeight(row, widths, s, ctx);
  const pages: PlannedTable[] = [];
  let rows: Run[][][] = [];
  let heights: number[] = [];
  let firstRow = 0;
  let pageSize = size;
  const box = () => (pages.length === 0 ? inp.first : inp.next);
  const used = () => heights.reduce((a, b) => a + b, 0);
  const flush = () => {
    if (rows.length === 0) return;
    const b = box();
    pages.push({
      box: { ...b, h: used() },
      fontSize: pageSize,
      face: ctx.layouts.cell.face,
      cellInsets: { ...ctx.layouts.cell.insets },
      columns: widths,
      align: table.align,
      header: cells(all[0]),
      rows: rows.slice(1).map(cells),
      rowHeights: heights,
      firstRow,
    });
    firstRow += rows.length - 1;
    rows = [];
    heights = [];
    pageSize = size;
  };
  const start = () => {
    rows = [all[0]];
    heights = [rowH(all[0], pageSize)];
  };
  let splitRows = 0;
  const queue = [...table.rows];
  while (queue.length > 0) {
    const row = queue.shift()!;
    if (rows.length === 0) start();
    const h = rowH(row, pageSize);
    if (used() + h <= box().h) {
      rows.push(row);
      heights.push(h);
      continue;
    }
    if (rows.length > 1) {
      flush();
      queue.unshift(row);
      continue;
    }
    // Alone on the page and still too tall: shrink this page…
    let s = pageSize;
    while (s > theme.sizes.tableMin && rowH(all[0], s) + rowH(row, s) > box().h) s--;
    pageSize = s;
    heights = [rowH(all[0], s)];
    if (heights[0] + rowH(row, s) <= box().h) {
      rows.push(row);
      heights.push(rowH(row, s));
      continue;
    }
    // …then split its cells' text into rows that each fill a page at that size, the header repeated.
    splitRows++;
    const room = (k: number) => (k === 0 ? box().h : inp.next.h) - rowH(all[0], s);
    const pieces = row.map((cell, c) =>
      splitToPages(
        { runs: cell, level: 0, bullet: 'none' },
        (k, q) => ({ ...cellFrame(ctx, [q], widths[c], s), box: { x: 0, y: 0, w: widths[c], h: room(k) } }),
        ctx.fonts,
        { sentences: false },
      ).map((q) => q.runs),
    );
    const count = Math.max(...pieces.map((p) => p.length));
    if (count <= 1) {
      // No cut made progress (the cells' lines fit by line count, yet the row measures a hair taller than the room):
      // the row takes the page as it is, instead of being split into itself for ever (issue 18's slow section).
      rows.push(row);
      heights.push(rowH(row, s));
      flush();
      continue;
    }
    const pieceRows = Array.from({ length: count }, (_, k) => pieces.map((p) => p[k] ?? []));
    pieceRows.slice(0, -1).forEach((r) => {
      if (rows.length === 0) {
        pageSize = s;
        heights = [rowH(all[0], s)];
        rows = [all[0]];
      }
      rows.push(r);
      heights.push(rowH(r, s));
      flush();
    });
    // The last piece is an ordinary row: later rows may join it on its page.
    queue.unshift(pieceRows[count - 1]);
  }
  flush();
  if (splitRows > 0) {
    diagnostics.push(
      diagnostic(
        'warning',
        'table-row-split',
        table.position,
        `Unexpected table row taller than a slide even at ${theme.sizes.tableMin} pt: its text continues in further rows on the next slides`,
        'shorten the cell, or move detail to the speaker notes',
      ),
    );
  }
  return { pages, diagnostics };
}

const cells = (row: Run[][]): TableCell[] => row.map((runs) => ({ runs }));

/** A row is as tall as its tallest cell (at least one line). */
export function rowHeight(row: Run[][], widths: number[], size: number, ctx: PlanContext): number {
  return Math.max(
    ...row.map(
      (cell, c) =>
        measureFrame(cellFrame(ctx, [{ runs: cell, level: 0, bullet: 'none' }], widths[c], size), ctx.fonts).height,
    ),
  );
}
