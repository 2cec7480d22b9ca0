import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';

/** Markdown text of a section body, with the line it starts on. */
export interface TextPart {
  kind: 'text';
  text: string;
  line: number;
}

/** One `::: column` of a `:::: columns` div: its Markdown, still to be lexed. */
export interface ColumnPart {
  width?: number;
  text: string;
  /** The line after the fence (where the column's Markdown starts). */
  line: number;
  position: Position;
}

export interface ColumnsPart {
  kind: 'columns';
  columns: ColumnPart[];
  position: Position;
}

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;

/**
 * A section body cut at pandoc's fenced divs (`:::: columns` holding `::: column`s), which marked does not know: a
 * fence line interrupts no paragraph or list in CommonMark, so the body is cut line by line before lexing, skipping
 * code blocks. Fences that do not make a column set (a stray or unclosed `:::`, a column outside one, text between
 * columns, other div classes) are errors at their own line; their lines are dropped and the text around them kept.
 */
export function splitFencedDivs(
  body: string,
  file: string,
  firstLine: number,
): { parts: (TextPart | ColumnsPart)[]; diagnostics: Diagnostic[] } {
  const lines = body.split('\n');
  const parts: (TextPart | ColumnsPart)[] = [];
  const ds: Diagnostic[] = [];
  let text: TextPart = { kind: 'text', text: '', line: firstLine };
  let set: ColumnsPart | undefined;
  let column: ColumnPart | undefined;
  let code: string | undefined;
  const at = (i: number, column = 1): Position => ({ file, line: firstLine + i, column });
  // A fence line that makes nothing is dropped as a blank line, so the lines after it keep their numbers.
  const error = (code: string, i: number, message: string, hint?: string) => {
    ds.push(diagnostic('error', code, at(i), message, hint));
    append('', i);
  };
  const append = (line: string, i: number) => {
    if (column) column.text += `${line}\n`;
    else if (set) {
      if (line.trim() !== '')
        error(
          'columns-stray-text',
          i,
          'Unexpected text between columns, expected it inside a `::: column`',
          'move it into a column, or after the closing `::::`',
        );
    } else text.text += `${line}\n`;
  };
  const flush = (next: number) => {
    if (text.text.trim() !== '') parts.push(text);
    text = { kind: 'text', text: '', line: firstLine + next };
  };

  lines.forEach((line, i) => {
    if (code !== undefined) {
      if (line.trimStart().startsWith(code) && line.trim().replace(/^[`~]+/, '') === '') code = undefined;
      append(line, i);
      return;
    }
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      code = fence[1];
      append(line, i);
      return;
    }
    const div = /^ {0,3}(:{3,})\s*(.*?)\s*$/.exec(line);
    if (!div) return append(line, i);
    const spec = div[2];
    if (spec === '') {
      if (column) {
        set!.columns.push(column);
        column = undefined;
      } else if (set) {
        closeSet(set, ds);
        parts.push(set);
        set = undefined;
        text.line = firstLine + i + 1;
      } else
        error(
          'div-stray-close',
          i,
          'Unexpected `:::` with no open fenced div',
          'remove it, or open the column set with `:::: columns`',
        );
      return;
    }
    const attrs = divAttributes(spec);
    if (attrs.classes.includes('columns')) {
      if (set)
        return error('columns-nested', i, 'Unexpected `:::: columns` inside a column set, expected `::: column`');
      flush(i + 1);
      set = { kind: 'columns', columns: [], position: at(i) };
      return;
    }
    if (attrs.classes.includes('column')) {
      if (!set)
        return error(
          'column-outside-columns',
          i,
          'Unexpected `::: column` outside a column set, expected it inside `:::: columns`',
          'open the set with `:::: columns` before the first column',
        );
      if (column)
        return error(
          'column-unclosed',
          i,
          'Unexpected `::: column` inside a column, expected `:::` to close the column before it',
        );
      column = { text: '', line: firstLine + i + 1, position: at(i) };
      const width = attrs.values.width;
      if (width !== undefined) {
        const m = /^(\d+(?:\.\d+)?)%$/.exec(width);
        if (m && Number(m[1]) > 0 && Number(m[1]) <= 100) column.width = Number(m[1]) / 100;
        else
          ds.push(
            diagnostic(
              'error',
              'column-width',
              at(i, line.indexOf('width') + 1),
              `Unexpected width \`${width}\`, expected a share of the row such as \`width="40%"\``,
            ),
          );
      }
      return;
    }
    return error(
      'div-unknown',
      i,
      `Unexpected fenced div \`${line.trim()}\`, expected \`:::: columns\` or \`::: column\``,
      'briefdeck knows column sets only; remove the fences',
    );
  });
  if (column) {
    ds.push(diagnostic('error', 'div-unclosed', column.position, 'Unclosed `::: column`, expected `:::` to close it'));
    set!.columns.push(column);
  }
  if (set) {
    ds.push(diagnostic('error', 'div-unclosed', set.position, 'Unclosed `:::: columns`, expected `::::` to close it'));
    parts.push(set);
  }
  flush(lines.length);
  return { parts, diagnostics: ds };
}

/** Two to four columns whose widths leave room for each other. */
function closeSet(set: ColumnsPart, ds: Diagnostic[]): void {
  const n = set.columns.length;
  if (n < MIN_COLUMNS || n > MAX_COLUMNS)
    ds.push(
      diagnostic(
        'error',
        'columns-count',
        set.position,
        `Unexpected ${n} column${n === 1 ? '' : 's'} in \`:::: columns\`, expected ${MIN_COLUMNS} to ${MAX_COLUMNS}`,
      ),
    );
  const given = set.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  if (given > 1.0001)
    ds.push(
      diagnostic(
        'error',
        'columns-width',
        set.position,
        `Unexpected column widths adding up to ${Math.round(given * 100)}%, expected at most 100%`,
      ),
    );
}

/** `columns`, `{.column width="40%"}` or `column width=40%`: the classes and key=value attributes of a div. */
export function divAttributes(spec: string): { classes: string[]; values: Record<string, string> } {
  const inner = spec.replace(/^\{\s*/, '').replace(/\s*\}$/, '');
  const classes: string[] = [];
  const values: Record<string, string> = {};
  for (const m of inner.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))|\.?([\w-]+)/g)) {
    if (m[1]) values[m[1]] = m[2] ?? m[3] ?? m[4] ?? '';
    else if (m[5]) classes.push(m[5]);
  }
  return { classes, values };
}
