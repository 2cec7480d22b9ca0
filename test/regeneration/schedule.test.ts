import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { simpleParser } from 'mailparser';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/drivers/lock.js';
import type { RunRecord } from '../../src/drivers/schedule.js';
import { runCli } from '../helpers/cli.js';
import { DARK, LIGHT, tempProject, until } from './project.js';
import { startCli } from '../helpers/cli.js';

type Project = Awaited<ReturnType<typeof tempProject>>;
let p: Project;
beforeEach(async () => {
  p = await tempProject();
});
afterEach(() => p.cleanup());

const runs = async (): Promise<RunRecord[]> =>
  (await readFile(path.join(p.opts.outDir, 'runs.log'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RunRecord);
const LOCK = () => path.join(p.opts.outDir, '.briefdeck.lock');

describe('schedule --once', { timeout: 90_000 }, () => {
  it('runs one cycle, logs it as a JSON line, and skips unchanged decks the second time', () => {
    const first = runCli(['schedule', '--once'], { cwd: p.dir });
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.status).toBe(0);
    const second = runCli(['schedule', '--once'], { cwd: p.dir });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/0 rebuilt, 2 up to date, 0 failed/);
    return runs().then((rs) => {
      expect(rs).toHaveLength(2);
      expect(rs[0]).toMatchObject({
        trigger: 'once',
        rebuilt: [LIGHT, DARK].sort(),
        skipped: [],
        failed: [],
        stages: [{ name: 'build', ok: true }],
      });
      expect(rs[1]).toMatchObject({ rebuilt: [], skipped: [LIGHT, DARK].sort() });
      expect(Date.parse(rs[0].end)).toBeGreaterThanOrEqual(Date.parse(rs[0].start));
      expect(existsSync(LOCK())).toBe(false);
    });
  });

  it('never lets two processes started together build at the same time', async () => {
    // Hold the lock while both start, so both are certain to contend for it when it is released.
    const held = await acquireLock(LOCK());
    const a = startCli(['schedule', '--once', '--force'], p.dir);
    const b = startCli(['schedule', '--once', '--force'], p.dir);
    await until(
      'both processes to wait for the lock',
      () => [a, b].every((x) => x.stdout().includes(`waiting for the run of pid ${process.pid}`)),
      20_000,
    );
    await held!.release();
    const [ea, eb] = await Promise.all([a.exit, b.exit]);
    expect([ea.code, eb.code], a.stderr() + b.stderr()).toEqual([0, 0]);
    const rs = (await runs()).sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
    expect(rs).toHaveLength(2);
    expect(new Set(rs.map((r) => r.pid)).size).toBe(2);
    for (const r of rs) expect(r.rebuilt).toHaveLength(2); // both really built (--force)
    expect(Date.parse(rs[1].start)).toBeGreaterThanOrEqual(Date.parse(rs[0].end));
    // The loser waited at least until the winner had finished its run.
    expect(rs[1].lock.waitedMs).toBeGreaterThanOrEqual(rs[0].ms);
    expect(existsSync(LOCK())).toBe(false);
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await mkdir(p.opts.outDir, { recursive: true });
    await writeFile(
      LOCK(),
      JSON.stringify({ pid: dead, host: hostname(), since: '2020-01-01T00:00:00.000Z', token: 'stale' }),
    );
    const r = runCli(['schedule', '--once'], { cwd: p.dir });
    expect(r.status, r.stderr).toBe(0);
    const [run] = await runs();
    expect(run.lock.tookOverFrom).toBe(dead);
    expect(run.rebuilt).toHaveLength(2);
    expect(existsSync(LOCK())).toBe(false);
  });

  it('keeps building the other decks when one fails, and exits 1', async () => {
    const yamlFile = p.deck(DARK, 'deck.yaml');
    await writeFile(yamlFile, (await readFile(yamlFile, 'utf8')).replace('theme: briefing-dark', 'theme: missing'));
    const r = runCli(['schedule', '--once'], { cwd: p.dir });
    expect(r.status).toBe(1);
    const [run] = await runs();
    expect(run).toMatchObject({ rebuilt: [LIGHT], failed: [DARK] });
  });

  it('runs export and send when the config asks for them; a failed export does not stop the mail-out', async () => {
    await writeFile(
      path.join(p.dir, 'briefdeck.config.yaml'),
      'export:\n  pdf: true\nmail:\n  from: briefing@example.org\n',
    );
    // A PATH without LibreOffice makes the export fail fast; without SMTP settings mail goes to the outbox.
    const r = runCli(['schedule', '--once', DARK], {
      cwd: p.dir,
      env: { PATH: path.join(p.dir, 'no-tools'), BRIEFDECK_SMTP_URL: '' },
    });
    const [run] = await runs();
    expect(run.stages.map((s) => [s.name, s.ok])).toEqual([
      ['build', true],
      ['export', false],
      ['send', true],
    ]);
    expect(run.stages[2].note).toBe('1 deck mailed');
    expect((await readdir(path.join(p.opts.outDir, 'outbox'))).some((f) => f.endsWith('.eml'))).toBe(true);
    expect(r.status).toBe(1);
  });
});

describe('schedule --once and what changed', { timeout: 90_000 }, () => {
  it("logs each rebuilt deck's change in runs.log and mails only the deck that changed, saying what changed", async () => {
    await writeFile(path.join(p.dir, 'briefdeck.config.yaml'), 'mail:\n  from: briefing@example.org\n');
    const env = { BRIEFDECK_SMTP_URL: '' };
    const outbox = async () => (await readdir(path.join(p.opts.outDir, 'outbox')).catch(() => [] as string[])).sort();
    expect(runCli(['schedule', '--once'], { cwd: p.dir, env }).status).toBe(0);
    expect(await outbox()).toHaveLength(2);
    expect(runCli(['schedule', '--once'], { cwd: p.dir, env }).status).toBe(0);
    const file = p.deck(LIGHT, '02-russia-and-north-koreas-treaty.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        '| Increased military spending; more robust diplomatic initiatives |',
        '| Increased naval spending; more robust diplomatic initiatives |',
      ),
    );
    const third = runCli(['schedule', '--once'], { cwd: p.dir, env });
    expect(third.status, third.stderr).toBe(0);
    expect(third.stdout).toContain(`  ${LIGHT}: updated: 1 table row`);
    const rs = await runs();
    expect(rs.map((r) => r.changes)).toEqual([
      { [DARK]: 'first version', [LIGHT]: 'first version' },
      {},
      { [LIGHT]: 'updated: 1 table row' },
    ]);
    expect(rs.map((r) => r.stages.find((s) => s.name === 'send')?.note)).toEqual([
      '2 decks mailed',
      '0 decks mailed',
      '1 deck mailed',
    ]);
    const names = await outbox();
    expect(names).toHaveLength(3); // one message (to both recipients) per deck, and one more for the changed deck
    const mails = await Promise.all(
      names.map(async (n) => simpleParser(await readFile(path.join(p.opts.outDir, 'outbox', n)))),
    );
    const update = mails.filter((m) => m.text?.includes('What changed since the version you received on'));
    expect(update).toHaveLength(1);
    expect(update[0].headers.get('x-briefdeck-deck')).toBe(LIGHT);
    expect(update[0].subject).toContain('(2026-11-20, updated: 1 table row)');
    expect(update[0].text).toContain(
      'Table row changed: Russia and North Korea’s Treaty · Japan · Potential Shift post-Treaty',
    );
  });
});

describe('schedule with a cron pattern', { timeout: 90_000 }, () => {
  it('refuses an invalid pattern with a usage error', () => {
    const r = runCli(['schedule', '--cron', '61 * * * *'], { cwd: p.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Invalid schedule `61 \* \* \* \*`/);
  });

  it('refuses an unknown time zone', () => {
    const r = runCli(['schedule', '--cron', '0 7 * * 1-5', '--tz', 'Mars/Olympus'], { cwd: p.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown time zone `Mars/Olympus`');
  });

  it('--once checks the pattern and the zone as schedule does: exit 2 before anything runs', () => {
    const cron = runCli(['schedule', '--once', '--cron', '0 7 * *'], { cwd: p.dir });
    expect(cron.status).toBe(2);
    expect(cron.stderr).toMatch(/Invalid schedule `0 7 \* \*`: .* \(from --cron\); use five fields/);
    const tz = runCli(['schedule', '--once', '--cron', '0 7 * * 1-5', '--tz', 'Europe/Londn'], { cwd: p.dir });
    expect(tz.status).toBe(2);
    expect(tz.stderr).toContain(
      'Unknown time zone `Europe/Londn`, expected an IANA name such as `Europe/London`; did you mean `Europe/London`? (from --tz)',
    );
    const fromEnv = runCli(['schedule', '--once'], { cwd: p.dir, env: { BRIEFDECK_TZ: 'Mars/Olympus' } });
    expect(fromEnv.status).toBe(2);
    expect(fromEnv.stderr).toContain('(from BRIEFDECK_TZ)');
    expect(existsSync(path.join(p.opts.outDir, 'runs.log'))).toBe(false);
  });

  it('refuses to start without a pattern', () => {
    const r = runCli(['schedule'], { cwd: p.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Missing schedule/);
  });

  it('runs on every tick, then stops cleanly on SIGINT', async () => {
    const s = startCli(['schedule', '--cron', '* * * * * *', '--tz', 'Europe/London'], p.dir);
    const deadline = Date.now() + 20_000;
    while (!/run .*: 0 rebuilt, 2 up to date/.test(s.stdout()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    s.child.kill('SIGINT');
    const e = await s.exit;
    expect(s.stdout()).toMatch(/scheduled `\* \* \* \* \* \*` \(Europe\/London\)/);
    expect(s.stdout()).toMatch(/stopped \(SIGINT\)/);
    expect(e.code, s.stderr()).toBe(0);
    const rs = await runs();
    expect(rs.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < rs.length; i++)
      expect(Date.parse(rs[i].start)).toBeGreaterThanOrEqual(Date.parse(rs[i - 1].end));
    expect(existsSync(LOCK())).toBe(false);
  });
});
