import { escapeControl } from '../util/control-chars.js';

/** A place in a source file. Lines and columns start at 1; line 0 means the file as a whole (a binary template). */
export interface Position {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/**
 * A problem found in the user's input. Diagnostics are data: stages return
 * them and the CLI decides how to print them and whether they fail the run.
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable, kebab-case identifier, e.g. `table-extra-cells`. */
  code: string;
  message: string;
  position: Position;
  /** How to fix it, when known. */
  fix?: string;
}

export function diagnostic(
  severity: Severity,
  code: string,
  position: Position,
  message: string,
  fix?: string,
): Diagnostic {
  return fix === undefined ? { severity, code, message, position } : { severity, code, message, position, fix };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/**
 * `file:line:col severity message` (`file: severity message` for a whole
 * file) — the one format people and editors read.
 * Always one line: control characters from file names or quoted text are
 * escaped, so a diagnostic cannot forge another line of output or log.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where =
    d.position.line > 0 ? `${d.position.file}:${d.position.line}:${d.position.column}` : `${d.position.file}:`;
  return escapeControl(`${where} ${d.severity} ${d.message}${d.fix ? ` (fix: ${d.fix})` : ''} [${d.code}]`);
}
