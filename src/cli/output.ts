import type { Diagnostic } from '../model/diagnostic.js';
import { formatDiagnostic } from '../util/format-diagnostic.js';
import { terminalSafe } from '../util/control-chars.js';
import { cachedReader, sourceExcerpt } from './source-excerpt.js';

/** Where a command prints: plain text, colour only on a terminal and never under NO_COLOR. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  color: boolean;
  /**
   * On a terminal: shows or replaces a one-line progress status (deck, step, how far), cleared by the next line
   * printed or by `status('')`. Absent when stdout is not a terminal, so piped output carries none of it.
   */
  status?: (line: string) => void;
  /** stderr is a terminal: problems show their source line with a caret. */
  tty?: boolean;
}

export function consoleOutput(): Output {
  const color =
    !!process.stdout.isTTY &&
    !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') &&
    process.env.TERM !== 'dumb';
  let statusShown = false;
  const clear = () => {
    if (!statusShown) return;
    process.stdout.write('\r\u001b[2K');
    statusShown = false;
  };
  // The sink escapes stray control characters, so no value can move the cursor, recolour or hide text.
  return {
    out: (l) => {
      clear();
      process.stdout.write(`${terminalSafe(l)}\n`);
    },
    err: (l) => {
      clear();
      process.stderr.write(`${terminalSafe(l)}\n`);
    },
    color,
    tty: !!process.stderr.isTTY && process.env.TERM !== 'dumb',
    ...(process.stdout.isTTY && process.env.TERM !== 'dumb'
      ? {
          status: (l: string) => {
            clear();
            if (!l) return;
            // One line, never wider than the terminal: a wrapped status could not be cleared with \r.
            const width = Math.max(20, (process.stdout.columns || 80) - 1);
            const safe = [...terminalSafe(l)];
            process.stdout.write(safe.length > width ? `${safe.slice(0, width - 1).join('')}…` : safe.join(''));
            statusShown = true;
          },
        }
      : {}),
  };
}

const paint = (code: number) => (on: boolean, s: string) => (on ? `\u001b[${code}m${s}\u001b[39m` : s);
export const red = paint(31);
export const yellow = paint(33);
export const green = paint(32);
export const dim = (on: boolean, s: string) => (on ? `\u001b[2m${s}\u001b[22m` : s);

/**
 * Problems in file, line and column order (a deck's sections are read in that order), each followed on a terminal by
 * its source line with a caret under the column.
 */
export function printDiagnostics(o: Output, ds: readonly Diagnostic[]): void {
  const read = o.tty ? cachedReader() : undefined;
  for (const d of sortDiagnostics(ds)) {
    const line = formatDiagnostic(d);
    o.err(d.severity === 'error' ? red(o.color, line) : yellow(o.color, line));
    const excerpt = read && sourceExcerpt(d.position, read);
    if (excerpt) for (const l of excerpt) o.err(dim(o.color, l));
  }
}

/** By file, then line, then column; a whole-file problem (line 0) first in its file. Stable otherwise. */
export function sortDiagnostics<T extends Diagnostic>(ds: readonly T[]): T[] {
  return [...ds].sort(
    (a, b) =>
      (a.position.file < b.position.file ? -1 : a.position.file > b.position.file ? 1 : 0) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column,
  );
}
