import path from 'node:path';
import { LockError } from '../model/errors.js';
import { ioCause, isIoError } from '../util/io-error.js';
import { guardOutputRoot } from '../util/no-follow.js';
import { acquireLock, type Lock, type LockHolder } from './lock.js';

/**
 * One lock per output folder, taken by every run that writes it: `build`,
 * `export`, `send` (for the whole run, so `sent.json` is read, updated and
 * written by one process at a time), each `watch` rebuild and each `schedule`
 * cycle. It is taken by the commands and drivers, never inside the stages,
 * so a schedule cycle that builds, exports and sends holds it once.
 */
export const OUTPUT_LOCK = '.briefdeck.lock';
export const outputLockFile = (outDir: string): string => path.join(outDir, OUTPUT_LOCK);

/** How long a run waits for another before giving up with an error. */
export const LOCK_WAIT_MS = 10 * 60_000;

export interface OutputLockOptions {
  /** The command taking the lock, recorded for other runs' messages. */
  command: string;
  waitMs?: number;
  onWait?: (holder: LockHolder) => void;
  /** The most this run may hold the lock, told to runs that wait for it. */
  mayHoldMs?: number;
}

export async function withOutputLock<T>(
  outDir: string,
  o: OutputLockOptions,
  fn: (lock: Lock) => Promise<T>,
): Promise<T> {
  const file = outputLockFile(outDir);
  // Every run that writes the output folder holds this lock: from here on, nothing it writes goes through a link.
  guardOutputRoot(outDir);
  const waitMs = o.waitMs ?? LOCK_WAIT_MS;
  let lock: Lock | undefined;
  try {
    lock = await acquireLock(file, { waitMs, onWait: o.onWait, command: o.command, mayHoldMs: o.mayHoldMs });
  } catch (e) {
    if (!isIoError(e)) throw e;
    throw new LockError(
      'output-unwritable',
      `Cannot lock the output folder: creating \`${file}\` failed: ${ioCause(e)}`,
    );
  }
  if (!lock)
    throw new LockError(
      'output-locked',
      `Output folder \`${outDir}\` is still in use after ${Math.round(waitMs / 1000)} s, expected the other run to finish (remove \`${file}\` if no briefdeck process is running)`,
    );
  try {
    return await fn(lock);
  } finally {
    await lock.release();
  }
}

/** `waiting for pid 123 (briefdeck send, since …)`: the line a command prints while it waits. */
export function waitingLine(h: LockHolder): string {
  const about = [
    h.command && `briefdeck ${h.command}`,
    h.since && `since ${h.since}`,
    typeof h.mayHoldMs === 'number' && `which may hold it up to ${Math.ceil(h.mayHoldMs / 60_000)} min`,
  ]
    .filter(Boolean)
    .join(', ');
  return `waiting for pid ${h.pid}${about ? ` (${about})` : ''} to finish with the output folder`;
}
