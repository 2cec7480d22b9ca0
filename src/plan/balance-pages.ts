import type { RowPage, TableSetting } from './table-pages.js';
import { add, used } from './table-pages.js';

/**
 * Even out the pages of a table: each run of ordinary pages (not shrunk, no
 * split row) keeps its number of pages, but its rows are spread so that the
 * fullest page is as short as it can be. Fifteen rows where ten fit a page
 * go 8 + 7, not 10 + 5; a first page with less room (a lead above the
 * table) still takes what fits.
 */
export function balancePages(pages: RowPage[], t: TableSetting): RowPage[] {
  const out: RowPage[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j < pages.length && !pages[j].fixed) j++;
    if (j - i >= 2) out.push(...balanceRun(pages.slice(i, j), i, t));
    else out.push(...pages.slice(i, j));
    if (j < pages.length) out.push(pages[j]);
    i = j + 1;
  }
  return out;
}

/** The pages `first`, `first + 1`… of one run, refilled with the smallest body height that needs no more pages. */
function balanceRun(run: RowPage[], first: number, t: TableSetting): RowPage[] {
  const rows = run.flatMap((p) => p.rows.slice(1).map((row, r) => ({ row, h: p.heights[r + 1] })));
  const header = run[0].heights[0];
  const fits = (pages: RowPage[] | undefined): pages is RowPage[] => !!pages && pages.length <= run.length;
  let lo = Math.max(...rows.map((r) => r.h));
  let hi = Math.max(...run.map((p) => used(p) - header));
  // A shorter page can only need more pages, so the least body height that keeps to the run's pages is bisected.
  while (hi - lo > 1e-6) {
    const mid = (lo + hi) / 2;
    if (fits(fill(rows, first, header, mid, t))) hi = mid;
    else lo = mid;
  }
  const balanced = fill(rows, first, header, hi, t);
  return fits(balanced) ? balanced : run;
}

/**
 * Fill pages in order, each up to its room and to `body` points of rows below the header; undefined when a row
 * does not fit on a page of its own.
 */
function fill(rows: Row[], first: number, header: number, body: number, t: TableSetting): RowPage[] | undefined {
  const pages: RowPage[] = [];
  const open = (): RowPage => ({ size: t.size, rows: [t.header], heights: [header] });
  let page = open();
  for (const { row, h } of rows) {
    const room = t.room(first + pages.length);
    if (used(page) + h <= Math.min(room, header + body)) {
      add(page, row, h);
      continue;
    }
    if (page.rows.length === 1) return undefined;
    pages.push(page);
    page = open();
    if (used(page) + h > t.room(first + pages.length)) return undefined;
    add(page, row, h);
  }
  pages.push(page);
  return pages;
}

interface Row {
  row: RowPage['rows'][number];
  h: number;
}
