import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/build-all.js';
import { sendDecks } from '../../src/deliver/send-decks.js';
import {
  OTHER,
  PDF,
  PNG,
  SLUG,
  contentDir,
  outDirWith,
  removeTemps,
  tempDir,
  themesDir,
  writeExport,
} from './deck-fixture.js';
import { runCliAsync } from '../helpers/cli.js';

afterAll(removeTemps);

const cli = (
  opts: { contentDir: string; themesDir: string; outDir: string },
  rest: string[] = [],
  env: NodeJS.ProcessEnv = {},
) =>
  runCliAsync(['send', '--content', opts.contentDir, '--themes', opts.themesDir, '--out', opts.outDir, ...rest], {
    env: { BRIEFDECK_SMTP_URL: '', SOURCE_DATE_EPOCH: '', ...env },
  });

describe('send without SMTP settings: the outbox', () => {
  it('writes one .eml per deck that parses and carries the attachments', async () => {
    const opts = await outDirWith({ decks: [SLUG, OTHER], exports: true });
    const before = Math.floor(Date.now() / 1000) * 1000;
    const out = await cli(opts);
    const after = Date.now();
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain(
      'note: no sender configured (mail.from or BRIEFDECK_MAIL_FROM); using `briefdeck <briefdeck@localhost>`',
    );
    expect(out.stdout).toContain(
      `✓ ${SLUG}  written to ${path.join(opts.outDir, 'outbox')}/ for 2 recipients (no mail server configured)`,
    );
    expect(out.stdout).toContain('2 decks: 2 written to the outbox, 0 up to date, 0 failed');
    const files = (await readdir(path.join(opts.outDir, 'outbox'))).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^[a-z-]+-[0-9a-f]{12}\.eml$/.test(f))).toBe(true);
    const eml = await readFile(path.join(opts.outDir, 'outbox', files.find((f) => f.startsWith(SLUG))!));
    const mail = await simpleParser(eml, { keepCidLinks: true });
    expect(mail.subject).toBe('Briefing: U.S. policy response to the Russia–North Korea alliance (2026-11-20)');
    expect(mail.from?.value[0]).toMatchObject({ name: 'briefdeck', address: 'briefdeck@localhost' });
    // Dated when written, not 2026-11-20 (the deck's own date, which stays in the subject).
    expect(mail.date!.getTime()).toBeGreaterThanOrEqual(before);
    expect(mail.date!.getTime()).toBeLessThanOrEqual(after);
    expect(mail.messageId).toMatch(new RegExp(`^<[0-9a-f]{32}\\.${SLUG}@localhost>$`));
    expect(mail.text).toContain('Agenda');
    expect(mail.html).toContain('cid:contact-sheet@briefdeck');
    const byName = Object.fromEntries(mail.attachments.map((a) => [a.filename, a.content]));
    expect(byName[`${SLUG}.pptx`].equals(await readFile(path.join(opts.outDir, `${SLUG}.pptx`)))).toBe(true);
    expect(byName[`${SLUG}.pdf`].equals(PDF)).toBe(true);
    expect(byName[`${SLUG}-contact-sheet.png`].equals(PNG)).toBe(true);
    const log = JSON.parse(await readFile(path.join(opts.outDir, 'sent.json'), 'utf8'));
    expect(log.sends.map((s: { deck: string; via: string }) => `${s.deck} ${s.via}`).sort()).toEqual([
      `${OTHER} outbox`,
      `${SLUG} outbox`,
    ]);

    const again = await cli(opts);
    expect(again.stdout).toContain(
      `· ${SLUG}  up to date: this version is already in ${path.join(opts.outDir, 'outbox')}/ for 2 recipients (--force writes it again)`,
    );
    expect(again.stdout).toContain('2 decks: 0 written to the outbox, 2 up to date, 0 failed');
  });

  it('is byte-identical for identical inputs (two separate builds at the same recorded time, and --force over the same out dir)', async () => {
    const at = () => new Date('2026-11-20T08:00:00.000Z');
    const twice = await Promise.all(
      ['a', 'b'].map(async (n) => {
        const o = { contentDir, themesDir, outDir: await tempDir(`same-${n}`) };
        const [built] = await buildDecks([SLUG], o, { now: at });
        expect(built.file).toBe(path.join(o.outDir, `${SLUG}.pptx`)); // a build of its own, not a copy
        await writeExport(o.outDir, SLUG);
        return o;
      }),
    );
    const [a, b] = twice;
    const env = { BRIEFDECK_SMTP_URL: '', SOURCE_DATE_EPOCH: '1796549400' };
    const [ra] = await sendDecks([SLUG], a, { config: {}, env });
    const [rb] = await sendDecks([SLUG], b, { config: {}, env });
    expect(ra.file && rb.file).toBeTruthy();
    const bytesA = await readFile(ra.file!);
    expect(bytesA.equals(await readFile(rb.file!))).toBe(true);
    expect(bytesA.toString('latin1')).toContain('Built: 2026-11-20 08:00 UTC');
    const mtime = (await stat(ra.file!)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const [forced] = await sendDecks([SLUG], a, { config: {}, env, force: true });
    expect(forced.status).toBe('sent');
    expect((await stat(forced.file!)).mtimeMs).toBeGreaterThan(mtime);
    expect((await readFile(forced.file!)).equals(bytesA)).toBe(true);
  });

  it('dates each message when it is sent (an injected clock), not by the deck', async () => {
    const opts = await outDirWith({ decks: [SLUG] });
    const sentAt = new Date('2026-12-06T14:05:09.000Z');
    const [r] = await sendDecks([SLUG], opts, { config: {}, env: { BRIEFDECK_SMTP_URL: '' }, now: () => sentAt });
    const mail = await simpleParser(await readFile(r.file!));
    expect(mail.date?.toISOString()).toBe(sentAt.toISOString());
    expect(mail.headers.get('date')).toEqual(sentAt);
    expect(mail.subject).toContain('(2026-11-20)');
    expect(mail.text).toMatch(/2026-11-20/);
  });

  it('with SOURCE_DATE_EPOCH the Date header is that time; a malformed one is refused', async () => {
    const opts = await outDirWith({ decks: [SLUG] });
    // 2026-12-06 09:30 UTC. (--allow-stale: the deck was built without SOURCE_DATE_EPOCH, one of its build inputs.)
    const ok = await cli(opts, [SLUG, '--allow-stale'], { SOURCE_DATE_EPOCH: '1796549400' });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const [file] = await readdir(path.join(opts.outDir, 'outbox'));
    const mail = await simpleParser(await readFile(path.join(opts.outDir, 'outbox', file)));
    expect(mail.date?.toISOString()).toBe('2026-12-06T09:30:00.000Z');
    const out = await cli(opts, [SLUG, '--allow-stale', '--force'], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('Unexpected SOURCE_DATE_EPOCH `yesterday`, expected whole seconds since 1970');
  });

  it('--dry-run prints recipients and attachment sizes and writes nothing', async () => {
    const opts = await outDirWith({ exports: true });
    const before = await listTree(opts.outDir);
    const out = await cli(opts, [SLUG, '--dry-run']);
    expect(out.status, out.stderr).toBe(0);
    const pptx = (await stat(path.join(opts.outDir, `${SLUG}.pptx`))).size;
    expect(out.stdout).toContain(`${SLUG}  would send via outbox`);
    expect(out.stdout).toContain('  to       briefing-list@example.org');
    expect(out.stdout).toContain('  cc       analysts@example.org');
    expect(out.stdout).toContain(
      '  subject  Briefing: U.S. policy response to the Russia–North Korea alliance (2026-11-20)',
    );
    expect(out.stdout).toContain(`  attach   ${SLUG}.pptx  ${(pptx / 1024).toFixed(1)} KB`);
    expect(out.stdout).toContain(`  attach   ${SLUG}.pdf  ${PDF.length} B`);
    expect(out.stdout).toMatch(/ {2}message {2}[\d.]+ KB \(limit 10\.0 MB\)/);
    expect(out.stdout).toContain('1 deck: 1 to send, 0 up to date, 0 failed (dry run: nothing sent)');
    expect(await listTree(opts.outDir)).toEqual(before);
  });

  it('--json reports per-deck outcomes', async () => {
    const opts = await outDirWith();
    const out = await cli(opts, [SLUG, '--json']);
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.failed).toBe(0);
    expect(json.decks[0]).toMatchObject({
      slug: SLUG,
      status: 'sent',
      via: 'outbox',
      accepted: ['briefing-list@example.org', 'analysts@example.org'],
    });
  });

  it('an unbuilt deck is a clear error, and the exit status is 1', async () => {
    const opts = await outDirWith({ decks: [] });
    const out = await cli(opts, [SLUG]);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain(
      `✗ ${SLUG}  not sent: Missing \`${path.join(opts.outDir, `${SLUG}.pptx`)}\`, expected a built deck (run \`briefdeck build ${SLUG}\` first)`,
    );
  });
});

/** Every file under `dir` with its size and mtime: what "writes nothing" compares. */
async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const f = path.join(e.parentPath, e.name);
    const s = await stat(f);
    out.push(`${path.relative(dir, f)} ${s.size} ${s.mtimeMs}`);
  }
  return out.sort();
}
