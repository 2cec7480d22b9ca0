import type { TableBlock } from '../model/article.js';
import type { Diagnostic, Position } from '../model/diagnostic.js';
import { isCaptionLine, parseCaption } from './table-caption.js';
import { tableToChart } from './table-to-chart.js';

/**
 * Gives a table the caption line written below it: after a blank line (a paragraph of its own to marked) or right
 * under its last row (which GFM reads as one more row, so it is taken back out). With `chart=` the table becomes a
 * chart, when its figures parse.
 */
export function captionTable(
  table: TableBlock,
  tableRaw: string,
  caption: { text: string; position: Position } | undefined,
  ds: Diagnostic[],
): void {
  const lines = tableRaw.replace(/^\n+/, '').replace(/\n+$/, '').split('\n');
  let found = caption;
  const last = lines.at(-1) ?? '';
  if (!found && lines.length > 2 && table.rows.length > 0 && isCaptionLine(last)) {
    table.rows.pop();
    const position = table.rowPositions.pop()!;
    lines.pop();
    found = { text: last, position };
  }
  if (!found) return;
  const { caption: parsed, at } = parseCaption(found.text, found.position, ds);
  table.caption = parsed;
  if (parsed.attrs.chart === undefined) return;
  const chart = tableToChart(table, lines, parsed, at, ds);
  if (chart) table.chart = chart;
}

/** A paragraph that is a caption line: its text, its lines joined. */
export function captionParagraph(raw: string): string | undefined {
  const text = raw.replace(/^\n+/, '').replace(/\n+$/, '');
  return isCaptionLine(text) ? text.split('\n').join(' ') : undefined;
}
