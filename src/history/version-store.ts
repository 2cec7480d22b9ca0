import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { HISTORY_KEEP_DEFAULT } from '../config/config-schema.js';
import { writeFileAtomic } from '../util/atomic-write.js';
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

/** A deck's history, oldest first; missing means none yet, and a corrupt one is reported, not thrown. */
export async function readHistory(outDir: string, slug: string): Promise<{ history: History; problem?: string }> {
  const file = path.join(versionsDir(outDir, slug), HISTORY_FILE);
  const empty: History = { format: 1, deck: slug, versions: [], pruned: 0 };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { history: empty };
  }
  try {
    const r = HistorySchema.safeParse(JSON.parse(text));
    if (r.success) return { history: r.data };
  } catch {
    // reported below
  }
  return {
    history: empty,
    problem: `Ignoring \`${file}\` with an unexpected shape: the version history of \`${slug}\` starts again`,
  };
}

/** One version record, or undefined when it is missing or unreadable (pruned, or from another briefdeck). */
export async function readVersion(outDir: string, slug: string, version: string): Promise<DeckVersion | undefined> {
  try {
    const r = DeckVersionSchema.safeParse(
      JSON.parse(gunzipSync(await readFile(recordFile(outDir, slug, version))).toString('utf8')),
    );
    return r.success && r.data.version === version && r.data.deck === slug ? r.data : undefined;
  } catch {
    return undefined;
  }
}

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
  const { history } = await readHistory(outDir, v.deck);
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
