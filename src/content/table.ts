import type { Token, Tokens } from 'marked';
import type { TableBlock } from '../model/article.js';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import { inlineToRuns, type InlineFindings } from './inline.js';

/**
 * A GFM table token → a table block. GFM silently drops cells beyond the
 * header's count; for a briefing that is lost data, so we count the cells of
 * each raw row ourselves and report the extra ones as errors.
 */
export function tableToBlock(t: Tokens.Table, position: Position, found: InlineFindings, ds: Diagnostic[]): TableBlock {
  const cells = (ts: Token[]) => inlineToRuns(ts, found);
  const lines = t.raw.replace(/^\n+/, '').replace(/\n+$/, '').split('\n');
  const width = t.header.length;
  const rowPositions: Position[] = [];
  lines.forEach((text, i) => {
    if (i === 1) return; // the delimiter row
    const line = position.line + i;
    if (i >= 2) rowPositions.push({ ...position, line });
    const starts = cellStarts(text);
    if (starts.length > width) {
      ds.push(
        diagnostic(
          'error',
          'table-extra-cells',
          { ...position, line, column: starts[width] + 1 + (/^\s*/.exec(text.slice(starts[width]))?.[0].length ?? 0) },
          `Unexpected ${starts.length} cells in this row, expected ${width} as in the header: the extra cells would be dropped`,
          'add a header column, or escape a literal pipe as `\\|`',
        ),
      );
    }
  });
  return {
    type: 'table',
    align: t.align.map((a) => a ?? null),
    header: t.header.map((c) => cells(c.tokens)),
    rows: t.rows.map((r) => r.map((c) => cells(c.tokens))),
    position,
    rowPositions,
  };
}

/** Offsets where each cell's text starts, splitting on unescaped pipes as GFM does (even inside code spans). */
export function cellStarts(line: string): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < line.length && /\s/.test(line[i])) i++;
  if (line[i] === '|') i++;
  let cellStart = i;
  let end = line.length;
  while (end > i && /\s/.test(line[end - 1])) end--;
  if (line[end - 1] === '|' && line[end - 2] !== '\\') end--;
  for (; i < end; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '|') {
      starts.push(cellStart);
      cellStart = i + 1;
    }
  }
  starts.push(cellStart);
  return starts;
}
