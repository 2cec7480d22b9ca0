import { buildDeck, type BuildResult, type DeckOptions } from './build.js';

export interface BuildAllOptions {
  /** Rebuild even when nothing that goes into a deck changed. */
  force?: boolean;
  /** Called as each deck finishes, for progress lines. */
  onDeck?: (r: DeckBuildOutcome) => void;
}

export interface DeckBuildOutcome extends BuildResult {
  /** True when the deck was up to date and not rebuilt. */
  skipped?: boolean;
}

/** Build several decks; one that fails does not stop the others. */
export async function buildDecks(slugs: readonly string[], opts: DeckOptions, o: BuildAllOptions = {}): Promise<DeckBuildOutcome[]> {
  const out: DeckBuildOutcome[] = [];
  for (const slug of slugs) {
    const r = await buildDeck(slug, opts);
    o.onDeck?.(r);
    out.push(r);
  }
  return out;
}
