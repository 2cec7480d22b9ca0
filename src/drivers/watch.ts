import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { isScratchFile } from '../manifest/deck-inputs.js';
import { relativeInside } from '../util/path-inside.js';
import { DeckQueue } from './deck-queue.js';

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

/** What the watcher remembers of each deck between events. */
interface Seen {
  /** Decks found so far (an event for one not among them is an added deck). */
  known: Set<string>;
  /** The inputs hash of each deck's last build. */
  hashes: Map<string, string>;
}

export async function watchDecks<R>(o: WatchOptions<R>): Promise<DeckWatcher> {
  const on = o.on ?? {};
  const seen: Seen = { known: new Set(), hashes: new Map() };
  const queue = new DeckQueue((slug) => considerDeck(slug, false, o, seen), o.debounceMs ?? 150);
  const schedule = (slug: string) => {
    if (slug && !slug.startsWith('.') && !slug.startsWith('_')) queue.schedule(slug);
  };
  const watcher = await startWatcher(o, (event, p) =>
    decksTouched(event, p, o, seen).then(
      (slugs) => slugs.forEach(schedule),
      (e) => on.error?.(undefined, e),
    ),
  );
  // The first pass: every deck, in order. Events meanwhile queue up behind it.
  await queue.runFirst(async () => {
    for (const slug of await o.stages.listDecks().catch(() => [] as string[])) await considerDeck(slug, true, o, seen);
  });
  return {
    idle: () => queue.idle(),
    async close() {
      const drained = queue.close();
      await watcher.close();
      await drained;
    },
  };
}

/** Chokidar on the content and themes folders, ready; editors' scratch files are not events. */
async function startWatcher<R>(o: WatchOptions<R>, onEvent: (event: string, p: string) => void): Promise<FSWatcher> {
  const watcher = chokidarWatch([o.contentDir, o.themesDir], {
    ignoreInitial: true,
    ignored: (p: string) => isScratchFile(path.basename(p)) && p !== o.contentDir && p !== o.themesDir,
    ignorePermissionErrors: true,
  });
  watcher.on('all', onEvent);
  watcher.on('error', (e) => o.on?.error?.(undefined, e));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return watcher;
}

/** The decks a file event may concern: its own deck, or (a theme, logo or font) every deck. */
async function decksTouched<R>(event: string, p: string, o: WatchOptions<R>, seen: Seen): Promise<string[]> {
  const inContent = relativeInside(o.contentDir, p);
  if (inContent) return [inContent.split(path.sep)[0]];
  if (event === 'addDir' || event === 'unlinkDir') return [];
  // Every deck is a candidate; the inputs hash keeps the others quiet.
  return [...new Set([...seen.known, ...(await o.stages.listDecks())])];
}

/** One deck after its quiet time: gone (removed), new (added), or rebuilt when its inputs hash changed. */
async function considerDeck<R>(slug: string, initial: boolean, o: WatchOptions<R>, seen: Seen): Promise<void> {
  const on = o.on ?? {};
  try {
    if (!(await isDir(path.join(o.contentDir, slug)))) {
      if (seen.known.delete(slug)) on.removed?.(slug);
      seen.hashes.delete(slug);
      return;
    }
    if (!seen.known.has(slug)) {
      seen.known.add(slug);
      if (!initial) on.added?.(slug);
    }
    const hash = await o.stages.inputsHash(slug);
    if (seen.hashes.get(slug) === hash) return;
    seen.hashes.set(slug, hash);
    on.built?.(slug, await o.stages.build(slug), initial);
  } catch (e) {
    seen.hashes.delete(slug);
    on.error?.(slug, e);
  }
}

const isDir = (p: string) =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
