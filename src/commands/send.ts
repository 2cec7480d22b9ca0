import path from 'node:path';
import { dim, green, printDiagnostics, red, yellow, type Output } from '../cli/output.js';
import { plural } from '../util/plural.js';
import { progress } from '../cli/progress.js';
import { sendDecks, type SendOutcome } from '../deliver/send-decks.js';
import { DEFAULT_FROM, mailSettings } from '../deliver/mail-settings.js';
import { formatBytes } from '../deliver/message.js';
import { withOutputLock, waitingLine } from '../drivers/output-lock.js';
import { displayPath } from '../util/display-path.js';
import { escapeControl } from '../util/control-chars.js';
import { DEFAULT_MAIL_TIMEOUTS, sendMayHoldMs } from '../deliver/mail-timeouts.js';
import { DEFAULT_RETRY } from '../deliver/retry.js';
import { formatUtc } from '../util/time.js';
import { internalErrorDetail, internalErrorLine } from '../util/internal-error.js';
import { EXIT, type Command } from './command.js';
import { deckOptions } from './options.js';
import { selectDecks } from './select-decks.js';

export const send: Command = {
  name: 'send',
  summary: "mail built decks to each deck's email recipients, once per version",
  usage: 'briefdeck send [deck-slug...] [--force] [--allow-stale] [--dry-run] [options]',
  options: { force: { type: 'boolean' }, 'allow-stale': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  help: [
    '  --force         send again to recipients that already have this version',
    '  --allow-stale   send a deck whose sources changed since it was built (as built; else `build` first)',
    '  --dry-run       print recipients, what changed for each and attachment sizes; send nothing',
    '  Each message says what changed since the version its recipients last accepted.',
    '  Mail goes through BRIEFDECK_SMTP_URL or the config file `mail.smtp`; without either, to <out>/outbox/*.eml.',
  ],
  async run({ values, positionals, output, env, config }) {
    const opts = deckOptions(values, env, config);
    const slugs = await selectDecks(opts.contentDir, positionals);
    const dryRun = !!values['dry-run'];
    const settings = mailSettings(config, env);
    if (settings.from === DEFAULT_FROM && !values.json)
      output.err(
        dim(output.color, `note: no sender configured (mail.from or BRIEFDECK_MAIL_FROM); using \`${DEFAULT_FROM}\``),
      );
    // A real send holds the output folder's lock for the whole run: sent.json is read, updated and written by one
    // process at a time.
    const locked = <T>(fn: () => Promise<T>) =>
      dryRun
        ? fn()
        : withOutputLock(
            opts.outDir,
            {
              command: 'send',
              onWait: (h) => !values.json && output.err(waitingLine(h)),
              mayHoldMs: sendMayHoldMs(DEFAULT_MAIL_TIMEOUTS, DEFAULT_RETRY.delaysMs),
            },
            fn,
          );
    const bar = progress(output, !!values.json);
    const outcomes = await locked(() =>
      sendDecks(slugs, opts, {
        config,
        env,
        force: !!values.force,
        allowStale: !!values['allow-stale'],
        dryRun,
        onProgress: (e) => {
          if (values.json) return;
          if (e.type === 'start') bar.step(`${e.slug}: preparing and sending`, e.index, e.total);
          else if (e.type === 'retry')
            output.err(
              dim(
                output.color,
                `  ${e.slug}: attempt ${e.attempt} failed (${e.reason}); retrying in ${Math.round(e.delayMs / 100) / 10} s`,
              ),
            );
          else printOutcome({ ...output, outDir: opts.outDir }, e.outcome);
        },
      }),
    );
    bar.end();
    const failed = outcomes.filter((r) => r.status === 'failed' || r.status === 'partial');
    if (values.json) {
      output.out(JSON.stringify({ decks: outcomes, failed: failed.length }, null, 2));
    } else {
      const count = (s: SendOutcome['status']) => outcomes.filter((r) => r.status === s).length;
      const outbox = !settings.smtp;
      const parts = dryRun
        ? [`${count('dry-run')} to send`, `${count('up-to-date')} up to date`]
        : [
            outbox ? `${count('sent')} written to the outbox` : `${count('sent')} sent`,
            `${count('up-to-date')} up to date`,
            ...(count('partial') ? [`${count('partial')} partly sent`] : []),
          ];
      if (count('no-recipients')) parts.push(`${count('no-recipients')} without recipients`);
      parts.push(`${failed.length - count('partial')} failed`);
      output.out(`${plural(outcomes.length, 'deck')}: ${parts.join(', ')}${dryRun ? ' (dry run: nothing sent)' : ''}`);
    }
    if (outcomes.some((r) => r.internal)) return EXIT.internal;
    return failed.length > 0 ? EXIT.failed : EXIT.ok;
  },
};

function printOutcome(o: Output & { outDir: string }, r: SendOutcome): void {
  const slug = escapeControl(r.slug);
  printDiagnostics(
    o,
    r.diagnostics.filter((d) => d.severity === 'error'),
  );
  const size = r.messageBytes === undefined ? '' : ` · ${formatBytes(r.messageBytes)}`;
  switch (r.status) {
    case 'sent': {
      const one = r.groups.length === 1 ? ` · ${r.groups[0].summary}` : '';
      o.out(
        `${green(o.color, '✓')} ${slug}  ${deliveredTo(r, o.outDir)}${dim(o.color, `${size} · ${plural(r.attempts, 'attempt')}${r.messages > 1 ? ` · ${r.messages} messages${r.messages > r.groups.length ? ' (the server capped recipients per message)' : ''}` : ''}${r.file && r.groups.length === 1 ? ` · ${r.file}` : ''}${one}`)}`,
      );
      if (r.groups.length > 1)
        for (const g of r.groups) o.out(dim(o.color, `    ${groupLine(g)}${g.file ? ` · ${g.file}` : ''}`));
      break;
    }
    case 'up-to-date':
      o.out(
        r.via === 'outbox'
          ? `${dim(o.color, '·')} ${slug}  up to date: this version is already in ${outboxOf(o.outDir)} for ${plural(r.alreadySent.length, 'recipient')} (--force writes it again)`
          : `${dim(o.color, '·')} ${slug}  up to date: ${plural(r.alreadySent.length, 'recipient')} already have this version via ${r.via} (--force sends again)`,
      );
      break;
    case 'no-recipients':
      o.out(`${dim(o.color, '·')} ${slug}  not sent: deck.yaml has no \`email\` recipients`);
      break;
    case 'dry-run':
      o.out(
        `${slug}  would send via ${r.via}${r.alreadySent.length ? ` (${plural(r.alreadySent.length, 'recipient')} already have it)` : ''}`,
      );
      o.out(`  from     ${r.from}`);
      o.out(`  to       ${r.to.filter((a) => r.pending.includes(a)).join(', ') || '-'}`);
      if (r.cc.length) o.out(`  cc       ${r.cc.filter((a) => r.pending.includes(a)).join(', ') || '-'}`);
      for (const a of r.attachments) o.out(`  attach   ${a.filename}  ${formatBytes(a.bytes)}`);
      for (const g of r.groups) {
        if (r.groups.length > 1) o.out(`  group    ${g.recipients.join(', ')}`);
        o.out(`  subject  ${g.subject}`);
        o.out(
          `  changes  ${g.since ? `${g.summary} (since the version accepted ${formatUtc(g.since.at)})` : g.summary}`,
        );
        o.out(`  message  ${formatBytes(g.bytes)} (limit ${formatBytes(r.maxBytes)})`);
      }
      break;
    case 'partial':
    case 'failed': {
      if (r.internal) {
        o.err(`${red(o.color, '✗')}${internalErrorLine(slug, r.internal, '')}`);
        o.err(internalErrorDetail(r.internal));
        break;
      }
      const head = r.status === 'partial' ? yellow(o.color, '!') : red(o.color, '✗');
      const what =
        r.status === 'partial'
          ? `sent to ${plural(r.accepted.length, 'recipient')}, failed for ${r.failed.length}`
          : 'not sent';
      o.out(`${head} ${slug}  ${what}${r.error && r.failed.length === 0 ? `: ${r.error}` : ''}`);
      for (const f of r.failed) o.err(red(o.color, `  ${f.recipient}: ${f.message}`));
      break;
    }
  }
  for (const n of r.notes) o.err(yellow(o.color, `  ${slug}: ${n}`));
}

/** `2 recipients, since the version accepted 2026-11-20 09:15 UTC: updated: 1 bullet` */
function groupLine(g: SendOutcome['groups'][number]): string {
  return `${plural(g.recipients.length, 'recipient')}${g.since ? `, since the version accepted ${formatUtc(g.since.at)}` : ''}: ${g.summary}`;
}

/**
 * What happened to the messages, in words that do not overstate it: an outbox file is not a delivery, so a later run
 * with a mail server still mails those recipients.
 */
function deliveredTo(r: SendOutcome, outDir: string): string {
  const who = plural(r.accepted.length, 'recipient');
  return r.via === 'outbox'
    ? `written to ${outboxOf(outDir)} for ${who} (no mail server configured)`
    : `sent to ${who} via ${r.via}`;
}

function outboxOf(outDir: string): string {
  return `${displayPath(path.join(outDir, 'outbox'))}/`;
}
