import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/drivers/lock.js';
import { outputLockFile } from '../../src/drivers/output-lock.js';
import { runCliAsync, startCli } from '../helpers/cli.js';
import { until } from '../regeneration/project.js';
import { OTHER, SLUG, outDirWith, removeTemps } from './deck-fixture.js';
import { startSmtp, type SmtpFixture } from './smtp-fixture.js';

let smtp: SmtpFixture;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await removeTemps();
});
beforeEach(() => {
  smtp.received.length = 0;
});

const sentLog = async (outDir: string) =>
  JSON.parse(await readFile(path.join(outDir, 'sent.json'), 'utf8')) as {
    sends: { deck: string; accepted: Record<string, string> }[];
  };

describe('concurrent `send` runs (separate processes, one loopback SMTP server)', { timeout: 60_000 }, () => {
  it('two `send` runs started together mail each deck once: 2 messages for 2 decks, not 4', async () => {
    const opts = await outDirWith({ decks: [SLUG, OTHER] });
    const args = ['send', '--content', opts.contentDir, '--themes', opts.themesDir, '--out', opts.outDir];
    const env = { BRIEFDECK_SMTP_URL: smtp.url() };
    const [a, b] = await Promise.all([runCliAsync(args, { env }), runCliAsync(args, { env })]);
    expect([a.status, b.status], a.stderr + b.stderr).toEqual([0, 0]);
    expect(smtp.received.map((m) => m.parsed.headers.get('x-briefdeck-deck')).sort()).toEqual([OTHER, SLUG].sort());
    // One run sent both; the other found both up to date.
    expect(
      [a.stdout, b.stdout].map((o) => /2 decks: (\d) sent, (\d) up to date/.exec(o)?.slice(1).join('/')).sort(),
    ).toEqual(['0/2', '2/0']);
    expect((await sentLog(opts.outDir)).sends.map((s) => s.deck).sort()).toEqual([OTHER, SLUG].sort());
  });

  it('`send deck1` and `send deck2` together keep both updates to sent.json, so the next run sends nothing', async () => {
    const opts = await outDirWith({ decks: [SLUG, OTHER] });
    const args = ['send', '--content', opts.contentDir, '--themes', opts.themesDir, '--out', opts.outDir];
    const env = { BRIEFDECK_SMTP_URL: smtp.url() };
    // Hold the lock while both start, so both are certain to be running at the same time when it is released.
    const held = await acquireLock(outputLockFile(opts.outDir));
    const one = startCli([...args, SLUG], undefined, env);
    const two = startCli([...args, OTHER], undefined, env);
    await until('both sends to wait for the output folder', () =>
      [one, two].every((r) => r.stderr().includes(`waiting for pid ${process.pid}`)),
    );
    await held!.release();
    const codes = await Promise.all([one.exit, two.exit]);
    expect(
      codes.map((c) => c.code),
      one.stderr() + two.stderr(),
    ).toEqual([0, 0]);
    expect(smtp.received).toHaveLength(2);
    const log = await sentLog(opts.outDir);
    expect(log.sends.map((s) => s.deck).sort()).toEqual([OTHER, SLUG].sort());
    const again = await runCliAsync(args, { env });
    expect(again.stdout).toContain('2 decks: 0 sent, 2 up to date, 0 failed');
    expect(smtp.received).toHaveLength(2);
  });
});
