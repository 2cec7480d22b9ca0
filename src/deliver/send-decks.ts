import { checkDeck, timestampOf, type DeckOptions } from '../build.js';
import type { Config } from '../config/config-schema.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../model/diagnostic.js';
import { BriefdeckError, DeliveryError } from '../model/errors.js';
import { ioCause, isIoError } from '../util/io-error.js';
import { deckArtifacts } from './artifacts.js';
import { mailSettings, type MailSettings } from './mail-settings.js';
import { deckToMessage, formatBytes } from './message.js';
import { DEFAULT_RETRY, deliverWithRetry, type RetryPolicy } from './retry.js';
import { errorText } from './redact.js';
import { alreadyAccepted, loadSendLog, recordAccepted, saveSendLog, type SendLog } from './send-log.js';
import { openTransport, type MailTransport, type Rejection } from './transport.js';

export interface SendOptions {
  config: Config;
  env: NodeJS.ProcessEnv;
  /** Send even to recipients that already have this version. */
  force?: boolean;
  /** Build the messages and report what would be sent; send and write nothing. */
  dryRun?: boolean;
  onProgress?: (e: SendProgress) => void;
  retry?: RetryPolicy;
  /** The clock, for SMTP Date headers and the send log. */
  now?: () => Date;
}

export type SendProgress =
  | { type: 'deck'; outcome: SendOutcome }
  | { type: 'retry'; slug: string; attempt: number; delayMs: number; reason: string };

export type SendStatus = 'sent' | 'partial' | 'failed' | 'up-to-date' | 'no-recipients' | 'dry-run';

export interface SendOutcome {
  slug: string;
  status: SendStatus;
  /** `outbox` or `smtp://host:port`. */
  via: string;
  from: string;
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
  messageBytes?: number;
  maxBytes: number;
  attempts: number;
  /** Messages handed to the server (more than one when it capped recipients per message). */
  messages: number;
  /** The .eml written (outbox). */
  file?: string;
  /** Why the deck was not (fully) sent: a deck-level problem, or a summary of `failed` (user-facing, credentials redacted). */
  error?: string;
  errorCode?: string;
  diagnostics: Diagnostic[];
}

/**
 * Mail each deck's built files to its `email` recipients, once per version.
 * A deck that fails does not stop the others; SMTP failures become outcomes,
 * not exceptions. Throws DeliveryError only for run-wide problems (a bad SMTP
 * URL, an unreadable send log).
 */
export async function sendDecks(slugs: readonly string[], opts: DeckOptions, o: SendOptions): Promise<SendOutcome[]> {
  const settings = mailSettings(o.config, o.env);
  const log = await loadSendLog(opts.outDir);
  const transport = o.dryRun ? undefined : openTransport(settings, opts.outDir);
  const outcomes: SendOutcome[] = [];
  try {
    for (const slug of slugs) {
      const outcome = await sendDeck(slug, opts, o, settings, log, transport);
      o.onProgress?.({ type: 'deck', outcome });
      outcomes.push(outcome);
    }
  } finally {
    transport?.close();
  }
  return outcomes;
}

async function sendDeck(slug: string, opts: DeckOptions, o: SendOptions, settings: MailSettings, log: SendLog, transport?: MailTransport): Promise<SendOutcome> {
  const via = settings.smtp?.display ?? 'outbox';
  const outcome: SendOutcome = { slug, status: 'failed', via, from: settings.from, to: [], cc: [], pending: [], accepted: [], alreadySent: [], failed: [], attachments: [], maxBytes: settings.maxBytes, attempts: 0, messages: 0, diagnostics: [] };
  try {
    const checked = await checkDeck(slug, opts);
    outcome.diagnostics = checked.diagnostics;
    const article = checked.article;
    if (!article || !checked.deck || hasErrors(checked.diagnostics)) {
      const n = checked.diagnostics.filter((d) => d.severity === 'error').length;
      throw new DeliveryError('deck-invalid', `Deck \`${slug}\` has ${n} error${n === 1 ? '' : 's'}, expected a valid deck (run \`briefdeck check ${slug}\`)`);
    }
    const email = article.meta.email;
    if (!email || email.to.length + email.cc.length === 0) return { ...outcome, status: 'no-recipients' };
    outcome.to = email.to;
    outcome.cc = email.cc;
    const recipients = unique([...email.to, ...email.cc]);
    const artifacts = await deckArtifacts(opts.outDir, slug);
    outcome.version = artifacts.version;
    outcome.attachments = [artifacts.pptx, artifacts.pdf].flatMap((a) => (a ? [{ filename: a.filename, bytes: a.content.length }] : []));
    const before = alreadyAccepted(log, slug, artifacts.version, via);
    outcome.alreadySent = recipients.filter((r) => before.has(r.toLowerCase()));
    outcome.pending = o.force ? recipients : recipients.filter((r) => !before.has(r.toLowerCase()));
    if (outcome.pending.length === 0) return { ...outcome, status: 'up-to-date' };

    // The outbox is reproducible (the deck's date, ids from its version); SMTP mail carries the real send time.
    const now = (o.now ?? (() => new Date()))();
    const reproducible = via === 'outbox';
    const domain = settings.fromAddress.split('@').pop() || 'briefdeck.localhost';
    const messageId = reproducible ? `<${artifacts.version.slice(0, 32)}.${slug}@${domain}>` : `<${artifacts.version.slice(0, 20)}.${now.getTime().toString(36)}.${slug}@${domain}>`;
    const message = await deckToMessage({
      slug,
      from: settings.from,
      to: email.to,
      cc: email.cc,
      subject: email.subject ?? article.meta.title,
      title: article.meta.title,
      subtitle: article.meta.subtitle,
      organization: article.meta.organization,
      deckDate: article.meta.date,
      builtAt: checked.deck.info.timestamp,
      agenda: article.sections.filter((s) => s.frontMatter.skip !== true).map((s) => s.title),
      warnings: checked.diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic),
      artifacts,
      date: reproducible ? new Date(timestampOf(article, o.env)) : now,
      messageId,
    });
    outcome.subject = message.subject;
    outcome.messageBytes = message.raw.length;
    if (message.raw.length > settings.maxBytes) {
      const parts = outcome.attachments.map((a) => `${a.filename} ${formatBytes(a.bytes)}`).join(', ');
      throw new DeliveryError(
        'message-too-large',
        `Message for \`${slug}\` is ${formatBytes(message.raw.length)}, over the ${formatBytes(settings.maxBytes)} limit (attachments: ${parts}); raise \`mail.maxBytes\` in the config file if the server accepts larger messages`,
      );
    }
    if (o.dryRun || !transport) return { ...outcome, status: 'dry-run' };

    const base = { deck: slug, version: artifacts.version, via, messageId, attachments: [artifacts.pptx, artifacts.pdf, artifacts.contactSheet].flatMap((a) => (a ? [{ filename: a.filename, sha256: a.sha256, bytes: a.content.length }] : [])) };
    const r = await deliverWithRetry(outcome.pending, (pending) => transport.deliver(message, { from: settings.fromAddress, to: pending }, `${slug}-${artifacts.version.slice(0, 12)}`), o.retry ?? DEFAULT_RETRY, {
      redact: settings.redact,
      onAccepted: async (accepted) => {
        recordAccepted(log, base, accepted, (o.now ?? (() => new Date()))().toISOString());
        await saveSendLog(opts.outDir, log);
      },
      onRetry: (attempt, delayMs, reason) => o.onProgress?.({ type: 'retry', slug, attempt, delayMs, reason }),
    });
    const status = r.failed.length === 0 ? 'sent' : r.accepted.length > 0 ? 'partial' : 'failed';
    const error = r.failed.length === 0 ? undefined : failureSummary(r.failed);
    return { ...outcome, status, accepted: r.accepted, failed: r.failed, attempts: r.attempts, messages: r.messages, file: r.file, error };
  } catch (e) {
    // A full disk or a permission is this deck's failure (an accepted delivery is recorded before anything else, so at most that record is lost).
    if (isIoError(e)) return { ...outcome, status: 'failed', error: settings.redact(`${e.path ? `\`${e.path}\`: ` : ''}${ioCause(e)}`), errorCode: 'io-error' };
    if (!(e instanceof BriefdeckError)) throw e;
    return { ...outcome, status: 'failed', error: errorText(e, settings.redact), errorCode: e.code };
  }
}

/** One line for callers that show a single reason (the schedule log): `2 recipients failed: a@x (550 …), b@x (550 …)`. */
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
