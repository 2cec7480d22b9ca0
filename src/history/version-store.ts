import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { HISTORY_KEEP_DEFAULT } from '../config/config-schema.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { noteStateProblem } from '../util/state-problems.js';
import { DeckVersionSchema, type DeckVersion } from './version.js';

/**
 * Where version records live, beside the build:
 *
 *   output/versions/<deck>/<sha256>.json.gz   one record per deck version (gzip: ~5 KB instead of ~16 KB of JSON)
 *   output/versions/<deck>/history.json       the versions in the order they were built, oldest first
 *
 * A record holds no dates, so the same deck gives the same bytes; when each
 * version was built is in the history. Both are written atomically, the
 * record first, so a crash leaves at worst an unlisted record (pruned later).
 */
export const VERSIONS_DIR = 'versions';
const HISTORY_FILE = 'history.json';
const RECORD_EXT = '.json.gz';

const EntrySchema = z.object({
  version: z.string(),
  /** When this version was first built. */
  builtAt: z.string(),
  /**
   * Set when the latest build rebuilt this same version (e.g. after a reflow-only edit): that build changed nothing.
   */
  rebuiltAt: z.string().optional(),
});
const HistorySchema = z.object({
  format: z.literal(1),
  deck: z.string(),
  versions: z.array(EntrySchema),
  /** How many older versions were pruned: when 0, the first entry is the deck's first version. */
  pruned: z.number().int().min(0).default(0),
});

export type HistoryEntry = z.output<typeof EntrySchema>;
export type History = z.output<typeof HistorySchema>;

export const versionsDir = (outDir: string, slug: string): string => path.join(outDir, VERSIONS_DIR, slug);
export const recordFile = (outDir: string, slug: string, version: string): string =>
  path.join(versionsDir(outDir, slug), `${version}${RECORD_EXT}`);

/** The record's bytes: gzip of its JSON (deterministic: zlib writes no time into the header). */
export const encodeVersion = (v: DeckVersion): Buffer => gzipSync(`${JSON.stringify(v)}\n`, { level: 9 });

/**
 * The most a version record may hold, packed and unpacked: a record is a few KB (16 KB of JSON for a 30-slide deck),
 * and a gzip bomb planted in output/versions/ must not unpack into gigabytes (V8 dies, no `catch` can help).
 */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
export const MAX_RECORD_UNPACKED = 32 * 1024 * 1024;

/**
 * A deck's history, oldest first; missing means none yet. A damaged one (truncated, not JSON, the wrong shape) is
 * reported, never thrown, and read as empty.
 */
export async function readHistory(
  outDir: string,
  slug: string,
  note = true,
): Promise<{ history: History; problem?: string }> {
  const file = path.join(versionsDir(outDir, slug), HISTORY_FILE);
  const empty: History = { format: 1, deck: slug, versions: [], pruned: 0 };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { history: empty };
  }
  let why = 'is not JSON (truncated?)';
  try {
    const r = HistorySchema.safeParse(JSON.parse(text));
    if (r.success && r.data.deck === slug) return { history: r.data };
    why = r.success ? `names the deck \`${r.data.deck}\`` : `has an unexpected shape (${issueOf(r.error)})`;
  } catch {
    // not JSON
  }
  const problem = `Ignoring \`${file}\`, which ${why}`;
  if (note) noteStateProblem('history-ignored', file, `${problem}: the versions it listed are not known`);
  return { history: empty, problem };
}

/**
 * One version record, or undefined when it is missing or unreadable (pruned, or from another briefdeck). A record
 * that is there but damaged, oversized or a gzip bomb is noted as a warning naming the file, and read as unknown.
 */
export async function readVersion(outDir: string, slug: string, version: string): Promise<DeckVersion | undefined> {
  const file = recordFile(outDir, slug, version);
  let packed: Buffer;
  try {
    const s = await stat(file);
    if (s.size > MAX_RECORD_BYTES) return ignored(file, `is ${mb(s.size)}, more than a version record may be`);
    packed = await readFile(file);
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(packed, { maxOutputLength: MAX_RECORD_UNPACKED }).toString('utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return ignored(
      file,
      code === 'ERR_BUFFER_TOO_LARGE'
        ? `unpacks to more than ${mb(MAX_RECORD_UNPACKED)} (a version record is a few KB)`
        : 'is not a gzipped JSON record (truncated?)',
    );
  }
  const r = DeckVersionSchema.safeParse(json);
  if (!r.success) return ignored(file, `has an unexpected shape (${issueOf(r.error)})`);
  if (r.data.version !== version || r.data.deck !== slug)
    return ignored(file, `describes \`${r.data.deck}\` version ${r.data.version.slice(0, 12)}, not its file name`);
  return r.data;
}

function ignored(file: string, why: string): undefined {
  noteStateProblem('version-record-ignored', file, `Ignoring \`${file}\`, which ${why}: that version is not known`);
  return undefined;
}

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
const issueOf = (e: z.ZodError) => {
  const i = e.issues[0];
  return `${i.path.join('.') || 'top level'}: ${i.message}`;
};

/**
 * Store a just-built version: write its record, append it to the history
 * (or mark the latest entry rebuilt when the deck came out the same), keep
 * the newest `keep` versions and delete the records no kept entry names.
 * Returns the record's path relative to `outDir` and its bytes, for the manifest.
 */
export async function recordVersion(
  outDir: string,
  v: DeckVersion,
  builtAt: Date,
  keep = HISTORY_KEEP_DEFAULT,
): Promise<{ file: string; bytes: Uint8Array }> {
  const bytes = encodeVersion(v);
  const file = recordFile(outDir, v.deck, v.version);
  await writeFileAtomic(file, bytes);
  const { history, problem } = await readHistory(outDir, v.deck, false);
  if (problem) {
    // A damaged history is kept aside, not overwritten, and the build says the history starts again.
    const damaged = path.join(versionsDir(outDir, v.deck), `${HISTORY_FILE}.damaged`);
    await rename(path.join(versionsDir(outDir, v.deck), HISTORY_FILE), damaged).catch(() => undefined);
    noteStateProblem(
      'history-restarted',
      damaged,
      `${problem}: the version history of \`${v.deck}\` starts again with this build (the damaged file is kept as \`${damaged}\`)`,
    );
  }
  const at = builtAt.toISOString();
  const last = history.versions.at(-1);
  if (last?.version === v.version) last.rebuiltAt = at;
  else history.versions.push({ version: v.version, builtAt: at });
  const drop = Math.max(0, history.versions.length - Math.max(1, keep));
  history.versions = history.versions.slice(drop);
  history.pruned += drop;
  await writeFileAtomic(path.join(versionsDir(outDir, v.deck), HISTORY_FILE), `${JSON.stringify(history, null, 2)}\n`);
  await prune(versionsDir(outDir, v.deck), new Set(history.versions.map((e) => e.version)));
  return { file: path.relative(outDir, file), bytes };
}

async function prune(dir: string, kept: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.endsWith(RECORD_EXT) && !name.startsWith('.') && !kept.has(name.slice(0, -RECORD_EXT.length)))
      await rm(path.join(dir, name), { force: true });
  }
}
