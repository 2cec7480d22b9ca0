import type { Run } from '../model/article.js';
import type { PlanContext } from './context.js';
import { splitToPages } from './split-paragraph.js';
import { cellFrame } from './table-cells.js';

/** How a table is set: what the page breaker needs to measure rows and know each page's room. */
export interface TableSetting {
  /** The header row, repeated on every page. */
  header: Run[][];
  size: number;
  minSize: number;
  widths: number[];
  /** The height page `k` has for the table. */
  room: (k: number) => number;
  rowHeight: (row: Run[][], size: number) => number;
  ctx: PlanContext;
}

/** The rows of one page, the header first, with their measured heights at the page's size. */
export interface RowPage {
  size: number;
  rows: Run[][][];
  heights: number[];
  /** Set on a page shrunk for a tall row or holding a piece of a split one: its rows stay where they are. */
  fixed?: boolean;
}

/**
 * Break body rows into pages, between rows, the header on each. A row that
 * does not fit on a page of its own shrinks that page (later rows may join
 * it at that size); at the minimum size it is cut into rows that each fill a
 * page, and its last piece is an ordinary row again. Stops once more than
 * `limit` pages are full (the table then needs more than `limit`).
 */
export function breakRows(body: Run[][][], t: TableSetting, limit = Infinity): { pages: RowPage[]; splitRows: number } {
  const pages: RowPage[] = [];
  let page: RowPage | undefined;
  let splitRows = 0;
  const queue = [...body];
  // Past `limit` pages the count is all a caller wants to know: the rest is not measured.
  while (queue.length > 0 && pages.length <= limit) {
    const row = queue.shift()!;
    page ??= openPage(t, t.size);
    const room = t.room(pages.length);
    const h = t.rowHeight(row, page.size);
    if (used(page) + h <= room) {
      add(page, row, h);
      continue;
    }
    if (page.rows.length > 1) {
      pages.push(page);
      page = undefined;
      queue.unshift(row);
      continue;
    }
    // Alone on the page and still too tall: shrink this page…
    const s = shrunkSize(row, room, t);
    page = { ...openPage(t, s), fixed: true };
    if (used(page) + t.rowHeight(row, s) <= room) {
      add(page, row, t.rowHeight(row, s));
      continue;
    }
    // …then split its cells' text into rows that each fill a page at that size, the header repeated.
    splitRows++;
    const pieces = splitRow(row, s, pages.length, t);
    if (pieces.length <= 1) {
      // No cut made progress (the cells' lines fit by line count, yet the row measures a hair taller than the room):
      // the row takes the page as it is, instead of being split into itself for ever (issue 18's slow section).
      add(page, row, t.rowHeight(row, s));
      pages.push(page);
      page = undefined;
      continue;
    }
    for (const piece of pieces.slice(0, -1)) {
      page ??= { ...openPage(t, s), fixed: true };
      add(page, piece, t.rowHeight(piece, s));
      pages.push(page);
      page = undefined;
    }
    // The last piece is an ordinary row: later rows may join it on its page.
    queue.unshift(pieces[pieces.length - 1]);
  }
  if (page && page.rows.length > 1) pages.push(page);
  // A table of a header alone is still shown: its header is text like any other.
  if (body.length === 0) pages.push(openPage(t, t.size));
  return { pages, splitRows };
}

/** The largest size, down to the minimum, at which the header and this row fit in `room`. */
function shrunkSize(row: Run[][], room: number, t: TableSetting): number {
  let s = t.size;
  while (s > t.minSize && t.rowHeight(t.header, s) + t.rowHeight(row, s) > room) s--;
  return s;
}

/** A row's cells cut at line breaks into rows that each fill page `k` on, below the header, at size `s`. */
function splitRow(row: Run[][], s: number, k: number, t: TableSetting): Run[][][] {
  const room = (i: number) => t.room(k + Math.min(i, 1)) - t.rowHeight(t.header, s);
  const pieces = row.map((cell, c) =>
    splitToPages(
      { runs: cell, level: 0, bullet: 'none' },
      (i, q) => ({ ...cellFrame(t.ctx, [q], t.widths[c], s), box: { x: 0, y: 0, w: t.widths[c], h: room(i) } }),
      t.ctx.fonts,
      { sentences: false },
    ).map((q) => q.runs),
  );
  const count = Math.max(...pieces.map((p) => p.length));
  return Array.from({ length: count }, (_, i) => pieces.map((p) => p[i] ?? []));
}

const openPage = (t: TableSetting, size: number): RowPage => ({
  size,
  rows: [t.header],
  heights: [t.rowHeight(t.header, size)],
});
export const used = (page: RowPage) => page.heights.reduce((a, b) => a + b, 0);
export const add = (page: RowPage, row: Run[][], h: number) => {
  page.rows.push(row);
  page.heights.push(h);
};
