import path from 'node:path';
import type { Article } from '../model/article.js';
import type { Deck } from '../model/deck.js';
import type { DeckOptions } from '../model/deck-options.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { sha256 } from '../util/hash.js';
import { relativeInside } from '../util/path-inside.js';
import { deckToVersion } from './deck-to-version.js';
import type { DeckVersion } from './version.js';
import { recordVersion } from './version-store.js';

/**
 * After a successful build: store the deck's version record (with the
 * build's warnings, which `send` reports from it) and history entry. Returns
 * the record as a build output (path relative to the output folder, bytes) so
 * the manifest lists it and a deleted record means a rebuild.
 */
export async function recordBuild(
  opts: DeckOptions,
  r: { deck?: Deck; article?: Article; pptx?: Uint8Array; diagnostics: readonly Diagnostic[] },
  builtAt: Date,
): Promise<{ file: string; bytes: Uint8Array }[]> {
  if (!r.deck || !r.article || !r.pptx) return [];
  const record: DeckVersion = {
    ...deckToVersion(r.deck, r.article, sha256(r.pptx)),
    warnings: warningsOf(r.diagnostics, opts.contentDir),
  };
  return [await recordVersion(opts.outDir, record, builtAt, opts.keepVersions)];
}

/**
 * Warnings with their files relative to the content folder
 * (`my-deck/02-outlook.md`): the same record wherever the build ran from,
 * and no local paths in the mail that quotes them.
 */
function warningsOf(ds: readonly Diagnostic[], contentDir: string): NonNullable<DeckVersion['warnings']> {
  return ds.flatMap((d) => {
    if (d.severity !== 'warning') return [];
    const rel = relativeInside(contentDir, path.resolve(d.position.file));
    const file = rel ? rel.split(path.sep).join('/') : d.position.file;
    return [{ ...d, severity: 'warning' as const, position: { ...d.position, file } }];
  });
}
