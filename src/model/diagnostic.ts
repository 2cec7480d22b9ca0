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
