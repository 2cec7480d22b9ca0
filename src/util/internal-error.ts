/**
 * An unexpected exception while one deck was being checked, built, exported
 * or sent: a bug in briefdeck. It is that deck's failure, reported with its
 * stack, and the run goes on with the other decks; the run's exit status is
 * then `INTERNAL_EXIT` (EX_SOFTWARE), after every deck was processed.
 */
export interface InternalError {
  message: string;
  stack: string;
}

export const INTERNAL_EXIT = 70;

/** The code of the error diagnostic an internal error is counted by (its line and stack are printed instead). */
export const INTERNAL_CODE = 'internal-error';

export function internalErrorOf(e: unknown): InternalError {
  const err = e instanceof Error ? e : new Error(String(e));
  const message = err.message.split('\n')[0] || err.name;
  return { message, stack: err.stack ?? `${err.name}: ${err.message}` };
}

/** The deck's line: `✗ <deck>  internal error (a bug in briefdeck): <message>`; the stack follows on stderr. */
export const internalErrorLine = (slug: string, ie: InternalError, mark = '✗'): string =>
  `${mark} ${slug}  internal error (a bug in briefdeck): ${ie.message}`;

/** What to print under the line: the stack and where to report it. */
export const internalErrorDetail = (ie: InternalError): string =>
  `${ie.stack}\n  please report this with the output above`;
