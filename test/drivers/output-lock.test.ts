import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, type Lock } from '../../src/drivers/lock.js';
import { outputLockFile } from '../../src/drivers/output-lock.js';
import { runCli, startCli, type Running } from '../helpers/cli.js';
import { DARK, tempProject, until } from '../regeneration/project.js';

type Project = Awaited<ReturnType<typeof tempProject>>;
let p: Project;
let held: Lock | undefined;
beforeEach(async () => {
  p = await tempProject([DARK]);
  held = undefined;
});
afterEach(async () => {
  await held?.release();
  await p.cleanup();
});

const waiting = (r: Running) =>
  r.stdout().includes(`waiting for pid ${process.pid}`) || r.stderr().includes(`waiting for pid ${process.pid}`);

describe('one lock for every run that writes the output folder', { timeout: 60_000 }, () => {
  it('`build` waits while another run holds the lock, writes nothing meanwhile, then builds', async () => {
    held = await acquireLock(outputLockFile(p.opts.outDir), { command: 'send' });
    const b = startCli(['build'], p.dir);
    await until('build to wait for the lock', () => waiting(b));
    expect(b.stderr()).toContain(`waiting for pid ${process.pid} (briefdeck send, since `);
    expect(existsSync(path.join(p.opts.outDir, `${DARK}.pptx`))).toBe(false);
    await held!.release();
    held = undefined;
    expect((await b.exit).code, b.stderr()).toBe(0);
    expect(existsSync(path.join(p.opts.outDir, `${DARK}.pptx`))).toBe(true);
    expect(existsSync(outputLockFile(p.opts.outDir))).toBe(false);
  });

  it('`export` waits for it too', async () => {
    held = await acquireLock(outputLockFile(p.opts.outDir), { command: 'build' });
    const e = startCli(['export', '--pdf'], p.dir, { PATH: path.join(p.dir, 'no-tools') });
    await until('export to wait for the lock', () => waiting(e));
    await held!.release();
    held = undefined;
    expect((await e.exit).code).toBe(1); // the deck was never built: it fails, after the wait
    expect(e.stderr()).toMatch(/Missing `.*\.pptx`, expected a built deck/);
  });

  it('each `watch` rebuild takes it', async () => {
    held = await acquireLock(outputLockFile(p.opts.outDir), { command: 'schedule' });
    const w = startCli(['watch'], p.dir);
    await until('watch to wait for the lock before its first build', () => waiting(w));
    expect(w.stdout()).not.toMatch(/built/);
    await held!.release();
    held = undefined;
    await until('the first build', () => /✓ us-policy-response {2}built/.test(w.stdout()));
    w.child.kill('SIGINT');
    expect((await w.exit).code, w.stderr()).toBe(0);
  });

  it('a lock left by a dead process is taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await mkdir(p.opts.outDir, { recursive: true });
    await writeFile(
      outputLockFile(p.opts.outDir),
      JSON.stringify({
        pid: dead,
        host: hostname(),
        since: '2020-01-01T00:00:00.000Z',
        token: 'stale',
        command: 'build',
      }),
    );
    const r = runCli(['build'], { cwd: p.dir });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(outputLockFile(p.opts.outDir))).toBe(false);
  });
});
