/**
 * The mail says what changed since the version each recipient last accepted:
 * real builds of a content deck, edited between them, mailed through the real
 * SMTP server on loopback and through the outbox, read back as a mail client
 * would (mailparser).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemps } from './deck-fixture.js';
import { startSmtp, type SmtpFixture } from './smtp-fixture.js';
import {
  ANALYSTS,
  BULLET_LINE,
  LIST,
  NEW,
  ROW_LINE,
  SUBJECT,
  TREATY,
  TREATY_FILE,
  editRowAndBullet,
  treatyProject,
} from './treaty-project.js';

let smtp: SmtpFixture;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await removeTemps();
});

describe.each(['smtp', 'outbox'] as const)('what changed, in the mail (%s)', (via) => {
  it('build, send, edit, build, send: the update names the edited row and the added bullet; a recipient added meanwhile gets "first version"; an unchanged rebuild sends nothing', {
    timeout: 60_000,
  }, async () => {
    const p = await treatyProject(via, smtp);
    await p.build();
    const first = await p.send();
    expect(first).toMatchObject({ status: 'sent', accepted: [LIST, ANALYSTS] });
    const [v1] = await p.received();
    expect(v1.to).toEqual([LIST, ANALYSTS]);
    expect(v1.mail.subject).toBe(`${SUBJECT} (2026-11-20)`);
    expect(v1.mail.text).toContain('\nWhat changed\n  first version: you have not received this deck before\n');
    expect(v1.mail.text).toContain('Built: 2026-11-20 09:00 UTC');

    await editRowAndBullet(p);
    await p.recipients([LIST, NEW], [ANALYSTS]);
    await p.build();
    const second = await p.send();
    expect(second.status).toBe('sent');
    expect(second.groups.map((g) => [g.recipients, g.summary])).toEqual([
      [[LIST, ANALYSTS], 'updated: 1 bullet · 1 table row'],
      [[NEW], 'first version'],
    ]);
    const got = await p.received();
    expect(got).toHaveLength(2);
    const [update, welcome] = [LIST, NEW].map((who) => got.find((m) => m.to.includes(who))!);
    expect(update.to).toEqual([LIST, ANALYSTS]);
    expect(update.mail.subject).toBe(`${SUBJECT} (2026-11-20, updated: 1 bullet · 1 table row)`);
    const text = update.mail.text!;
    expect(text).toContain(
      '\nWhat changed since the version you received on 2026-11-20 10:00 UTC\n  updated: 1 bullet · 1 table row\n',
    );
    expect(text).toContain(`  - ${BULLET_LINE}\n`);
    expect(text).toContain(`  - ${ROW_LINE}\n`);
    expect(text).toContain('  Slides with changes: 4, 5\n');
    expect(text).toContain('Built: 2026-11-20 11:00 UTC');
    expect(update.mail.html).toContain('What changed since the version you received on 2026-11-20 10:00 UTC');
    expect(update.mail.html).toContain('Japan · Potential Shift post-Treaty: ');
    expect(update.mail.html).toContain('Cyber Operations: Both states may coordinate cyber campaigns');

    expect(welcome.to).toEqual([NEW]);
    expect(welcome.mail.subject).toBe(`${SUBJECT} (2026-11-20)`);
    expect(welcome.mail.text).toContain('\nWhat changed\n  first version: you have not received this deck before\n');
    expect(welcome.mail.text).not.toContain('Japan');
    // Both carry the same deck, built once.
    const pptx = (m: ParsedMail) => m.attachments.find((a) => a.filename === `${TREATY}.pptx`)!.content;
    expect(pptx(update.mail).equals(pptx(welcome.mail))).toBe(true);
    expect(pptx(update.mail).equals(pptx(v1.mail))).toBe(false);

    // Rebuilt without a change: the same .pptx, so nobody gets it again.
    const rebuilt = await p.build({ force: true });
    expect(rebuilt.skipped).toBeFalsy();
    const third = await p.send();
    expect(third).toMatchObject({ status: 'up-to-date', alreadySent: [LIST, NEW, ANALYSTS], pending: [] });
    expect(await p.received()).toEqual([]);
  });
});

describe('what changed, per recipient group (outbox)', () => {
  it('recipients who last accepted different versions get different summaries, in separate messages', {
    timeout: 60_000,
  }, async () => {
    const p = await treatyProject('outbox');
    const A = 'a@example.org';
    const B = 'b@example.org';
    await p.recipients([A]);
    await p.build();
    await p.send(); // A has v1
    await p.recipients([B]);
    await p.edit(
      TREATY_FILE,
      '| Increased military spending; more robust diplomatic initiatives |',
      '| Increased naval spending; more robust diplomatic initiatives |',
    );
    await p.build();
    await p.send(); // B has v2 (as a first version)
    await p.recipients([A, B]);
    await p.edit(
      TREATY_FILE,
      '- **International Response:**',
      '- **Cyber Operations:** Both states may coordinate cyber campaigns against regional infrastructure.\n- **International Response:**',
    );
    await p.build();
    expect((await p.received()).map((m) => m.to).sort()).toEqual([[A], [B]]);
    const r = await p.send();
    expect(r.groups.map((g) => [g.recipients, g.summary])).toEqual([
      [[A], 'updated: 1 bullet · 1 table row'],
      [[B], 'updated: 1 bullet'],
    ]);
    const got = await p.received();
    expect(got.map((m) => m.to).sort()).toEqual([[A], [B]]);
    const [forA, forB] = [A, B].map((who) => got.find((m) => m.to.includes(who))!);
    expect(forA.mail.subject).toBe(`${SUBJECT} (2026-11-20, updated: 1 bullet · 1 table row)`);
    expect(forB.mail.subject).toBe(`${SUBJECT} (2026-11-20, updated: 1 bullet)`);
    expect(forA.mail.text).toContain('What changed since the version you received on 2026-11-20 10:00 UTC');
    expect(forB.mail.text).toContain('What changed since the version you received on 2026-11-20 12:00 UTC');
    expect(forA.mail.text).toContain(ROW_LINE);
    expect(forB.mail.text).not.toContain('Japan');
    for (const m of [forA, forB]) expect(m.mail.text).toContain(BULLET_LINE);
    expect(forA.mail.messageId).not.toBe(forB.mail.messageId);
    // The send log records each recipient once for this version.
    const log = JSON.parse(await readFile(path.join(p.opts.outDir, 'sent.json'), 'utf8'));
    expect(log.sends.map((s: { accepted: Record<string, string> }) => Object.keys(s.accepted))).toEqual([
      [A],
      [B],
      [A, B],
    ]);
    // Byte-reproducible: sent again (--force) at the same time, each reader's message is rewritten with the same
    // bytes. (A resend later carries its own Date header: mail is dated when it is sent.)
    const sentAt = forA.mail.date!;
    const again = await p.send({ force: true, now: () => new Date(sentAt) });
    expect(again.groups.map((g) => g.file)).toEqual(r.groups.map((g) => g.file));
    for (const [k, g] of again.groups.entries())
      expect((await readFile(g.file!)).equals([forA, forB][k].raw)).toBe(true);
  });

  it('a long list of changes is cut in the body and attached whole as text', { timeout: 60_000 }, async () => {
    const p = await treatyProject('outbox');
    await p.build();
    await p.send();
    await p.received();
    const added = Array.from(
      { length: 20 },
      (_, i) => `- **Added point ${i + 1}:** A new consideration number ${i + 1} for the regional balance.`,
    );
    await p.edit(TREATY_FILE, '- **International Response:**', `${added.join('\n')}\n- **International Response:**`);
    await p.build();
    await p.send();
    const [{ mail: update }] = await p.received();
    expect(update.subject).toBe(`${SUBJECT} (2026-11-20, updated: 20 bullets)`);
    const text = update.text!;
    const shown = text.split('\n').filter((l) => l.startsWith('  - Bullet added'));
    expect(shown).toHaveLength(15);
    expect(text).toContain(
      '  … and 5 more changes\n  The full list of 20 changes is attached: russia-north-korea-treaty-what-changed.txt\n  Slides with changes: ',
    );
    const full = update.attachments.find((a) => a.filename === `${TREATY}-what-changed.txt`);
    expect(full?.contentType).toBe('text/plain');
    const lines = full!.content.toString('utf8').split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'The Russia–North Korea Treaty: Blind Spots in East Asian Security',
      'What changed since the version you received on 2026-11-20 10:00 UTC',
    ]);
    expect(lines.filter((l) => l.startsWith('Bullet added'))).toHaveLength(20);
    expect(lines).toContain(
      'Bullet added · Russia and North Korea’s Treaty: "Added point 20: A new consideration number 20 for the regional balance." (slide 6)',
    );
    expect(lines.at(-2)).toBe('Slides with changes: 4–6');
    expect(update.html).toContain(
      'the full list of 20 changes is attached (russia-north-korea-treaty-what-changed.txt)',
    );
  });
});
