import type { Diagnostic } from '../model/diagnostic.js';
import { formatDiagnostic } from '../util/format-diagnostic.js';
import { terminalSafe } from '../util/control-chars.js';

/** Where a command prints: plain text, colour only on a terminal and never under NO_COLOR. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  color: boolean;
}

export function consoleOutput(): Output {
  const color =
    !!process.stdout.isTTY &&
    !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') &&
    process.env.TERM !== 'dumb';
  // The sink escapes stray control characters, so no value can move the cursor, recolour or hide text.
  return {
    out: (l) => process.stdout.write(`${terminalSafe(l)}\n`),
    err: (l) => process.stderr.write(`${terminalSafe(l)}\n`),
    color,
  };
}

const paint = (code: number) => (on: boolean, s: string) => (on ? `\u001b[${code}m${s}\u001b[39m` : s);
export const red = paint(31);
export const yellow = paint(33);
export const green = paint(32);
export const dim = (on: boolean, s: string) => (on ? `\u001b[2m${s}\u001b[22m` : s);

export function printDiagnostics(o: Output, ds: readonly Diagnostic[]): void {
  for (const d of ds) {
    const line = formatDiagnostic(d);
    o.err(d.severity === 'error' ? red(o.color, line) : yellow(o.color, line));
  }
}

export { plural } from '../util/plural.js';
