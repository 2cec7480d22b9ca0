import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/drivers/lock.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefdeck-lock-'));
  file = path.join(dir, 'out', 'x.lock');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const holder = (pid: number) =>
  JSON.stringify({ pid, host: hostname(), since: new Date().toISOString(), token: `t${pid}` });

describe('cross-process lock', () => {
  it('is exclusive, records the pid, and frees on release', async () => {
    const a = await acquireLock(file);
    expect(a).toBeDefined();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(await acquireLock(file, { waitMs: 0 })).toBeUndefined();
    const waited: number[] = [];
    const t0 = Date.now();
    const later = acquireLock(file, { waitMs: 5_000, pollMs: 20, onWait: (h) => waited.push(h.pid) });
    setTimeout(() => void a!.release(), 150);
    const b = await later;
    expect(b).toBeDefined();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(waited).toEqual([process.pid]);
    await b!.release();
    expect(existsSync(file)).toBe(false);
  });

  it('does not take a lock from a live process, and takes it over once that process is dead', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await new Promise((r) => child.once('spawn', r));
    await acquireLock(file).then((l) => l!.release()); // creates the folder
    await writeFile(file, holder(child.pid!));
    expect(await acquireLock(file, { waitMs: 100, pollMs: 20 })).toBeUndefined();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const l = await acquireLock(file);
    expect(l?.tookOverFrom?.pid).toBe(child.pid);
    await l!.release();
  });

  it('takes over an unreadable lock file once it is old, but not a fresh one (its writer may be mid-write)', async () => {
    await acquireLock(file).then((l) => l!.release());
    await writeFile(file, '');
    expect(await acquireLock(file, { waitMs: 0 })).toBeUndefined();
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    const l = await acquireLock(file);
    expect(l?.tookOverFrom?.token).toBe('unreadable');
    await l!.release();
  });

  it('lets exactly one of many contenders take over the same stale lock', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await acquireLock(file).then((l) => l!.release());
    await writeFile(file, holder(dead));
    const got = await Promise.all(Array.from({ length: 8 }, () => acquireLock(file, { waitMs: 0 })));
    expect(got.filter(Boolean)).toHaveLength(1);
    await got.find(Boolean)!.release();
  });

  it('release never removes a lock that someone else holds now', async () => {
    const a = await acquireLock(file);
    await writeFile(file, holder(process.pid).replace(`t${process.pid}`, 'other'));
    await a!.release();
    expect(existsSync(file)).toBe(true);
  });
});
