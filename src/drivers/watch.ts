import { relativeInside } from '../util/path-inside.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { isScratchFile } from '../manifest/deck-inputs.js';

/**
 * The watch driver: file events are hints. An event under a deck folder
 * schedules that deck, one under the themes folder schedules every deck; each
 * deck is debounced on its own, then rebuilt only when its inputs hash
 * changed. Builds run one at a time. The driver knows nothing about building:
 * the command passes the stages in.
 */
export interface WatchStages<R> {
  listDecks(): Promise<string[]>;
  /** The deck's inputs hash; equal hashes mean nothing to do. */
  inputsHash(slug: string): Promise<string>;
  build(slug: string): Promise<R>;
}

export interface WatchEvents<R> {
  /** A deck was built (or, on the first pass, found up to date). */
  built?(slug: string, result: R, initial: boolean): void;
  added?(slug: string): void;
  removed?(slug: string): void;
  error?(slug: string | undefined, e: unknown): void;
}

export interface WatchOptions<R> {
  contentDir: string;
  themesDir: string;
  stages: WatchStages<R>;
  on?: WatchEvents<R>;
  /** Quiet time per deck before it is rebuilt (default 150 ms). */
  debounceMs?: number;
}

export interface DeckWatcher {
  /** Resolves when no deck is waiting on its debounce and no build runs. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function watchDecks<R>(o: WatchOptions<R>): Promise<DeckWatcher> {
  const on = o.on ?? {};
  const debounceMs = o.debounceMs ?? 150;
  const last = new Map<string, string>();
  const known = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const queue = new Set<string>();
  let pumping: Promise<void> | undefined;
  let busy = false;
  const idleWaiters: (() => void)[] = [];
  let closed = false;

  const consider = async (slug: string, initial: boolean) => {
    try {
      if (!(await isDir(path.join(o.contentDir, slug)))) {
        if (known.delete(slug)) on.removed?.(slug);
        last.delete(slug);
        return;
      }
      if (!known.has(slug)) {
        known.add(slug);
        if (!initial) on.added?.(slug);
      }
      const hash = await o.stages.inputsHash(slug);
      if (last.get(slug) === hash) return;
      last.set(slug, hash);
      on.built?.(slug, await o.stages.build(slug), initial);
    } catch (e) {
      last.delete(slug);
      on.error?.(slug, e);
    }
  };

  const pump = () => {
    if (busy) return;
    busy = true;
    pumping = (async () => {
      try {
        while (queue.size > 0 && !closed) {
          const [slug] = queue;
          queue.delete(slug);
          await consider(slug, false);
        }
      } finally {
        busy = false;
      }
      if (timers.size === 0 && queue.size === 0) for (const w of idleWaiters.splice(0)) w();
    })();
  };

  const schedule = (slug: string) => {
    if (closed || !slug || slug.startsWith('.') || slug.startsWith('_')) return;
    clearTimeout(timers.get(slug));
    timers.set(
      slug,
      setTimeout(() => {
        timers.delete(slug);
        queue.add(slug);
        pump();
      }, debounceMs),
    );
  };

  const onEvent = async (event: string, p: string) => {
    const inContent = relativeInside(o.contentDir, p);
    if (inContent) {
      schedule(inContent.split(path.sep)[0]);
      return;
    }
    if (event === 'addDir' || event === 'unlinkDir') return;
    // A theme, logo or font changed: every deck is a candidate; the inputs hash keeps the others quiet.
    try {
      for (const slug of new Set([...known, ...(await o.stages.listDecks())])) schedule(slug);
    } catch (e) {
      on.error?.(undefined, e);
    }
  };

  const watcher: FSWatcher = chokidarWatch([o.contentDir, o.themesDir], {
    ignoreInitial: true,
    ignored: (p: string) => isScratchFile(path.basename(p)) && p !== o.contentDir && p !== o.themesDir,
    ignorePermissionErrors: true,
  });
  watcher.on('all', (event, p) => void onEvent(event, p));
  watcher.on('error', (e) => on.error?.(undefined, e));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  // The first pass: every deck, in order. Events meanwhile queue up behind it.
  const first = (async () => {
    for (const slug of await o.stages.listDecks().catch(() => [] as string[])) await consider(slug, true);
  })();
  busy = true;
  pumping = first.finally(() => {
    busy = false;
    pump();
  });
  await pumping;

  return {
    idle: () =>
      timers.size === 0 && !busy ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    async close() {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await watcher.close();
      await pumping;
      for (const w of idleWaiters.splice(0)) w();
    },
  };
}

const isDir = (p: string) =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
