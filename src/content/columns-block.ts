import type { Block } from '../model/article.js';
import type { ColumnsBlock } from '../model/columns.js';
import type { ColumnsPart } from './fenced-divs.js';
import type { ParsedBody } from './markdown-to-blocks.js';
import { append } from '../util/append.js';

type LexInto = (body: string, file: string, firstLine: number, out: ParsedBody) => void;

/**
 * A column set's columns lexed like the rest of the section; a heading that opens a column (pandoc's and Quarto's
 * `###`) is its header, not a new slide title.
 */
export function columnsToBlock(part: ColumnsPart, file: string, out: ParsedBody, lexInto: LexInto): ColumnsBlock {
  return {
    type: 'columns',
    position: part.position,
    columns: part.columns.map((c) => {
      // The section's title is already known: a `# ` inside a column is an extra heading, as anywhere else.
      const sub: ParsedBody = {
        title: out.title ?? { runs: [], position: c.position },
        blocks: [],
        diagnostics: [],
        footnotes: [],
      };
      lexInto(c.text, file, c.line, sub);
      append(out.diagnostics, sub.diagnostics);
      out.footnotes.push(...sub.footnotes);
      const [first, ...rest] = sub.blocks;
      const heading = first?.type === 'heading' ? first.runs : undefined;
      const blocks: Block[] = heading ? rest : sub.blocks;
      return {
        ...(c.width !== undefined ? { width: c.width } : {}),
        ...(heading ? { heading } : {}),
        blocks,
        position: c.position,
      };
    }),
  };
}
