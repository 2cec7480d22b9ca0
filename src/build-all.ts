import path from 'node:path';
import { buildDeck, type BuildResult, type DeckOptions } from './build.js';
import { deckInputs } from './manifest/deck-inputs.js';
import { MANIFEST_FILE, isUpToDate, manifestEntry, readManifest, updateManifest, type ManifestEntry } from './manifest/manifest.js';
import { displayPath } from './content/display-path.js';
import { diagnostic, hasErrors } from './model/diagnostic.js';
import { ioCause, isIoError } from './util/io-error.js';
import { packageVersion } from './util/package-root.js';

export interface BuildAllOptions {
  /** Rebuild even when nothing that goes into a deck changed. */
  force?: boolean;
  /** Called as each deck finishes, for progress lines. */
  onDeck?: (r: DeckBuildOutcome) => void;
  /** Called once when the manifest was unreadable (every deck is rebuilt). */
  onNote?: (message: string) => void;
  /** The version recorded as an input (default: package.json's); tests change it. */
  toolVersion?: string;
}

export interface DeckBuildOutcome extends BuildResult {
  /** True when the deck was up to date and not rebuilt (its warnings come from the manifest). */
  skipped?: boolean;
  /** Slide count: of the new deck, or from the manifest for a skipped one. */
  slides?: number;
}

/**
 * Build several decks; one that fails does not stop the others. A deck whose
 * inputs (see deck-inputs.ts) match its manifest entry, and whose output is
 * still intact, is skipped unless `force`. A failed deck keeps its previous
 * entry and its previous .pptx (buildDeck writes nothing for an invalid deck).
 */
export async function buildDecks(slugs: readonly string[], opts: DeckOptions, o: BuildAllOptions = {}): Promise<DeckBuildOutcome[]> {
  const tool = o.toolVersion ?? toolVersion();
  const { manifest, problem } = await readManifest(opts.outDir);
  if (problem) o.onNote?.(problem);
  const out: DeckBuildOutcome[] = [];
  for (const slug of slugs) {
    const r = await buildOne(slug, opts, tool, manifest.decks[slug], !!o.force);
    o.onDeck?.(r);
    out.push(r);
  }
  return out;
}

async function buildOne(slug: string, opts: DeckOptions, tool: string, previous: ManifestEntry | undefined, force: boolean): Promise<DeckBuildOutcome> {
  const t0 = performance.now();
  let inputs;
  try {
    inputs = await deckInputs(slug, opts, tool);
  } catch (e) {
    if (!isIoError(e)) throw e;
    const at = { file: displayPath(path.join(opts.contentDir, slug)), line: 1, column: 1 };
    return { slug, diagnostics: [diagnostic('error', 'deck-unreadable', at, `Unreadable deck folder \`${at.file}\`: ${ioCause(e)}${e.path ? ` at \`${displayPath(e.path)}\`` : ''}`)], ms: performance.now() - t0 };
  }
  if (!force && previous && (await isUpToDate(previous, inputs, opts.outDir))) {
    const file = previous.outputs[0] && path.join(opts.outDir, previous.outputs[0].file);
    return { slug, diagnostics: previous.warnings, skipped: true, slides: previous.slides, file, ms: performance.now() - t0 };
  }
  const r = await buildDeck(slug, opts);
  if (hasErrors(r.diagnostics) || !r.pptx || !r.file) return r;
  const slides = r.deck?.slides.length ?? 0;
  const entry = manifestEntry(inputs, [{ file: path.relative(opts.outDir, r.file), bytes: r.pptx }], { ms: r.ms, slides, diagnostics: r.diagnostics });
  try {
    await updateManifest(opts.outDir, { [slug]: entry });
  } catch (e) {
    if (!isIoError(e)) throw e;
    const file = displayPath(path.join(opts.outDir, MANIFEST_FILE));
    const problem = diagnostic('error', 'manifest-unwritable', { file, line: 1, column: 1 }, `Unwritable \`${file}\`: ${ioCause(e)}; \`${displayPath(r.file)}\` was written but not recorded, so it will be rebuilt next time`);
    return { ...r, diagnostics: [...r.diagnostics, problem], slides };
  }
  return { ...r, slides };
}

/** briefdeck's own version: a new release may lay decks out differently, so it is an input. */
export const toolVersion = packageVersion;
