import { lstat, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockError } from '../model/errors.js';
import { processAlive, selfIdentity } from '../util/process-identity.js';

/**
 * A cross-process lock: a file created with O_EXCL holding the holder's pid.
 * A lock whose pid is not running on this host is stale and taken over. The
 * take-over itself is guarded by a second O_EXCL file, so two processes that
 * find the same stale lock cannot both remove it and both win.
 */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  token: string;
  /** What the holder is doing (`build`, `send`…), for "waiting for …" messages. */
  command?: string;
  /** How long the holder may keep the lock at most, when it knows (a `send` on a stalling server). */
  mayHoldMs?: number;
  /** The holder's start time and the machine's boot id, so a reused pid is not taken for the holder. */
  start?: string;
  boot?: string;
}

export interface Lock {
  file: string;
  holder: LockHolder;
  /** Whether a stale lock (and whose) was taken over to get this one. */
  tookOverFrom?: LockHolder;
  release(): Promise<void>;
}

export interface AcquireOptions {
  /** Give up after this long (ms); 0 tries once. */
  waitMs?: number;
  pollMs?: number;
  /** Called once when the lock is busy and we start waiting. */
  onWait?: (holder: LockHolder) => void;
  /** Recorded in the lock file for others' messages. */
  command?: string;
  mayHoldMs?: number;
}

/** A take-over guard older than this belongs to a process that died mid-take-over. */
const GUARD_STALE_MS = 10_000;

export async function acquireLock(file: string, o: AcquireOptions = {}): Promise<Lock | undefined> {
  const deadline = Date.now() + (o.waitMs ?? 0);
  const me: LockHolder = {
    ...selfIdentity(),
    host: hostname(),
    since: new Date().toISOString(),
    token: `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    ...(o.command ? { command: o.command } : {}),
    ...(o.mayHoldMs ? { mayHoldMs: o.mayHoldMs } : {}),
  };
  let tookOverFrom: LockHolder | undefined;
  let told = false;
  for (;;) {
    if (await createExclusive(file, JSON.stringify(me))) return lockOf(file, me, tookOverFrom);
    await mustBeLockFile(file);
    const holder = await readHolder(file);
    if (holder === 'gone') continue; // released between our two calls: try again at once
    if (holder === undefined || !isAlive(holder)) {
      const taken = await takeOverStale(file, holder);
      if (taken) tookOverFrom = holder ?? { pid: 0, host: '?', since: '?', token: 'unreadable' };
      continue;
    }
    if (Date.now() >= deadline) return undefined;
    if (!told) o.onWait?.(holder);
    told = true;
    await sleep(o.pollMs ?? 100);
  }
}

/** The pid in a lock file, if it is alive on this host (for status messages). */
export async function lockHolder(file: string): Promise<LockHolder | undefined> {
  const h = await readHolder(file);
  return h === 'gone' ? undefined : h;
}

function lockOf(file: string, holder: LockHolder, tookOverFrom?: LockHolder): Lock {
  return {
    file,
    holder,
    tookOverFrom,
    async release() {
      const now = await readHolder(file);
      if (now !== 'gone' && now?.token === holder.token) await rm(file, { force: true });
    },
  };
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    const h = await open(file, 'wx');
    try {
      await h.writeFile(text);
    } finally {
      await h.close();
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** The holder, `undefined` for an unreadable/half-written file, `'gone'` when there is no file. */
async function readHolder(file: string): Promise<LockHolder | undefined | 'gone'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    return typeof h.pid === 'number' && typeof h.token === 'string' ? h : undefined;
  } catch {
    // A holder may be between creating the file and writing its pid: give it a moment.
    const age =
      Date.now() -
      (await stat(file)
        .then((s) => s.mtimeMs)
        .catch(() => 0));
    return age > 2_000 ? undefined : { pid: process.pid, host: hostname(), since: '', token: 'being-written' };
  }
}

export function isAlive(h: LockHolder): boolean {
  if (h.host !== hostname()) return true; // another machine's pid cannot be checked from here
  return processAlive(h.pid, h.start, h.boot);
}

/**
 * A folder, a link, a FIFO or a device at the lock's path is no lock anyone holds: it would make every run wait (or
 * hang) forever. An error naming it at once.
 */
async function mustBeLockFile(file: string): Promise<void> {
  const s = await lstat(file).catch(() => undefined);
  if (!s || s.isFile()) return;
  const kind = s.isDirectory() ? 'a folder' : s.isSymbolicLink() ? 'a symbolic link' : 'a special file';
  throw new LockError(
    'lock-not-a-file',
    `Unexpected ${kind} at \`${file}\`, expected briefdeck's lock file (or nothing): remove it`,
  );
}

async function takeOverStale(file: string, seen: LockHolder | undefined): Promise<boolean> {
  const guard = `${file}.takeover`;
  if (!(await createExclusive(guard, String(process.pid)))) {
    const age =
      Date.now() -
      (await stat(guard)
        .then((s) => s.mtimeMs)
        .catch(() => Date.now()));
    if (age > GUARD_STALE_MS) await rm(guard, { force: true });
    else await sleep(20);
    return false;
  }
  try {
    const now = await readHolder(file);
    // Only remove the lock we judged stale; someone may have replaced it meanwhile.
    const same = now === undefined ? seen === undefined : now !== 'gone' && now.token === seen?.token;
    if (!same) return false;
    await rm(file, { force: true });
    return true;
  } finally {
    await rm(guard, { force: true });
  }
}
