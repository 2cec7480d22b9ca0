import type { Run } from '../model/article.js';
import { CELL, WIDTH_SAFETY } from './geometry.js';
import type { Measurer } from './measurer.js';

const PAD = CELL.l + CELL.r;

/**
 * Column widths the way browsers lay out auto tables: every column gets at
 * least its widest word; what is left goes to columns in proportion to how
 * much more they would like (their unwrapped width). Returns `undefined` when
 * even the widest words do not fit side by side.
 */
export function columnWidths(table: Run[][][], size: number, face: string, total: number, m: Measurer): number[] | undefined {
  const cols = table[0]?.length ?? 0;
  const min = new Array<number>(cols).fill(PAD + size);
  const pref = new Array<number>(cols).fill(PAD + size);
  for (const row of table) {
    row.forEach((cell, c) => {
      min[c] = Math.max(min[c], m.longestWord(cell, size, face) / WIDTH_SAFETY + PAD + 1);
      pref[c] = Math.max(pref[c], m.naturalWidth(cell, size, face) / WIDTH_SAFETY + PAD + 1);
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
export function squeezedWidths(table: Run[][][], size: number, face: string, total: number, m: Measurer): number[] {
  const cols = table[0]?.length ?? 0;
  const min = new Array<number>(cols).fill(PAD + size);
  for (const row of table) row.forEach((cell, c) => (min[c] = Math.max(min[c], m.longestWord(cell, size, face) + PAD)));
  const s = sum(min);
  return min.map((w) => (w / s) * total);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
