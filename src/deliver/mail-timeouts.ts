import { DeliveryError } from '../model/errors.js';

/**
 * How long an SMTP server may keep briefdeck waiting: to connect, for its greeting, and between bytes once talking
 * (during DATA above all); and a message as a whole, at most the three together. A server that stalls costs at most these per attempt, and the breaker below stops a run
 * from paying them again and again while it holds the output lock.
 */
export interface MailTimeouts {
  connectMs: number;
  greetingMs: number;
  dataMs: number;
}

export const DEFAULT_MAIL_TIMEOUTS: MailTimeouts = { connectMs: 30_000, greetingMs: 60_000, dataMs: 120_000 };

/** After this many timeouts from one server in one run, the rest of the run does not try it again. */
export const BREAK_AFTER_TIMEOUTS = 2;

/**
 * The longest a `send` run may hold the output lock on a server that stalls: two attempts that each time out as late
 * as they can, and the retry delays between them. Other commands waiting for the lock say so.
 */
export function sendMayHoldMs(t: MailTimeouts = DEFAULT_MAIL_TIMEOUTS, delaysMs: readonly number[] = []): number {
  const attempt = t.connectMs + t.greetingMs + t.dataMs;
  return BREAK_AFTER_TIMEOUTS * attempt + delaysMs.reduce((a, b) => a + b, 0);
}

/** nodemailer's timeouts (connection, greeting, socket) all fail with this code. */
export const isTimeout = (e: unknown): boolean => (e as { code?: unknown } | undefined)?.code === 'ETIMEDOUT';

/**
 * A per-server circuit breaker for one run: after `BREAK_AFTER_TIMEOUTS` timeouts, every further attempt fails at
 * once (not transient, so it is not retried) and the remaining decks are reported as not sent.
 */
export class ServerBreaker {
  private timeouts = 0;
  constructor(
    readonly via: string,
    private readonly limit = BREAK_AFTER_TIMEOUTS,
  ) {}

  get open(): boolean {
    return this.timeouts >= this.limit;
  }

  /** Note an attempt's failure; returns it for rethrowing. */
  failed(e: unknown): unknown {
    if (isTimeout(e)) this.timeouts++;
    return e;
  }

  /** The error an attempt gets once the breaker is open. */
  refusal(): DeliveryError {
    return new DeliveryError(
      'server-unresponsive',
      `Not tried: \`${this.via}\` timed out ${this.timeouts} times in this run; the remaining decks are not sent (run \`briefdeck send\` again once the server answers)`,
    );
  }
}
