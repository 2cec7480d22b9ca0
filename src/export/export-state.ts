import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-write.js';
import { noteStateProblem } from '../util/state-problems.js';

/**
 * What was last exported for one deck, kept in `output/<deck>/export.json`
 * (one file per deck, so decks never contend for a shared manifest). Each
 * artifact records the sha256 of the .pptx it was made from: a deck whose
 * .pptx hash is unchanged is not exported again.
 */
const ExportStateSchema = z.object({
  version: z.literal(1),
  slides: z.number().int().min(0),
  /** Warnings the last build reported, when the exporter was told. */
  warnings: z.number().int().min(0).optional(),
  pdf: z
    .object({ pptxSha256: z.string(), file: z.string(), pages: z.number().int().min(0), exportedAt: z.string() })
    .optional(),
  png: z
    .object({
      pptxSha256: z.string(),
      files: z.array(z.string()),
      contactSheet: z.string(),
      exportedAt: z.string(),
    })
    .optional(),
});
export type ExportState = z.output<typeof ExportStateSchema>;

export const deckDir = (outDir: string, slug: string): string => path.join(outDir, slug);
export const stateFile = (outDir: string, slug: string): string => path.join(deckDir(outDir, slug), 'export.json');

export async function readExportState(outDir: string, slug: string): Promise<ExportState | undefined> {
  const file = stateFile(outDir, slug);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  // Untrusted like every file under output/: a record that fails its schema is named and treated as absent (the
  // deck is exported again), never used half-read.
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return ignored(file, 'is not JSON (truncated?)');
  }
  const r = ExportStateSchema.safeParse(json);
  if (r.success) return r.data;
  const i = r.error.issues[0];
  return ignored(file, `has an unexpected shape (${i.path.join('.') || 'top level'}: ${i.message})`);
}

export async function writeExportState(outDir: string, slug: string, state: ExportState): Promise<void> {
  await writeFileAtomic(stateFile(outDir, slug), `${JSON.stringify(state, null, 2)}\n`);
}

function ignored(file: string, why: string): undefined {
  noteStateProblem('export-record-ignored', file, `Ignoring \`${file}\`, which ${why}: the deck is exported again`);
  return undefined;
}
