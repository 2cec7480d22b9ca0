import type { Run } from '../model/article.js';
import type { PlanContext } from './context.js';
import { breakRows, type TableSetting } from './table-pages.js';
import { columnWidths, squeezedWidths } from './table-cells.js';

/** The size a table is set at and the column widths that go with it. */
export interface TableType {
  size: number;
  widths: number[];
  /** Even at the minimum size the widest words do not fit side by side: `widths` break them. */
  tooWide: boolean;
}

export interface TableTypeInput {
  /** The header row (bold) and the body rows. */
  header: Run[][];
  rows: Run[][][];
  /** The table's width. */
  width: number;
  /** The sizes it may take, largest first; the last is the minimum (`tableSizes`). */
  sizes: number[];
  /**
   * Whether the table is sized to the room it has: true when it has its
   * slide's body to itself; false when other blocks share the room (a
   * column), where it keeps the first size its widest words fit at.
   */
  fill: boolean;
  /** How the table is paginated at a size with given widths (rows measured at that size, each page's room). */
  setting: (size: number, widths: number[]) => TableSetting;
  /** The height page `k` has for the table. */
  room: (k: number) => number;
  /** The height of the shortest row there can be at a size: one line of the shortest face, with the cell margins. */
  oneLine: (size: number) => number;
}

/**
 * The one rule for table type, on every theme and template: the fewest
 * slides the table can take at a legible size, then the largest size (up to
 * the body size) that keeps to them. A short table therefore grows into the
 * room under its lead instead of sitting small in its top third; one slightly
 * too long for its slide shrinks, not below the minimum, rather than
 * continue; a long one continues, its pages as full as the sizes allow. A
 * size whose widest words do not fit side by side is skipped; at the minimum
 * they break (`tooWide`).
 */
export function tableType(inp: TableTypeInput, ctx: PlanContext): TableType {
  const all = [inp.header, ...inp.rows];
  const min = inp.sizes[inp.sizes.length - 1];
  const widthsAt = new Map<number, number[] | undefined>();
  const widths = (s: number) => {
    if (!widthsAt.has(s)) widthsAt.set(s, columnWidths(all, s, inp.width, ctx));
    return widthsAt.get(s);
  };
  const larger = inp.sizes.slice(0, -1);
  if (!inp.fill) {
    const size = larger.find((s) => widths(s)) ?? min;
    const w = widths(size);
    return w ? { size, widths: w, tooWide: false } : squeezed(all, min, inp.width, ctx);
  }
  const atMin = widths(min);
  if (!atMin) return squeezed(all, min, inp.width, ctx);
  const least = breakRows(inp.rows, inp.setting(min, atMin)).pages.length;
  const keeps = (s: number) => {
    if (pagesAtLeast(inp.rows.length, inp.oneLine(s), inp.room) > least) return false;
    const w = widths(s);
    return !!w && breakRows(inp.rows, inp.setting(s, w), least).pages.length <= least;
  };
  const size = least === 1 ? larger.find(keeps) : largestKeeping(larger, keeps);
  return size === undefined
    ? { size: min, widths: atMin, tooWide: false }
    : { size, widths: widths(size)!, tooWide: false };
}

/**
 * The first of `sizes` (largest first) that `keeps`, found by bisection: a
 * larger size needs at least as many pages, give or take a wrap, so a long
 * table is measured at a few sizes rather than at each. A table on one page
 * is scanned size by size instead (exact, and each try stops at one page).
 */
function largestKeeping(sizes: number[], keeps: (s: number) => boolean): number | undefined {
  let lo = 0;
  let hi = sizes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keeps(sizes[mid])) hi = mid;
    else lo = mid + 1;
  }
  return sizes[lo];
}

/**
 * The fewest pages `n` rows can take if every row, the header included, were
 * one line tall: a size that needs more than the table's least is passed
 * over without measuring a row (a thousand short rows are not measured at
 * every size). Rows on a page shrunk for a tall row may be shorter still:
 * there the bound errs towards a smaller size, never towards overflow.
 */
function pagesAtLeast(n: number, line: number, room: (k: number) => number): number {
  let pages = 0;
  for (let left = n; left > 0; pages++) {
    const fit = Math.floor(room(pages) / line) - 1;
    if (fit < 1) return Infinity;
    left -= fit;
  }
  return pages;
}

function squeezed(all: Run[][][], min: number, width: number, ctx: PlanContext): TableType {
  return { size: min, widths: squeezedWidths(all, min, width, ctx), tooWide: true };
}
