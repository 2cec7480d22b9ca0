import path from 'node:path';
import type { BuildResult } from './build.js';
import type { DeckOptions } from './model/deck-options.js';
import { displayPath } from './util/display-path.js';
import { recordBuild } from './history/record-build.js';
import { deckInputs } from './manifest/deck-inputs.js';
import {
  MANIFEST_FILE,
  isUpToDate,
  manifestEntry,
  readManifest,
  updateManifest,
  type ManifestEntry,
} from './manifest/manifest.js';
import type { Deck, Slide } from './model/deck.js';
import { diagnostic, hasErrors } from './model/diagnostic.js';
import { detached } from './util/detached.js';
import { INTERNAL_CODE, internalErrorOf, type InternalError } from './util/internal-error.js';
import { isUserError } from './model/errors.js';
import { ioCause, isIoError } from './util/io-error.js';
import { packageVersion } from './util/package-root.js';

export interface BuildAllOptions {
  /** Rebuild even when nothing that goes into a deck changed. */
  force?: boolean;
  /** Called as each deck starts (its place in the run, from 0), for a progress line. */
  onStart?: (slug: string, index: number, total: number) => void;
  /** Called as each deck finishes, for progress lines. */
  onDeck?: (r: DeckBuildOutcome) => void;
  /** Called once when the manifest was unreadable (every deck is rebuilt). */
  onNote?: (message: string) => void;
  /** The version recorded as an input (default: package.json's); tests change it. */
  toolVersion?: string;
  /** The clock for the build times recorded in the manifest and the version history (tests pin it). */
  now?: () => Date;
}

/** What a run keeps of a built deck for its report: each slide's title and why it continues, if it does. */
export interface DeckOutline {
  slides: Pick<Slide, 'title' | 'continuation'>[];
}

/**
 * A deck's outcome. A run over many decks keeps every outcome until it ends,
 * so it holds no bytes, article, theme or slide model: those (and the
 * measurement caches keyed by the model's runs) were about 0.6 MB per deck.
 */
export interface DeckBuildOutcome extends Omit<BuildResult, 'pptx' | 'article' | 'theme' | 'deck'> {
  deck?: DeckOutline;
  /** True when the deck was up to date and not rebuilt (its warnings come from the manifest). */
  skipped?: boolean;
  /** Slide count: of the new deck, or from the manifest for a skipped one. */
  slides?: number;
  /** An unexpected exception (a bug in briefdeck) while building this deck; nothing of it was written. */
  internal?: InternalError;
}

/**
 * Build several decks; one that fails does not stop the others. A deck whose
 * inputs (see deck-inputs.ts) match its manifest entry, and whose output is
 * still intact, is skipped unless `force`. A failed deck keeps its previous
 * entry and its previous .pptx (buildDeck writes nothing for an invalid deck).
 */
export async function buildDecks(
  slugs: readonly string[],
  opts: DeckOptions,
  o: BuildAllOptions = {},
): Promise<DeckBuildOutcome[]> {
  const tool = o.toolVersion ?? toolVersion();
  const { manifest, problem } = await readManifest(opts.outDir);
  if (problem) o.onNote?.(problem);
  const out: DeckBuildOutcome[] = [];
  for (const [i, slug] of slugs.entries()) {
    o.onStart?.(slug, i, slugs.length);
    const t0 = performance.now();
    // Whatever goes wrong inside one deck is that deck's failure: the others are still built.
    const r = await buildOne(slug, opts, tool, manifest.decks[slug], !!o.force, o.now ?? (() => new Date())).catch(
      (e: unknown): DeckBuildOutcome => failedDeck(slug, opts, e, performance.now() - t0),
    );
    o.onDeck?.(r);
    out.push(r);
  }
  return out;
}

async function buildOne(
  slug: string,
  opts: DeckOptions,
  tool: string,
  previous: ManifestEntry | undefined,
  force: boolean,
  clock: () => Date,
): Promise<DeckBuildOutcome> {
  const t0 = performance.now();
  let inputs;
  try {
    inputs = await deckInputs(slug, opts, tool);
  } catch (e) {
    if (!isIoError(e)) throw e;
    const at = { file: displayPath(path.join(opts.contentDir, slug)), line: 1, column: 1 };
    return {
      slug,
      diagnostics: [
        diagnostic(
          'error',
          'deck-unreadable',
          at,
          `Unreadable deck folder \`${at.file}\`: ${ioCause(e)}${e.path ? ` at \`${displayPath(e.path)}\`` : ''}`,
        ),
      ],
      ms: performance.now() - t0,
    };
  }
  if (!force && previous && (await isUpToDate(previous, inputs, opts.outDir))) {
    const file = previous.outputs[0] && path.join(opts.outDir, previous.outputs[0].file);
    return {
      slug,
      diagnostics: previous.warnings,
      skipped: true,
      slides: previous.slides,
      file,
      ms: performance.now() - t0,
    };
  }
  // The build stages (parser, fonts, renderer) load only when a deck needs building: a no-op run never pays for them.
  const { buildDeck } = await import('./build.js');
  const r = await buildDeck(slug, opts);
  if (hasErrors(r.diagnostics) || !r.pptx || !r.file)
    return { slug, diagnostics: r.diagnostics, deck: outline(r.deck), ms: r.ms };
  const slides = r.deck?.slides.length ?? 0;
  const now = clock();
  try {
    const outputs = [{ file: path.relative(opts.outDir, r.file), bytes: r.pptx }, ...(await recordBuild(opts, r, now))];
    const entry = manifestEntry(inputs, outputs, { ms: r.ms, slides, diagnostics: r.diagnostics }, now);
    await updateManifest(opts.outDir, { [slug]: entry });
  } catch (e) {
    // The .pptx is written; a full disk while recording it (version record, manifest) is still this deck's error, not
    // the run's.
    if (!isIoError(e)) throw e;
    const file = displayPath(e.path ?? path.join(opts.outDir, MANIFEST_FILE));
    const problem = diagnostic(
      'error',
      'manifest-unwritable',
      { file, line: 1, column: 1 },
      `Unwritable \`${file}\`: ${ioCause(e)}; \`${displayPath(r.file)}\` was written but not recorded, so it will be rebuilt next time`,
    );
    return { slug, diagnostics: [...r.diagnostics, problem], deck: outline(r.deck), file: r.file, ms: r.ms, slides };
  }
  return { slug, diagnostics: r.diagnostics, deck: outline(r.deck), file: r.file, ms: r.ms, slides };
}

/**
 * A deck whose build threw. A user error (a theme that cannot be read, say) keeps its diagnostics; anything else is a
 * bug, kept with its stack. buildDeck writes the .pptx last and atomically, so the previous one is intact.
 */
function failedDeck(slug: string, opts: DeckOptions, e: unknown, ms: number): DeckBuildOutcome {
  const at = { file: displayPath(path.join(opts.contentDir, slug)), line: 1, column: 1 };
  if (isUserError(e)) {
    const ds = e.diagnostics.length > 0 ? [...e.diagnostics] : [diagnostic('error', e.code, at, e.message)];
    return { slug, diagnostics: ds, ms };
  }
  const internal = internalErrorOf(e);
  return { slug, diagnostics: [diagnostic('error', INTERNAL_CODE, at, internal.message)], internal, ms };
}

const outline = (deck: Deck | undefined): DeckOutline | undefined =>
  deck && {
    slides: deck.slides.map((s) => ({
      title: detached(s.title),
      ...(s.continuation ? { continuation: { reason: detached(s.continuation.reason) } } : {}),
    })),
  };

/** briefdeck's own version: a new release may lay decks out differently, so it is an input. */
export const toolVersion = packageVersion;
