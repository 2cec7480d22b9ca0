import { boxWidthFor, longestWord, naturalWidth } from '../measure/measure-frame.js';
import type { Run } from '../model/article.js';
import type { Paragraph, TextFrame } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { textFrame } from './frames.js';

/**
 * A table cell as a text frame: the column's width, the cell margins as
 * insets, the body face at the table's size, single spacing. Rows are
 * measured with it and the renderer writes cells with the same margins.
 */
export function cellFrame(ctx: PlanContext, paragraphs: Paragraph[], width: number, size: number): TextFrame {
  return textFrame(
    ctx.theme,
    paragraphs,
    { x: 0, y: 0, w: width, h: Infinity },
    { size, tight: true, style: ctx.layouts.cell },
  );
}

const para = (runs: Run[]): Paragraph => ({ runs, level: 0, bullet: 'none' });
/** The column width a cell needs for `w` points of text on one line, as the plan wraps it (plus 1 pt of slack). */
const columnFor = (w: number, ctx: PlanContext) => boxWidthFor(w, ctx.layouts.cell.insets) + 1;

/**
 * Column widths the way browsers lay out auto tables: every column gets at
 * least its widest word; what is left goes to columns in proportion to how
 * much more they would like (their unwrapped width). Returns `undefined` when
 * even the widest words do not fit side by side.
 */
export function columnWidths(table: Run[][][], size: number, total: number, ctx: PlanContext): number[] | undefined {
  const cols = table[0]?.length ?? 0;
  const pad = ctx.layouts.cell.insets.left + ctx.layouts.cell.insets.right;
  const min = new Array<number>(cols).fill(pad + size);
  const pref = new Array<number>(cols).fill(pad + size);
  const probe = cellFrame(ctx, [], total, size);
  for (const row of table) {
    row.forEach((cell, c) => {
      min[c] = Math.max(min[c], columnFor(longestWord(probe, para(cell), ctx.fonts), ctx));
      pref[c] = Math.max(pref[c], columnFor(naturalWidth(probe, para(cell), ctx.fonts), ctx));
    });
  }
  const sumMin = sum(min);
  if (sumMin > total) return undefined;
  const sumPref = sum(pref);
  if (sumPref <= total) return pref.map((p) => (p / sumPref) * total);
  const spare = total - sumMin;
  const want = pref.map((p, i) => p - min[i]);
  const sumWant = sum(want) || 1;
  return min.map((mn, i) => mn + (want[i] / sumWant) * spare);
}

/** Widths proportional to the widest words, for tables too wide to avoid breaking words. */
export function squeezedWidths(table: Run[][][], size: number, total: number, ctx: PlanContext): number[] {
  const cols = table[0]?.length ?? 0;
  const pad = ctx.layouts.cell.insets.left + ctx.layouts.cell.insets.right;
  const min = new Array<number>(cols).fill(pad + size);
  const probe = cellFrame(ctx, [], total, size);
  for (const row of table)
    row.forEach((cell, c) => (min[c] = Math.max(min[c], longestWord(probe, para(cell), ctx.fonts) + pad)));
  const s = sum(min);
  return min.map((w) => (w / s) * total);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
