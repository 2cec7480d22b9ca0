import { errorText } from './redact.js';
import type { DeliveryReport, Rejection } from './transport.js';

export interface RetryPolicy {
  /** Wait before each further attempt; its length is the number of retries. */
  delaysMs: readonly number[];
  /** Injectable so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [2_000, 10_000, 30_000] };

const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
]);

/** 4xx replies, dropped or refused connections and timeouts are worth another try; 5xx and the rest are not. */
export function isTransient(e: unknown): boolean {
  const err = (e ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof err.responseCode === 'number') return err.responseCode >= 400 && err.responseCode < 500;
  return typeof err.code === 'string' && TRANSIENT_CODES.has(err.code);
}

export interface RetryResult {
  accepted: string[];
  /** Final: 5xx, or still 4xx when the retries ran out. */
  failed: Rejection[];
  /** Rounds of offering (1 + retries). */
  attempts: number;
  /** Messages handed to the server: more than the attempts when it capped the recipients per message. */
  messages: number;
  file?: string;
}

export interface RetryHooks {
  /**
   * After each message that got recipients accepted: persist them before anything else can fail. Its errors propagate.
   */
  onAccepted?: (accepted: string[]) => Promise<void>;
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
  /** Scrubs credentials from error text (MailSettings.redact). */
  redact?: (text: string) => string;
}

/** RFC 5321 4.5.3.1.10: a server that takes no more recipients for this message answers 452. */
const TOO_MANY_RECIPIENTS = 452;

/**
 * Offer the message to `recipients`, retrying only those that failed
 * transiently, after the policy's delays. A server that caps recipients per
 * message (accepts some, then answers 452 to the rest) gets the rest at once
 * in further messages of the size it took, which is not a retry. Every
 * recipient is in at most one accepted message. Never throws for SMTP
 * failures; an error from `onAccepted` (the send log) propagates.
 */
export async function deliverWithRetry(
  recipients: readonly string[],
  attempt: (batch: string[]) => Promise<DeliveryReport>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<RetryResult> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const accepted: string[] = [];
  const failed: Rejection[] = [];
  let pending = [...recipients];
  let file: string | undefined;
  let attempts = 0;
  let messages = 0;
  let perMessage = Infinity;
  while (pending.length > 0) {
    attempts++;
    const retryable: Rejection[] = [];
    let queue = pending;
    while (queue.length > 0) {
      const batch = queue.slice(0, perMessage);
      queue = queue.slice(batch.length);
      messages++;
      let r: DeliveryReport;
      try {
        r = await attempt(batch);
      } catch (e) {
        const code = (e as { responseCode?: unknown }).responseCode;
        const each = [...batch, ...queue].map((recipient) => ({
          recipient,
          code: typeof code === 'number' ? code : undefined,
          message: errorText(e, hooks.redact),
          transient: isTransient(e),
        }));
        (isTransient(e) ? retryable : failed).push(...each);
        queue = [];
        break;
      }
      file = r.file ?? file;
      accepted.push(...r.accepted);
      if (r.accepted.length > 0) await hooks.onAccepted?.(r.accepted);
      failed.push(...r.rejected.filter((x) => !x.transient));
      const capped = r.accepted.length > 0 ? r.rejected.filter((x) => x.code === TOO_MANY_RECIPIENTS) : [];
      retryable.push(...r.rejected.filter((x) => x.transient && !capped.includes(x)));
      if (capped.length > 0) {
        const over = new Set(capped.map((x) => x.recipient));
        perMessage = Math.min(
          perMessage,
          Math.max(
            1,
            batch.findIndex((b) => over.has(b)),
          ),
        );
        queue = [...batch.filter((b) => over.has(b)), ...queue];
      }
    }
    pending = retryable.map((x) => x.recipient);
    if (pending.length === 0) break;
    const delay = policy.delaysMs[attempts - 1];
    if (delay === undefined) {
      failed.push(...retryable);
      break;
    }
    hooks.onRetry?.(attempts, delay, retryable[0].message);
    await sleep(delay);
  }
  return { accepted, failed, attempts, messages, file };
}
