import type { Diagnostic } from './diagnostic.js';

/**
 * Errors a user can act on carry a stable code and, where known, the
 * diagnostics behind them. Anything else that is thrown is a bug.
 */
export class BriefdeckError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ContentError extends BriefdeckError {}
export class ThemeError extends BriefdeckError {}
export class ExportError extends BriefdeckError {}
export class DeliveryError extends BriefdeckError {}
export class UsageError extends BriefdeckError {}
export class HistoryError extends BriefdeckError {}
/** The output folder is locked by another run (or cannot be locked at all). */
export class LockError extends BriefdeckError {}

export const isUserError = (e: unknown): e is BriefdeckError => e instanceof BriefdeckError;
