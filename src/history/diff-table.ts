import type { Change } from './deck-diff.js';
import { similarity } from './text.js';
import type { BlockVersion, RowVersion } from './version.js';

export type TableAt = Extract<BlockVersion, { kind: 'table' }> & { label: string };

/** Rows whose other cells share this much are one row whose first cell was edited. */
const SAME_ROW = 0.5;

/**
 * The changes inside one table: columns matched by header (or by position
 * when one was renamed), rows matched by their first column — the key a
 * briefer names a row by — wherever they moved, then each cell compared.
 */
export function diffTable(a: TableAt, b: TableAt, section: string): Change[] {
  const table = b.label;
  const out: Change[] = [];
  const cols = matchColumns(a.header, b.header);
  const usedOld = new Set(cols.filter((i) => i >= 0));
  a.header.forEach(
    (h, i) =>
      usedOld.has(i) ||
      out.push({ type: 'column', action: 'removed', section, table, column: h, slides: b.slides.slice(0, 1) }),
  );
  b.header.forEach((h, j) => {
    const i = cols[j];
    if (i < 0) out.push({ type: 'column', action: 'added', section, table, column: h, slides: b.slides });
    else if (a.header[i] !== h)
      out.push({ type: 'column', action: 'renamed', section, table, column: h, before: a.header[i], slides: b.slides });
  });
  const pairs = matchRows(a.rows, b.rows, cols);
  const oldOf = new Map(pairs.map(([i, j]) => [j, i]));
  const pairedOld = new Set(pairs.map(([i]) => i));
  a.rows.forEach((r, i) => {
    if (pairedOld.has(i)) return;
    // Removed: on the slide of the nearest earlier row that is still there.
    const before = pairs.filter(([k]) => k < i).sort((x, y) => y[0] - x[0])[0];
    out.push({
      type: 'row',
      action: 'removed',
      section,
      table,
      key: keyOf(r, i),
      slides: before ? b.rows[before[1]].slides : b.slides.slice(0, 1),
    });
  });
  b.rows.forEach((r, j) => {
    const i = oldOf.get(j);
    if (i === undefined)
      return void out.push({ type: 'row', action: 'added', section, table, key: keyOf(r, j), slides: r.slides });
    const key = keyOf(r, j);
    b.header.forEach((column, c) => {
      if (cols[c] < 0) return;
      const before = a.rows[i].cells[cols[c]] ?? '';
      const after = r.cells[c] ?? '';
      if (before !== after) out.push({ type: 'cell', section, table, key, column, before, after, slides: r.slides });
    });
  });
  return out;
}

/** For each new column, the old column it continues (-1 for a new one). */
function matchColumns(a: readonly string[], b: readonly string[]): number[] {
  const out = b.map((h) => a.indexOf(h));
  // Claimed twice (duplicate headers): only the first keeps it.
  out.forEach((i, j) => {
    if (i >= 0 && out.indexOf(i) !== j) out[j] = -1;
  });
  // Same number of columns: an unmatched header at the same position was renamed.
  if (a.length === b.length) out.forEach((i, j) => i < 0 && !out.includes(j) && a[j] !== undefined && (out[j] = j));
  return out;
}

/** [old, new] row indexes: by first cell in order of appearance, then rows whose other cells match. */
function matchRows(a: readonly RowVersion[], b: readonly RowVersion[], cols: readonly number[]): [number, number][] {
  const pairs: [number, number][] = [];
  const free = new Set(a.keys());
  const unmatched: number[] = [];
  b.forEach((r, j) => {
    const i = [...free].find((k) => a[k].cells[0] === r.cells[0]);
    if (i === undefined) return void unmatched.push(j);
    pairs.push([i, j]);
    free.delete(i);
  });
  const rest = (r: RowVersion, colOf: (c: number) => number) =>
    r.cells.filter((_, c) => c > 0 && colOf(c) >= 0).join(' ');
  for (const j of unmatched) {
    const mine = rest(b[j], (c) => cols[c]);
    const i = [...free].find(
      (k) =>
        similarity(
          rest(a[k], (c) => (cols.includes(c) ? c : -1)),
          mine,
        ) >= SAME_ROW,
    );
    if (i === undefined) continue;
    pairs.push([i, j]);
    free.delete(i);
  }
  return pairs;
}

/** A row is named by its first cell; an empty one by its position. */
const keyOf = (r: RowVersion, i: number): string => r.cells[0] || `row ${i + 1}`;
