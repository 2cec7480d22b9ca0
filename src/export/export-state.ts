import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';

/**
 * What was last exported for one deck, kept in `output/<deck>/export.json`
 * (one file per deck, so decks never contend for a shared manifest). Each
 * artifact records the sha256 of the .pptx it was made from: a deck whose
 * .pptx hash is unchanged is not exported again.
 */
export interface ExportState {
  version: 1;
  slides: number;
  /** Warnings the last build reported, when the exporter was told. */
  warnings?: number;
  pdf?: { pptxSha256: string; file: string; pages: number; exportedAt: string };
  png?: { pptxSha256: string; files: string[]; contactSheet: string; exportedAt: string };
}

export const deckDir = (outDir: string, slug: string): string => path.join(outDir, slug);
export const stateFile = (outDir: string, slug: string): string => path.join(deckDir(outDir, slug), 'export.json');

export async function readExportState(outDir: string, slug: string): Promise<ExportState | undefined> {
  try {
    const s = JSON.parse(await readFile(stateFile(outDir, slug), 'utf8')) as ExportState;
    return s.version === 1 ? s : undefined;
  } catch {
    return undefined;
  }
}

export async function writeExportState(outDir: string, slug: string, state: ExportState): Promise<void> {
  await writeFileAtomic(stateFile(outDir, slug), `${JSON.stringify(state, null, 2)}\n`);
}
