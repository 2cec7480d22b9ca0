import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** What the build recorded about a deck, when it is known to describe this very .pptx. */
export interface BuildRecord {
  builtAt?: Date;
  warnings?: number;
}

/**
 * Read the build's `output/manifest.json` (owned by the build, read here
 * only) for one deck, and trust it only when the .pptx it lists has the
 * same sha256 as the file on disk. Any other shape means "unknown".
 */
export async function readBuildRecord(outDir: string, slug: string, pptxSha256: string): Promise<BuildRecord | undefined> {
  let deck: unknown;
  try {
    deck = (JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as { decks?: Record<string, unknown> }).decks?.[slug];
  } catch {
    return undefined;
  }
  if (!deck || typeof deck !== 'object') return undefined;
  const d = deck as { outputs?: unknown; builtAt?: unknown; warnings?: unknown };
  const same = Array.isArray(d.outputs) && d.outputs.some((o) => (o as { file?: unknown; sha256?: unknown })?.file === `${slug}.pptx` && (o as { sha256?: unknown }).sha256 === pptxSha256);
  if (!same) return undefined;
  const builtAt = typeof d.builtAt === 'string' && !Number.isNaN(Date.parse(d.builtAt)) ? new Date(d.builtAt) : undefined;
  const warnings = Array.isArray(d.warnings) ? d.warnings.length : typeof d.warnings === 'number' ? d.warnings : undefined;
  return { builtAt, warnings };
}
