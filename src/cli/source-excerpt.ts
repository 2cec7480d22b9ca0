import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The widest stretch of a source line shown; longer lines are cut around the column. */
const WIDTH = 100;

/**
 * The source line a problem points at, with a caret under its column, as compilers show it:
 *
 *     5 | | 1 | 2 | 3 |
 *       |           ^
 *
 * `read` gives a file's text (cached by the caller); undefined when the file cannot be read or the line is not there.
 */
export function sourceExcerpt(
  position: { file: string; line: number; column: number },
  read: (file: string) => string | undefined,
): string[] | undefined {
  if (position.line < 1) return undefined;
  const text = read(path.resolve(position.file));
  const line = text?.split(/\r\n|\r|\n/)[position.line - 1];
  if (line === undefined || line.trim() === '') return undefined;
  const chars = [...line];
  const col = Math.min(Math.max(position.column, 1), chars.length + 1) - 1;
  const start = chars.length <= WIDTH ? 0 : Math.max(0, Math.min(col - WIDTH / 2, chars.length - WIDTH));
  const shown = chars.slice(start, start + WIDTH);
  const lead = start > 0 ? '…' : '';
  const tail = start + WIDTH < chars.length ? '…' : '';
  // Tabs stay tabs under the caret, so it lines up whatever the terminal's tab width.
  const pad = shown
    .slice(0, col - start)
    .map((c) => (c === '\t' ? '\t' : ' '))
    .join('');
  const num = String(position.line);
  const gutter = ' '.repeat(num.length);
  return [` ${num} | ${lead}${shown.join('')}${tail}`, ` ${gutter} | ${lead ? ' ' : ''}${pad}^`];
}

/** Reads each file once per printing. */
export function cachedReader(): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}
