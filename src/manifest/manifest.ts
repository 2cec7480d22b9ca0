import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../model/diagnostic.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { sha256 } from '../util/hash.js';
import type { DeckInputs } from './deck-inputs.js';

/**
 * `output/manifest.json`: per deck, what went in (hashed), what came out
 * (with sha256), when and with which warnings. It is a cache, never a source
 * of truth: a missing, unreadable or corrupt manifest means "rebuild all".
 */
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

const PositionSchema = z.object({ file: z.string(), line: z.number(), column: z.number() });
const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  position: PositionSchema,
  fix: z.string().optional(),
});

const EntrySchema = z.object({
  inputHash: z.string(),
  inputs: z.object({
    files: z.record(z.string(), z.string()),
    theme: z.object({ name: z.string() }).loose(),
    fonts: z.string(),
    tool: z.string(),
    options: z.object({ theme: z.string() }).loose(),
  }),
  outputs: z.array(z.object({ file: z.string(), sha256: z.string(), bytes: z.number() })),
  builtAt: z.string(),
  ms: z.number(),
  slides: z.number(),
  warnings: z.array(DiagnosticSchema),
});

const ManifestSchema = z.object({
  version: z.literal(MANIFEST_VERSION),
  decks: z.record(z.string(), EntrySchema),
});

export type ManifestEntry = z.output<typeof EntrySchema>;
export type Manifest = z.output<typeof ManifestSchema>;

export const emptyManifest = (): Manifest => ({ version: MANIFEST_VERSION, decks: {} });

/** The manifest in `outDir`, or an empty one plus why (missing is not a problem worth a note). */
export async function readManifest(outDir: string): Promise<{ manifest: Manifest; problem?: string }> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, MANIFEST_FILE), 'utf8');
  } catch {
    return { manifest: emptyManifest() };
  }
  try {
    const r = ManifestSchema.safeParse(JSON.parse(text));
    if (r.success) return { manifest: r.data };
    return {
      manifest: emptyManifest(),
      problem: `Ignoring \`${MANIFEST_FILE}\` with an unexpected shape; rebuilding every deck`,
    };
  } catch {
    return { manifest: emptyManifest(), problem: `Ignoring unreadable \`${MANIFEST_FILE}\`; rebuilding every deck` };
  }
}

/**
 * Record decks' new entries: re-read the file first so entries another process
 * wrote meanwhile survive, then write atomically (temp file + rename).
 */
export async function updateManifest(outDir: string, entries: Record<string, ManifestEntry>): Promise<void> {
  const { manifest } = await readManifest(outDir);
  const decks = { ...manifest.decks, ...entries };
  const sorted = Object.fromEntries(
    Object.keys(decks)
      .sort()
      .map((k) => [k, decks[k]]),
  );
  await writeFileAtomic(
    path.join(outDir, MANIFEST_FILE),
    `${JSON.stringify({ version: MANIFEST_VERSION, decks: sorted }, null, 2)}\n`,
  );
}

export function manifestEntry(
  inputs: DeckInputs,
  outputs: { file: string; bytes: Uint8Array }[],
  r: { ms: number; slides: number; diagnostics: readonly Diagnostic[] },
  now = new Date(),
): ManifestEntry {
  const { hash, ...rest } = inputs;
  return {
    inputHash: hash,
    inputs: rest,
    outputs: outputs.map((o) => ({ file: o.file, sha256: sha256(o.bytes), bytes: o.bytes.byteLength })),
    builtAt: now.toISOString(),
    ms: Math.round(r.ms),
    slides: r.slides,
    warnings: r.diagnostics.filter((d) => d.severity === 'warning'),
  };
}

/** Up to date: same inputs, and every output still on disk with the bytes that were written. */
export async function isUpToDate(
  entry: ManifestEntry | undefined,
  inputs: DeckInputs,
  outDir: string,
): Promise<boolean> {
  if (!entry || entry.inputHash !== inputs.hash) return false;
  for (const o of entry.outputs) {
    const bytes = await readFile(path.join(outDir, o.file)).catch(() => undefined);
    if (!bytes || bytes.byteLength !== o.bytes || sha256(bytes) !== o.sha256) return false;
  }
  return true;
}
