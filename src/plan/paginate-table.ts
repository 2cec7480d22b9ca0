import type { Run, TableBlock } from '../model/article.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { PlannedTable, Rect, TableCell } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { CELL, WIDTH_SAFETY } from './geometry.js';
import type { Measurer } from './measurer.js';
import { longestFittingHead } from './runs.js';
import { columnWidths, squeezedWidths } from './table-columns.js';

export interface TablePagesInput {
  table: TableBlock;
  theme: Theme;
  m: Measurer;
  /** Where the table may go on the first page and on continuation pages. */
  first: Rect;
  next: Rect;
}

/**
 * Lay a table out over as many slides as it needs: widths from content, rows
 * measured, pages broken between rows with the header repeated. A row taller
 * than a page shrinks to the theme's minimum table size, then continues in a
 * second row on the next page. Nothing is dropped.
 */
export function paginateTable(inp: TablePagesInput): { pages: PlannedTable[]; diagnostics: Diagnostic[] } {
  const { table, theme, m } = inp;
  const face = theme.fonts.body;
  const header = table.header.map((c) => c.map((r) => ({ ...r, bold: true })));
  const all = [header, ...table.rows];
  const diagnostics: Diagnostic[] = [];
  let size = theme.sizes.table;
  let cols = columnWidths(all, size, face, inp.first.w, m);
  while (!cols && size > theme.sizes.tableMin) cols = columnWidths(all, --size, face, inp.first.w, m);
  if (!cols) {
    cols = squeezedWidths(all, size, face, inp.first.w, m);
    diagnostics.push(diagnostic('warning', 'table-too-wide', table.position, `Unexpected table too wide for a slide even at ${size} pt: long words will break inside cells`, 'split the table, or shorten its longest words'));
  }
  const widths = cols;
  const rowH = (row: Run[][], s: number) => rowHeight(row, widths, s, face, m);
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
    // …then split its cells' text across this page and a continued row.
    splitRows++;
    const room = box().h - heights[0];
    const head: Run[][] = [];
    const tail: Run[][] = [];
    row.forEach((cell, c) => {
      const fits = (runs: Run[]) => cellHeight(runs, widths[c], s, face, m) <= room;
      if (fits(cell)) {
        head.push(cell);
        tail.push([]);
      } else {
        const [h1, t1] = longestFittingHead(cell, fits);
        head.push(h1);
        tail.push(t1);
      }
    });
    rows.push(head);
    heights.push(rowH(head, s));
    flush();
    queue.unshift(tail);
  }
  flush();
  if (splitRows > 0) {
    diagnostics.push(diagnostic('warning', 'table-row-split', table.position, `Unexpected table row taller than a slide even at ${theme.sizes.tableMin} pt: its text continues in a second row on the next slide`, 'shorten the cell, or move detail to the speaker notes'));
  }
  return { pages, diagnostics };
}

const cells = (row: Run[][]): TableCell[] => row.map((runs) => ({ runs }));

function cellHeight(runs: Run[], colW: number, size: number, face: string, m: Measurer): number {
  const lines = Math.max(1, m.lineCount(runs, (colW - CELL.l - CELL.r) * WIDTH_SAFETY, size, face));
  return lines * m.linePitch(face, size) + CELL.t + CELL.b;
}

export function rowHeight(row: Run[][], widths: number[], size: number, face: string, m: Measurer): number {
  return Math.max(...row.map((cell, c) => cellHeight(cell, widths[c], size, face, m)));
}
