import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/build-all.js';
import { sendDecks } from '../../src/deliver/send-decks.js';
import { SLUG, contentDir, fast, removeTemps, tempDir, themesDir } from './deck-fixture.js';
import { startSmtp, type SmtpFixture } from './smtp-fixture.js';

let smtp: SmtpFixture;
beforeAll(async () => {
  smtp = await startSmtp({ maxRecipients: 100 });
});
afterAll(async () => {
  await smtp.close();
  await removeTemps();
});

const RECIPIENTS = Array.from({ length: 1000 }, (_, i) => `reader-${String(i).padStart(4, '0')}@example.org`);

describe("recipients are batched to the server's cap", { timeout: 60_000 }, () => {
  it('a server that takes 100 recipients per message (452 for the rest) gets 1,000 recipients in 10 messages, each recipient exactly once', async () => {
    const content = await tempDir('cap-content');
    await cp(path.join(contentDir, SLUG), path.join(content, SLUG), { recursive: true });
    const yaml = path.join(content, SLUG, 'deck.yaml');
    await writeFile(
      yaml,
      (await readFile(yaml, 'utf8')).replace(
        /  to: .*\n  cc: .*\n/,
        `  to: [${RECIPIENTS.slice(0, 700).join(', ')}]\n  cc: [${RECIPIENTS.slice(700).join(', ')}]\n`,
      ),
    );
    const opts = { contentDir: content, themesDir, outDir: await tempDir('cap-out') };
    expect((await buildDecks([SLUG], opts))[0].file).toBeTruthy();
    const retries: number[] = [];
    const [r] = await sendDecks([SLUG], opts, {
      config: {},
      env: { BRIEFDECK_SMTP_URL: smtp.url() },
      retry: { ...fast, sleep: async (ms) => void retries.push(ms) },
    });
    expect(r).toMatchObject({ status: 'sent', attempts: 1, messages: 10, failed: [] });
    expect(retries).toEqual([]); // a cap is not a failure: nothing waited for a retry
    expect(smtp.received.map((m) => m.rcpt.length)).toEqual(Array(10).fill(100));
    const delivered = smtp.received.flatMap((m) => m.rcpt);
    expect(delivered).toHaveLength(1000);
    expect(new Set(delivered)).toEqual(new Set(RECIPIENTS));
    const log = JSON.parse(await readFile(path.join(opts.outDir, 'sent.json'), 'utf8'));
    expect(Object.keys(log.sends[0].accepted)).toHaveLength(1000);

    // Once per recipient and version: a second run sends nothing.
    const [again] = await sendDecks([SLUG], opts, { config: {}, env: { BRIEFDECK_SMTP_URL: smtp.url() }, retry: fast });
    expect(again.status).toBe('up-to-date');
    expect(smtp.received).toHaveLength(10);
  });
});
