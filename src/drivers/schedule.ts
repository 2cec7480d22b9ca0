import path from 'node:path';
import { Cron } from 'croner';
import { escapeControl } from '../util/control-chars.js';
import { appendNoFollow, guardOutputRoot } from '../util/no-follow.js';
import { ioCause, isIoError } from '../util/io-error.js';
import { acquireLock, type LockHolder } from './lock.js';
import { LOCK_WAIT_MS } from './output-lock.js';

/**
 * A scheduled cycle: take the cross-process lock, run the stages in order
 * (build → export → send, as the command assembles them), append one JSON
 * line to runs.log, release the lock. The driver holds no build logic: a
 * stage is a name and a function; one that throws is recorded as failed and
 * the next stage still runs.
 */
export interface RunRecord {
  start: string;
  end: string;
  ms: number;
  pid: number;
  trigger: 'once' | 'cron';
  rebuilt: string[];
  skipped: string[];
  failed: string[];
  /** Each rebuilt deck's change since its previous build, in one line (`updated: 1 bullet · 1 table row`). */
  changes: Record<string, string>;
  stages: { name: string; ok: boolean; ms: number; note?: string }[];
  lock: { waitedMs: number; tookOverFrom?: number };
  /** Set when the run did not happen (the lock stayed busy). */
  notRun?: string;
  /** Set when the record could not be appended to runs.log. */
  logProblem?: string;
}

export interface CycleStage {
  name: string;
  /** Reads and fills the record (the build stage sets rebuilt/skipped/failed). A returned string is a note. */
  run(record: RunRecord): Promise<string | void>;
}

export interface CycleOptions {
  lockFile: string;
  logFile: string;
  stages: readonly CycleStage[];
  trigger: RunRecord['trigger'];
  /** How long to wait for another run to finish with the output folder (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
  onWait?: (holder: LockHolder) => void;
}

export async function runCycle(o: CycleOptions): Promise<RunRecord> {
  const t0 = Date.now();
  let lock: Awaited<ReturnType<typeof acquireLock>>;
  let lockProblem: string | undefined;
  guardOutputRoot(path.dirname(o.lockFile));
  try {
    lock = await acquireLock(o.lockFile, {
      waitMs: o.lockWaitMs ?? LOCK_WAIT_MS,
      onWait: o.onWait,
      command: 'schedule',
    });
  } catch (e) {
    if (!isIoError(e)) throw e;
    lockProblem = `cannot create the lock \`${o.lockFile}\`: ${ioCause(e)}`;
  }
  const started = Date.now();
  const record: RunRecord = {
    start: new Date(started).toISOString(),
    end: '',
    ms: 0,
    pid: process.pid,
    trigger: o.trigger,
    rebuilt: [],
    skipped: [],
    failed: [],
    changes: {},
    stages: [],
    lock: { waitedMs: started - t0, ...(lock?.tookOverFrom ? { tookOverFrom: lock.tookOverFrom.pid } : {}) },
  };
  if (!lock) {
    record.notRun = lockProblem ?? `lock \`${o.lockFile}\` still held after ${record.lock.waitedMs} ms`;
    return finish(record, o.logFile);
  }
  try {
    for (const stage of o.stages) {
      const s0 = performance.now();
      try {
        const note = await stage.run(record);
        record.stages.push({
          name: stage.name,
          ok: true,
          ms: Math.round(performance.now() - s0),
          ...(note ? { note } : {}),
        });
      } catch (e) {
        record.stages.push({
          name: stage.name,
          ok: false,
          ms: Math.round(performance.now() - s0),
          note: (e as Error)?.message ?? String(e),
        });
      }
    }
    return await finish(record, o.logFile);
  } finally {
    await lock.release();
  }
}

/** A run succeeded when it ran, no deck failed and every stage finished. */
export const runOk = (r: RunRecord): boolean =>
  !r.notRun && !r.logProblem && r.failed.length === 0 && r.stages.every((s) => s.ok);

async function finish(record: RunRecord, logFile: string): Promise<RunRecord> {
  const end = Date.now();
  record.end = new Date(end).toISOString();
  record.ms = end - Date.parse(record.start);
  try {
    // JSON escapes C0 controls; escapeControl also escapes C1, DEL and bidi marks (still valid JSON), so `cat runs.log`
    // shows what was logged. A link planted at runs.log is refused, not followed.
    await appendNoFollow(logFile, `${escapeControl(JSON.stringify(record))}\n`);
  } catch (e) {
    // A full disk must not turn a finished run into a crash: the run is reported as failed on the terminal.
    if (!isIoError(e)) throw e;
    record.logProblem = `could not append to \`${logFile}\`: ${ioCause(e)}`;
  }
  return record;
}

export interface Schedule {
  nextRun(): Date | null;
  /** Stop ticking and wait for a cycle in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Run `cycle` on a cron pattern. croner's `protect` skips a tick while the
 * previous cycle still runs (`onBusy` is told); the lock in runCycle covers
 * other processes. Throws RangeError/TypeError for an invalid pattern or zone.
 */
export function startSchedule(o: {
  cron: string;
  timezone?: string;
  cycle: () => Promise<unknown>;
  onBusy?: () => void;
  onError?: (e: unknown) => void;
}): Schedule {
  let running: Promise<unknown> | undefined;
  const job = new Cron(
    o.cron,
    { name: 'briefdeck', timezone: o.timezone, protect: () => o.onBusy?.(), catch: (e: unknown) => o.onError?.(e) },
    async () => {
      running = o.cycle();
      try {
        await running;
      } finally {
        running = undefined;
      }
    },
  );
  return {
    nextRun: () => job.nextRun(),
    async stop() {
      job.stop();
      await running?.catch(() => undefined);
    },
  };
}

/** Check a pattern and zone without starting anything; returns the next runs or throws. */
export function nextRuns(cron: string, timezone: string | undefined, n: number): Date[] {
  const job = new Cron(cron, { timezone, paused: true });
  try {
    return job.nextRuns(n);
  } finally {
    job.stop();
  }
}
