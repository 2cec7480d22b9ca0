import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendDecks } from '../../src/deliver/send-decks.js';
import { OTHER, PDF, PNG, SLUG, fast, outDirWith, removeTemps, writeExport } from './deck-fixture.js';
import { runCliAsync } from '../helpers/cli.js';
import { startSmtp, type SmtpFixture } from './smtp-fixture.js';

const USER = 'briefdeck';
const PASS = 'S3cret-pa55word!';
const TO = 'briefing-list@example.org';
const CC = 'analysts@example.org';

let smtp: SmtpFixture;

beforeAll(async () => {
  smtp = await startSmtp({ auth: { user: USER, pass: PASS } });
});
afterAll(async () => {
  await smtp.close();
  await removeTemps();
});
beforeEach(() => {
  smtp.received.length = 0;
  smtp.connections = 0;
  smtp.options.busyConnections = 0;
  smtp.options.rejectRcpt = {};
});

const env = () => ({ BRIEFDECK_SMTP_URL: smtp.url(USER, PASS) });
const mailConfig = {
  mail: { from: 'Briefing Desk <desk@example.org>', requireTLS: false, maxBytes: 10 * 1024 * 1024 },
};

describe('send over SMTP (loopback smtp-server, AUTH with username and password)', () => {
  it('delivers recipients, subject, text and HTML bodies, and byte-identical attachments', async () => {
    const opts = await outDirWith({ exports: true });
    const [r] = await sendDecks([SLUG], opts, { config: mailConfig, env: env(), retry: fast });
    expect(r).toMatchObject({
      slug: SLUG,
      status: 'sent',
      via: `smtp://127.0.0.1:${smtp.port}`,
      accepted: [TO, CC],
      failed: [],
      attempts: 1,
    });
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0];
    expect(m.user).toBe(USER);
    expect(m.raw.toString('latin1')).not.toContain(PASS);
    expect(m.from).toBe('desk@example.org');
    expect(m.rcpt).toEqual([TO, CC]);
    const mail = m.parsed;
    expect(mail.subject).toBe('Briefing: U.S. policy response to the Russia–North Korea alliance (2026-11-20)');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Briefing Desk', address: 'desk@example.org' });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(TO);
    expect(mail.cc && !Array.isArray(mail.cc) ? mail.cc.text : '').toBe(CC);
    expect(mail.text).toContain('Countering the Russia–North Korea Alliance: Options for U.S. Policy');
    expect(mail.text).toContain('Agenda');
    expect(mail.text).toMatch(/1\. Introduction/);
    expect(mail.html).toContain('<h1>Countering the Russia–North Korea Alliance: Options for U.S. Policy</h1>');
    expect(mail.html).toContain('<img src="cid:contact-sheet@briefdeck"');
    const pptx = await readFile(path.join(opts.outDir, `${SLUG}.pptx`));
    const byName = Object.fromEntries(mail.attachments.map((a) => [a.filename, a]));
    expect(Object.keys(byName).sort()).toEqual([`${SLUG}-contact-sheet.png`, `${SLUG}.pdf`, `${SLUG}.pptx`]);
    expect(byName[`${SLUG}.pptx`].content.equals(pptx)).toBe(true);
    expect(byName[`${SLUG}.pptx`].contentType).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect(byName[`${SLUG}.pdf`].content.equals(PDF)).toBe(true);
    expect(byName[`${SLUG}-contact-sheet.png`].content.equals(PNG)).toBe(true);
    expect(byName[`${SLUG}-contact-sheet.png`].contentId).toBe('<contact-sheet@briefdeck>');
    expect(byName[`${SLUG}-contact-sheet.png`].contentDisposition).toBe('inline');
  });

  it('attaches only the .pptx when nothing was exported', async () => {
    const opts = await outDirWith();
    const [r] = await sendDecks([SLUG], opts, { config: mailConfig, env: env(), retry: fast });
    expect(r.status).toBe('sent');
    expect(smtp.received[0].parsed.attachments.map((a) => a.filename)).toEqual([`${SLUG}.pptx`]);
    expect(smtp.received[0].parsed.html).not.toContain('cid:');
  });

  it('sends once per version: a second `send` sends nothing, `--force` sends again (CLI)', async () => {
    const opts = await outDirWith();
    const args = ['send', SLUG, '--content', opts.contentDir, '--themes', opts.themesDir, '--out', opts.outDir];
    const first = await runCliAsync(args, { env: env() });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`✓ ${SLUG}  sent to 2 recipients via smtp://127.0.0.1:${smtp.port}`);
    expect(smtp.received).toHaveLength(1);

    const second = await runCliAsync(args, { env: env() });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(`· ${SLUG}  up to date: 2 recipients already have this version`);
    expect(second.stdout).toContain('1 deck: 0 sent, 1 up to date, 0 failed');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.connections).toBe(1);

    const forced = await runCliAsync([...args, '--force'], { env: env() });
    expect(forced.status, forced.stderr).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1].rcpt).toEqual([TO, CC]);

    const log = JSON.parse(await readFile(path.join(opts.outDir, 'sent.json'), 'utf8'));
    expect(log.sends).toHaveLength(1);
    expect(Object.keys(log.sends[0].accepted)).toEqual([TO, CC]);
    for (const out of [first, second, forced]) expect(out.stdout + out.stderr).not.toContain(PASS);
    expect(JSON.stringify(log)).not.toContain(PASS);
  });

  it('a new version (changed attachments) is sent again without --force', async () => {
    const opts = await outDirWith();
    await sendDecks([SLUG], opts, { config: mailConfig, env: env(), retry: fast });
    await writeExport(opts.outDir, SLUG); // a PDF exported from this .pptx: a new attachment
    const [r] = await sendDecks([SLUG], opts, { config: mailConfig, env: env(), retry: fast });
    expect(r.status).toBe('sent');
    expect(smtp.received).toHaveLength(2);
  });

  it('retries a 421 with backoff and delivers exactly once', async () => {
    smtp.options.busyConnections = 1;
    const opts = await outDirWith();
    const waits: number[] = [];
    const retries: string[] = [];
    const [r] = await sendDecks([SLUG], opts, {
      config: mailConfig,
      env: env(),
      retry: { delaysMs: [250, 1000], sleep: async (ms) => void waits.push(ms) },
      onProgress: (e) => void (e.type === 'retry' && retries.push(e.reason)),
    });
    expect(r).toMatchObject({ status: 'sent', attempts: 2, accepted: [TO, CC] });
    expect(waits).toEqual([250]);
    expect(retries[0]).toMatch(/421/);
    expect(smtp.connections).toBe(2);
    expect(smtp.received).toHaveLength(1);
  });

  it('reports a 550 for one recipient; the others still receive it; the next run offers it only to that recipient', async () => {
    smtp.options.rejectRcpt = { [CC]: [550, 'No such user here'] };
    const opts = await outDirWith();
    const [r] = await sendDecks([SLUG], opts, { config: mailConfig, env: env(), retry: fast });
    expect(r.status).toBe('partial');
    expect(r.accepted).toEqual([TO]);
    expect(r.failed).toEqual([
      { recipient: CC, code: 550, message: expect.stringContaining('No such user here'), transient: false },
    ]);
    expect(r.attempts).toBe(1);
    expect(r.error).toBe(`1 recipient failed: ${CC} (550 No such user here)`);
    expect(smtp.received.map((m) => m.rcpt)).toEqual([[TO]]);

    smtp.options.rejectRcpt = {};
    const [again] = await sendDecks([SLUG], opts, { config: mailConfig, env: env(), retry: fast });
    expect(again).toMatchObject({ status: 'sent', alreadySent: [TO], pending: [CC], accepted: [CC] });
    expect(smtp.received.map((m) => m.rcpt)).toEqual([[TO], [CC]]);
  });

  it('a recipient deferred with 450 is retried alone', async () => {
    smtp.options.rejectRcpt = { [CC]: [450, 'Mailbox busy'] };
    const opts = await outDirWith();
    const [r] = await sendDecks([SLUG], opts, {
      config: mailConfig,
      env: env(),
      retry: { delaysMs: [1], sleep: async () => void (smtp.options.rejectRcpt = {}) },
    });
    expect(r).toMatchObject({ status: 'sent', attempts: 2, accepted: [TO, CC] });
    expect(smtp.received.map((m) => m.rcpt)).toEqual([[TO], [CC]]);
  });

  it('prints the 550 per recipient from the CLI and exits 1', async () => {
    smtp.options.rejectRcpt = { [CC]: [550, 'No such user here'] };
    const opts = await outDirWith();
    const out = await runCliAsync(
      ['send', '--content', opts.contentDir, '--themes', opts.themesDir, '--out', opts.outDir, SLUG],
      { env: env() },
    );
    expect(out.status).toBe(1);
    expect(out.stdout).toContain(`! ${SLUG}  sent to 1 recipient, failed for 1`);
    expect(out.stderr).toContain(`  ${CC}: 550 No such user here`);
  });

  it('a deck that fails does not stop the others', async () => {
    const opts = await outDirWith({ decks: [OTHER] }); // SLUG was not built
    const outcomes = await sendDecks([SLUG, OTHER], opts, { config: mailConfig, env: env(), retry: fast });
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'sent']);
    expect(outcomes[0]).toMatchObject({
      errorCode: 'deck-not-built',
      error: expect.stringContaining(`run \`briefdeck build ${SLUG}\` first`),
    });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].parsed.subject).toContain('Russia–North Korea treaty');
  });

  it('refuses a message over the size limit with a clear error, before connecting', async () => {
    const opts = await outDirWith();
    const [r] = await sendDecks([SLUG], opts, {
      config: { mail: { ...mailConfig.mail, maxBytes: 20_000 } },
      env: env(),
      retry: fast,
    });
    expect(r.status).toBe('failed');
    expect(r.errorCode).toBe('message-too-large');
    expect(r.error).toMatch(
      new RegExp(
        `^Message for \`${SLUG}\` is [\\d.]+ KB, over the 19\\.5 KB limit \\(attachments: ${SLUG}\\.pptx [\\d.]+ KB\\); raise \`mail\\.maxBytes\``,
      ),
    );
    expect(smtp.connections).toBe(0);
  });

  it('never shows the password: wrong password (535) and unreachable server', async () => {
    const opts = await outDirWith();
    const args = ['send', SLUG, '--content', opts.contentDir, '--themes', opts.themesDir, '--out', opts.outDir];
    const wrong = 'Wr0ng-pa55word!';
    const bad = await runCliAsync(args, { env: { BRIEFDECK_SMTP_URL: smtp.url(USER, wrong) } });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/not sent/);
    expect(bad.stderr).toMatch(/535/);
    expect(bad.stdout + bad.stderr).not.toContain(wrong);
    expect(smtp.received).toHaveLength(0);

    const [dead] = await sendDecks([SLUG], opts, {
      config: { mail: { ...mailConfig.mail, smtp: `smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:1` } },
      env: {},
      retry: fast,
    });
    expect(dead.status).toBe('failed');
    expect(dead.attempts).toBe(4); // connection refused is transient: 1 try + 3 retries
    expect(JSON.stringify(dead)).not.toContain(PASS);
    expect(JSON.stringify(dead)).not.toContain(encodeURIComponent(PASS));
  });

  it('--dry-run builds the message but never connects', async () => {
    const opts = await outDirWith();
    const [r] = await sendDecks([SLUG], opts, { config: mailConfig, env: env(), dryRun: true });
    expect(r).toMatchObject({ status: 'dry-run', pending: [TO, CC], attempts: 0 });
    expect(r.messageBytes).toBeGreaterThan(r.attachments[0].bytes);
    expect(smtp.connections).toBe(0);
  });

  it('requireTLS refuses a server that does not offer STARTTLS', async () => {
    const opts = await outDirWith();
    const [r] = await sendDecks([SLUG], opts, {
      config: { mail: { ...mailConfig.mail, requireTLS: true } },
      env: env(),
      retry: fast,
    });
    expect(r.status).toBe('failed');
    expect(r.attempts).toBe(1);
    expect(smtp.received).toHaveLength(0);
  });
});
