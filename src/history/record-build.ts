import type { BuildResult, DeckOptions } from '../build.js';
import { sha256 } from '../util/hash.js';
import { deckToVersion } from './deck-to-version.js';
import { recordVersion } from './version-store.js';

/**
 * After a successful build: store the deck's version record and history
 * entry. Returns the record as a build output (path relative to the output
 * folder, bytes) so the manifest lists it and a deleted record means a rebuild.
 */
export async function recordBuild(opts: DeckOptions, r: BuildResult, builtAt: Date): Promise<{ file: string; bytes: Uint8Array }[]> {
  if (!r.deck || !r.article || !r.pptx) return [];
  return [await recordVersion(opts.outDir, deckToVersion(r.deck, r.article, sha256(r.pptx)), builtAt, opts.keepVersions)];
}
