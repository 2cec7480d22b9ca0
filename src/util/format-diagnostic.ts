import { escapeControl } from './control-chars.js';

/** What a located message is, as `formatDiagnostic` reads it (briefdeck's `Diagnostic` is one). */
export interface LocatedMessage {
  severity: string;
  code: string;
  message: string;
  fix?: string;
  position: { file: string; line: number; column: number };
}

/**
 * `file:line:col severity message` (`file: severity message` for a whole
 * file) — the one format people and editors read.
 * Always one line: control characters from file names or quoted text are
 * escaped, so a diagnostic cannot forge another line of output or log.
 */
export function formatDiagnostic(d: LocatedMessage): string {
  const where =
    d.position.line > 0 ? `${d.position.file}:${d.position.line}:${d.position.column}` : `${d.position.file}:`;
  return escapeControl(`${where} ${d.severity} ${d.message}${d.fix ? ` (fix: ${d.fix})` : ''} [${d.code}]`);
}
