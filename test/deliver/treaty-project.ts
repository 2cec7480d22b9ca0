import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import { buildDecks } from '../../src/build-all.js';
import { sendDecks, type SendOptions } from '../../src/deliver/send-decks.js';
import { hasErrors } from '../../src/model/diagnostic.js';
import { contentDir, fast, tempDir, themesDir } from './deck-fixture.js';
import type { SmtpFixture } from './smtp-fixture.js';

export const TREATY = 'russia-north-korea-treaty';
export const LIST = 'briefing-list@example.org';
export const ANALYSTS = 'analysts@example.org';
export const NEW = 'new-reader@example.org';
export const SUBJECT = 'Briefing: the Russia–North Korea treaty and East Asian security';
export const TREATY_FILE = '02-russia-and-north-koreas-treaty.md';
export const ROW_LINE =
  'Table row changed: Russia and North Korea’s Treaty · Japan · Potential Shift post-Treaty: "Increased military spending;…" → "Increased naval spending;…" (slide 5)';
export const BULLET_LINE =
  'Bullet added · Russia and North Korea’s Treaty: "Cyber Operations: Both states may coordinate cyber campaigns against regional infrastructure." (slide 4)';

/**
 * A copy of the treaty deck to edit, build and mail; `received()` gives the messages that arrived since its last call.
 */
export async function treatyProject(via: 'smtp' | 'outbox', smtp?: SmtpFixture) {
  const root = await tempDir(`changes-${via}`);
  const content = path.join(root, 'content');
  await cp(path.join(contentDir, TREATY), path.join(content, TREATY), { recursive: true });
  const opts = { contentDir: content, themesDir, outDir: path.join(root, 'output') };
  const file = (name: string) => path.join(content, TREATY, name);
  const edit = async (name: string, from: string | RegExp, to: string) => {
    const text = await readFile(file(name), 'utf8');
    const next = text.replace(from, to);
    expect(next, `${name} should contain ${from}`).not.toBe(text);
    await writeFile(file(name), next);
  };
  let clock = Date.parse('2026-11-20T09:00:00Z');
  const build = async (o: { force?: boolean } = {}) => {
    const [r] = await buildDecks([TREATY], opts, { ...o, now: () => new Date(clock) });
    expect(hasErrors(r.diagnostics), JSON.stringify(r.diagnostics)).toBe(false);
    return r;
  };
  const send = async (o: Partial<SendOptions> = {}) => {
    clock += 3_600_000; // each send an hour after the last build
    const env = { BRIEFDECK_SMTP_URL: via === 'smtp' ? smtp!.url() : '' };
    const [r] = await sendDecks([TREATY], opts, {
      config: { mail: { from: 'Briefing Desk <desk@example.org>', requireTLS: false, maxBytes: 10 * 1024 * 1024 } },
      env,
      retry: fast,
      now: () => new Date(clock),
      ...o,
    });
    clock += 3_600_000;
    return r;
  };
  const recipients = (to: string[], cc: string[] = []) =>
    edit('deck.yaml', /  to: .*\n  cc: .*\n/, `  to: [${to.join(', ')}]\n  cc: [${cc.join(', ')}]\n`);
  const seen = new Set<string>();
  let smtpSeen = smtp?.received.length ?? 0;
  /**
   * Messages since the last call, each with who it went to (the envelope for SMTP; To and Cc for an .eml, which name
   * the message's recipients).
   */
  const received = async (): Promise<{ to: string[]; mail: ParsedMail; raw: Buffer }[]> => {
    if (via === 'smtp') {
      const got = smtp!.received.slice(smtpSeen).map((m) => ({ to: m.rcpt, mail: m.parsed, raw: m.raw }));
      smtpSeen = smtp!.received.length;
      return got;
    }
    const dir = path.join(opts.outDir, 'outbox');
    // In the order the run wrote them (one message per recipient group, in group order).
    const fresh = (await readdir(dir).catch(() => [] as string[])).filter((n) => !seen.has(n));
    const times = new Map(
      await Promise.all(fresh.map(async (n) => [n, (await stat(path.join(dir, n))).mtimeMs] as const)),
    );
    const names = fresh.sort((a, b) => times.get(a)! - times.get(b)! || (a < b ? -1 : 1));
    const got = [];
    for (const n of names) {
      seen.add(n);
      const raw = await readFile(path.join(dir, n));
      const mail = await simpleParser(raw, { keepCidLinks: true });
      const addrs = (h: ParsedMail['to']) =>
        h ? (Array.isArray(h) ? h : [h]).flatMap((a) => a.value.map((v) => v.address!)) : [];
      got.push({ to: [...addrs(mail.to), ...addrs(mail.cc)], mail, raw });
    }
    return got;
  };
  return { root, opts, file, edit, build, send, recipients, received };
}

/** The two edits of the content-versions test: a table cell (row `Japan`) and an added bullet. */
export async function editRowAndBullet(p: Awaited<ReturnType<typeof treatyProject>>): Promise<void> {
  await p.edit(
    TREATY_FILE,
    '| Increased military spending; more robust diplomatic initiatives |',
    '| Increased naval spending; more robust diplomatic initiatives |',
  );
  await p.edit(
    TREATY_FILE,
    '- **International Response:**',
    '- **Cyber Operations:** Both states may coordinate cyber campaigns against regional infrastructure.\n- **International Response:**',
  );
}
