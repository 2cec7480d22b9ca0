import type { TableCaption } from '../model/chart.js';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';

/** Where each attribute's key and value start in the caption line (for problems found later). */
export interface CaptionPositions {
  [key: string]: Position;
}

/** A caption line: `: text` (pandoc's and Quarto's form, after a table), with an optional `{…}` at its end. */
export const isCaptionLine = (line: string): boolean => /^ {0,3}:(\s|$)/.test(line);

/**
 * `: Designations per year {chart=column unit="%" y-title="Count"}` → its text and attributes. `#id` and `.class`
 * (pandoc's) are allowed and ignored; a `{` that is not a well-formed attribute list is an error at its column, so a
 * chart the author asked for is never silently dropped.
 */
export function parseCaption(
  text: string,
  position: Position,
  ds: Diagnostic[],
): { caption: TableCaption; at: CaptionPositions } {
  const lead = /^ {0,3}:\s*/.exec(text)![0].length;
  const body = text.replace(/\s+$/, '');
  const attrs: Record<string, string> = {};
  const at: CaptionPositions = {};
  let end = body.length;
  const open = findAttrStart(body);
  if (open >= 0 && body.endsWith('}')) {
    end = open;
    const re = /\s*(?:([#.][\w-]+)|([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))\s*/y;
    let i = open + 1;
    const close = body.length - 1;
    while (i < close) {
      re.lastIndex = i;
      const m = re.exec(body);
      if (!m || m.index !== i || m[0] === '') {
        ds.push(
          diagnostic(
            'error',
            'caption-attributes',
            { ...position, column: position.column + i },
            `Unexpected \`${body.slice(i, close).trim().slice(0, 30)}\` in the caption's attributes, expected \`key=value\` pairs such as \`chart=column unit="%"\``,
            'quote values that hold spaces: `y-title="Designations per year"`',
          ),
        );
        break;
      }
      if (m[2]) {
        const key = m[2].toLowerCase();
        attrs[key] = m[3] ?? m[4] ?? m[5] ?? '';
        const valueAt = m.index + m[0].indexOf('=') + 1 + (/^=\s*/.exec(m[0].slice(m[0].indexOf('=')))![0].length - 1);
        at[key] = { ...position, column: position.column + valueAt };
      }
      i = re.lastIndex;
    }
  }
  const caption = body.slice(lead, end).replace(/\s+/g, ' ').trim();
  return { caption: { text: caption, attrs, position: { ...position, column: position.column + lead } }, at };
}

/** Offset of the `{` that opens a trailing attribute list, skipping braces inside quoted values. */
function findAttrStart(s: string): number {
  if (!s.endsWith('}')) return -1;
  let quote = '';
  for (let i = s.length - 2; i >= 0; i--) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') return i;
  }
  return -1;
}
