import { readManifest } from '../manifest/manifest.js';

/** What the build recorded about a deck, when it is known to describe this very .pptx. */
export interface BuildRecord {
  builtAt?: Date;
  warnings?: number;
}

/**
 * The build's manifest entry for one deck (read through the manifest module,
 * which owns the file and its schema), trusted only when the .pptx it lists
 * has the same sha256 as the file on disk. Anything else means "unknown".
 */
export async function readBuildRecord(
  outDir: string,
  slug: string,
  pptxSha256: string,
): Promise<BuildRecord | undefined> {
  const entry = (await readManifest(outDir)).manifest.decks[slug];
  if (!entry?.outputs.some((o) => o.file === `${slug}.pptx` && o.sha256 === pptxSha256)) return undefined;
  const builtAt = Number.isNaN(Date.parse(entry.builtAt)) ? undefined : new Date(entry.builtAt);
  return { builtAt, warnings: entry.warnings.length };
}
