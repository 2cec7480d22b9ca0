import type { LocatedMessage } from './format-diagnostic.js';

/**
 * Problems with briefdeck's own state under output/ (a damaged version record, history or export record), found
 * deep inside readers that treat the file as absent and carry on. They are collected here rather than threaded
 * through every reader's callers, and the CLI prints them as warnings once the command is done: the command still
 * works, and the user learns which file was ignored and why.
 */
const problems = new Map<string, LocatedMessage>();

export function noteStateProblem(code: string, file: string, message: string): void {
  problems.set(`${file}\u0000${message}`, {
    severity: 'warning',
    code,
    message,
    position: { file, line: 0, column: 0 },
  });
}

/** The problems noted since the last call, in the order they were first noted. */
export function takeStateProblems(): LocatedMessage[] {
  const out = [...problems.values()];
  problems.clear();
  return out;
}
