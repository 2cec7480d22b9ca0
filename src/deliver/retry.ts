import { errorText } from './redact.js';
import type { DeliveryReport, Rejection } from './transport.js';

export interface RetryPolicy {
  /** Wait before each further attempt; its length is the number of retries. */
  delaysMs: readonly number[];
  /** Injectable so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [2_000, 10_000, 30_000] };

const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN']);

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
  attempts: number;
  file?: string;
}

export interface RetryHooks {
  /** After each attempt that got recipients accepted: persist them before anything else can fail. */
  onAccepted?: (accepted: string[]) => Promise<void>;
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
  /** Scrubs credentials from error text (MailSettings.redact). */
  redact?: (text: string) => string;
}

/**
 * Offer the message to `recipients`, retrying only those that failed
 * transiently, after the policy's delays. Never throws for SMTP failures.
 */
export async function deliverWithRetry(
  recipients: readonly string[],
  attempt: (pending: string[]) => Promise<DeliveryReport>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<RetryResult> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const accepted: string[] = [];
  const failed: Rejection[] = [];
  let pending = [...recipients];
  let file: string | undefined;
  let attempts = 0;
  while (pending.length > 0) {
    attempts++;
    let retryable: Rejection[];
    try {
      const r = await attempt(pending);
      file = r.file ?? file;
      accepted.push(...r.accepted);
      if (r.accepted.length > 0) await hooks.onAccepted?.(r.accepted);
      failed.push(...r.rejected.filter((x) => !x.transient));
      retryable = r.rejected.filter((x) => x.transient);
    } catch (e) {
      const code = (e as { responseCode?: unknown }).responseCode;
      const each = pending.map((recipient) => ({ recipient, code: typeof code === 'number' ? code : undefined, message: errorText(e, hooks.redact), transient: isTransient(e) }));
      if (!isTransient(e)) {
        failed.push(...each);
        break;
      }
      retryable = each;
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
  return { accepted, failed, attempts, file };
}
