import { faultPoint } from '../util/fault-seam.js';
import { INTERNAL_CODE, internalErrorOf, type InternalError } from '../util/internal-error.js';
import type { DeckOptions } from '../model/deck-options.js';
import type { Config } from '../config/config-schema.js';
import { receivedVersions, type Received } from '../history/sent-versions.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { BriefdeckError, DeliveryError } from '../model/errors.js';
import { ioCause, isIoError } from '../util/io-error.js';
import { deckArtifacts } from './artifacts.js';
import { builtDeck } from './built-deck.js';
import { deckEmail, planMessages } from './deck-mail.js';
import { sendClock } from './send-clock.js';
import { mailSettings, type MailSettings } from './mail-settings.js';
import { formatBytes } from './message.js';
import { recipientGroups } from './recipient-groups.js';
import { ServerBreaker, type MailTimeouts } from './mail-timeouts.js';
import { DEFAULT_RETRY, deliverWithRetry, type RetryPolicy } from './retry.js';
import { errorText } from './redact.js';
import { alreadyAccepted, loadSendLog, recordAccepted, saveSendLog, type SendLog } from '../history/send-log.js';
import { openTransport, type MailTransport, type Rejection } from './transport.js';

export interface SendOptions {
  config: Config;
  env: NodeJS.ProcessEnv;
  /** Send even to recipients that already have this version. */
  force?: boolean;
  /** Send a deck whose sources changed since it was built (it is sent, and described, as built). */
  allowStale?: boolean;
  /** Build the messages and report what would be sent; send and write nothing. */
  dryRun?: boolean;
  onProgress?: (e: SendProgress) => void;
  retry?: RetryPolicy;
  /** The clock, for Date headers and the send log; else SOURCE_DATE_EPOCH, else the system clock. */
  now?: () => Date;
  /** SMTP timeouts (tests inject short ones). */
  timeouts?: MailTimeouts;
}

export type SendProgress =
  | { type: 'start'; slug: string; index: number; total: number }
  | { type: 'deck'; outcome: SendOutcome }
  | { type: 'retry'; slug: string; attempt: number; delayMs: number; reason: string };

export type SendStatus = 'sent' | 'partial' | 'failed' | 'up-to-date' | 'no-recipients' | 'dry-run';

/** One message: the recipients who last accepted the same version, and what it told them. */
export interface MessageOutcome {
  recipients: string[];
  /** The version they last accepted, and when; absent for recipients new to the deck. */
  since?: Received;
  /** `first version`, `unchanged`, `updated: …` or `not known`. */
  summary: string;
  subject: string;
  bytes: number;
  /** Attached files, the inline contact sheet included. */
  attachments: string[];
  accepted: string[];
  /** The .eml written (outbox). */
  file?: string;
}

export interface SendOutcome {
  slug: string;
  status: SendStatus;
  /** `outbox` or `smtp://host:port`. */
  via: string;
  from: string;
  /** The first message's subject (each message's is in `groups`). */
  subject?: string;
  /** sha256 over the attachments. */
  version?: string;
  to: string[];
  cc: string[];
  /** Offered in this run (would be, for a dry run). */
  pending: string[];
  accepted: string[];
  /** Accepted this version in an earlier run. */
  alreadySent: string[];
  /** Per recipient, final. */
  failed: Rejection[];
  attachments: { filename: string; bytes: number }[];
  /** One per group of pending recipients (grouped by the version they last accepted). */
  groups: MessageOutcome[];
  /** The largest message. */
  messageBytes?: number;
  maxBytes: number;
  attempts: number;
  /** Messages handed to the server (one per group, more when it capped recipients per message). */
  messages: number;
  /** The last .eml written (outbox). */
  file?: string;
  /** Exported files left out because they belong to an earlier build, and why. */
  notes: string[];
  /**
   * Why the deck was not (fully) sent: a deck-level problem, or a summary of `failed` (user-facing, credentials
   * redacted).
   */
  error?: string;
  errorCode?: string;
  diagnostics: Diagnostic[];
  /** An unexpected exception (a bug in briefdeck) while sending this deck; what was accepted before it is recorded. */
  internal?: InternalError;
}

/**
 * Mail each deck's built files to its `email` recipients, once per version,
 * each message saying what changed since the version its recipients last
 * accepted. A deck that fails does not stop the others; SMTP failures become
 * outcomes, not exceptions. Throws DeliveryError only for run-wide problems
 * (a bad SMTP URL, an unreadable send log).
 */
export async function sendDecks(slugs: readonly string[], opts: DeckOptions, o: SendOptions): Promise<SendOutcome[]> {
  const settings = mailSettings(o.config, o.env);
  const clock = o.now ?? sendClock(o.env);
  const log = await loadSendLog(opts.outDir);
  const transport = o.dryRun ? undefined : openTransport(settings, opts.outDir, o.timeouts);
  // One run, one server: after two timeouts the rest of the run does not wait on it again.
  const breaker = new ServerBreaker(settings.smtp?.display ?? 'outbox');
  const outcomes: SendOutcome[] = [];
  try {
    for (const [index, slug] of slugs.entries()) {
      o.onProgress?.({ type: 'start', slug, index, total: slugs.length });
      const outcome = await sendDeck(slug, opts, { ...o, now: clock }, settings, log, breaker, transport);
      o.onProgress?.({ type: 'deck', outcome });
      outcomes.push(outcome);
    }
  } finally {
    transport?.close();
  }
  return outcomes;
}

async function sendDeck(
  slug: string,
  opts: DeckOptions,
  o: SendOptions,
  settings: MailSettings,
  log: SendLog,
  breaker: ServerBreaker,
  transport?: MailTransport,
): Promise<SendOutcome> {
  const via = settings.smtp?.display ?? 'outbox';
  const clock = o.now ?? (() => new Date());
  const outcome: SendOutcome = {
    slug,
    status: 'failed',
    via,
    from: settings.from,
    to: [],
    cc: [],
    pending: [],
    accepted: [],
    alreadySent: [],
    failed: [],
    attachments: [],
    groups: [],
    maxBytes: settings.maxBytes,
    attempts: 0,
    messages: 0,
    notes: [],
    diagnostics: [],
  };
  try {
    faultPoint('send', slug);
    const { email } = await deckEmail(slug, opts.contentDir);
    if (!email || email.to.length + email.cc.length === 0) return { ...outcome, status: 'no-recipients' };
    outcome.to = email.to;
    outcome.cc = email.cc;
    const recipients = unique([...email.to, ...email.cc]);
    const artifacts = await deckArtifacts(opts.outDir, slug);
    outcome.version = artifacts.version;
    outcome.notes = artifacts.leftOut.map((f) => `not attached: ${f}`);
    outcome.attachments = [artifacts.pptx, artifacts.pdf].flatMap((a) =>
      a ? [{ filename: a.filename, bytes: a.content.length }] : [],
    );
    // What the mail says comes from the build that made the attached .pptx; a deck whose sources moved on is refused
    // unless allowed.
    const built = await builtDeck(slug, opts, artifacts.pptx.sha256, { allowStale: o.allowStale });
    const before = alreadyAccepted(log, slug, artifacts.version, via);
    outcome.alreadySent = recipients.filter((r) => before.has(r.toLowerCase()));
    outcome.pending = o.force ? recipients : recipients.filter((r) => !before.has(r.toLowerCase()));
    if (outcome.pending.length === 0) return { ...outcome, status: 'up-to-date' };

    const groups = recipientGroups(outcome.pending, receivedVersions(log, slug, artifacts.pptx.sha256));
    const planned = await planMessages({
      slug,
      outDir: opts.outDir,
      from: settings.from,
      fromAddress: settings.fromAddress,
      email,
      artifacts,
      built,
      groups,
      reproducible: via === 'outbox',
      now: clock(),
    });
    outcome.groups = planned.map(({ group, message }) => ({
      recipients: group.recipients,
      ...(group.since ? { since: group.since } : {}),
      summary: message.summary,
      subject: message.subject,
      bytes: message.raw.length,
      attachments: message.attachments,
      accepted: [],
    }));
    outcome.subject = planned[0].message.subject;
    outcome.messageBytes = Math.max(...planned.map((p) => p.message.raw.length));
    if (outcome.messageBytes > settings.maxBytes) {
      const parts = outcome.attachments.map((a) => `${a.filename} ${formatBytes(a.bytes)}`).join(', ');
      throw new DeliveryError(
        'message-too-large',
        `Message for \`${slug}\` is ${formatBytes(outcome.messageBytes)}, over the ${formatBytes(settings.maxBytes)} limit (attachments: ${parts}); raise \`mail.maxBytes\` in the config file if the server accepts larger messages`,
      );
    }
    if (o.dryRun || !transport) return { ...outcome, status: 'dry-run' };
    if (breaker.open) throw breaker.refusal();

    const attachments = [artifacts.pptx, artifacts.pdf, artifacts.contactSheet].flatMap((a) =>
      a ? [{ filename: a.filename, sha256: a.sha256, bytes: a.content.length }] : [],
    );
    const accepted: string[] = [];
    const failed: Rejection[] = [];
    let attempts = 0;
    let messages = 0;
    let file: string | undefined;
    for (const [k, { group, message, key }] of planned.entries()) {
      const base = { deck: slug, version: artifacts.version, via, messageId: message.messageId, attachments };
      const r = await deliverWithRetry(
        group.recipients,
        async (pending) => {
          if (breaker.open) throw breaker.refusal();
          return transport
            .deliver(message, { from: settings.fromAddress, to: pending }, `${slug}-${key.slice(0, 12)}`)
            .catch((e: unknown) => {
              throw breaker.failed(e);
            });
        },
        o.retry ?? DEFAULT_RETRY,
        {
          redact: settings.redact,
          onAccepted: async (who) => {
            recordAccepted(log, base, who, clock().toISOString());
            await saveSendLog(opts.outDir, log);
          },
          onRetry: (attempt, delayMs, reason) => o.onProgress?.({ type: 'retry', slug, attempt, delayMs, reason }),
        },
      );
      outcome.groups[k] = { ...outcome.groups[k], accepted: r.accepted, ...(r.file ? { file: r.file } : {}) };
      accepted.push(...r.accepted);
      failed.push(...r.failed);
      attempts = Math.max(attempts, r.attempts);
      messages += r.messages;
      file = r.file ?? file;
    }
    const status = failed.length === 0 ? 'sent' : accepted.length > 0 ? 'partial' : 'failed';
    const error = failed.length === 0 ? undefined : failureSummary(failed);
    return { ...outcome, status, accepted, failed, attempts, messages, file, error };
  } catch (e) {
    // A full disk or a permission is this deck's failure (an accepted delivery is recorded before anything else, so at
    // most that record is lost).
    if (isIoError(e))
      return {
        ...outcome,
        status: 'failed',
        error: settings.redact(`${e.path ? `\`${e.path}\`: ` : ''}${ioCause(e)}`),
        errorCode: 'io-error',
      };
    if (!(e instanceof BriefdeckError)) {
      // A bug: this deck's failure, not the run's (the send log records each acceptance as it happens).
      const internal = internalErrorOf(e);
      const error = settings.redact(`internal error (a bug in briefdeck): ${internal.message}`);
      return { ...outcome, status: 'failed', error, errorCode: INTERNAL_CODE, internal: redacted(internal, settings) };
    }
    return {
      ...outcome,
      status: 'failed',
      error: errorText(e, settings.redact),
      errorCode: e.code,
      diagnostics: [...e.diagnostics],
    };
  }
}

/** A stack can hold a message that quoted the SMTP URL: its password never reaches the output. */
const redacted = (ie: InternalError, settings: MailSettings): InternalError => ({
  message: settings.redact(ie.message),
  stack: settings.redact(ie.stack),
});

/**
 * One line for callers that show a single reason (the schedule log): `2 recipients failed: a@x (550 …), b@x (550 …)`.
 */
function failureSummary(failed: Rejection[]): string {
  const n = failed.length;
  return `${n} recipient${n === 1 ? '' : 's'} failed: ${failed.map((f) => `${f.recipient} (${f.message})`).join(', ')}`;
}

function unique(addresses: string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((a) => {
    const k = a.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
