import path from 'node:path';
import { applyCitations } from './cite/apply-citations.js';
import { loadCitationInputs } from './cite/load-citation-inputs.js';
import { loadImages } from './content/load-images.js';
import { loadDeckSource } from './content/load-deck.js';
import { sourceToArticle } from './content/source-to-article.js';
import type { Article, Run } from './model/article.js';
import type { Deck } from './model/deck.js';
import type { DeckOptions } from './model/deck-options.js';
import { hasErrors, type Diagnostic } from './model/diagnostic.js';
import type { Theme } from './model/theme.js';
import { articleToDeck } from './plan/article-to-deck.js';
import { shippedFonts } from './measure/fonts.js';
import { measureFrame } from './measure/measure-frame.js';
import { plain, textFrame } from './plan/frames.js';
import { CONTENT_W } from './model/geometry.js';
import { chooseTheme } from './theme/choose-theme.js';
import { loadTheme } from './theme/load-theme.js';
import { displayPath } from './util/display-path.js';
import { diagnostic } from './model/diagnostic.js';
import { writeFileAtomic } from './util/atomic-write.js';
import { faultPoint } from './util/fault-seam.js';
import { ioCause, isIoError } from './util/io-error.js';
import { validateArticle } from './validate/validate-article.js';
import { append } from './util/append.js';

export type { DeckOptions } from './model/deck-options.js';

export interface CheckResult {
  slug: string;
  diagnostics: Diagnostic[];
  article?: Article;
  theme?: Theme;
  /** Present when the deck could be planned (no errors). */
  deck?: Deck;
}

export interface BuildResult extends CheckResult {
  /** The written file, when the build succeeded. */
  file?: string;
  pptx?: Uint8Array;
  ms: number;
}

/** load → parse → validate → theme → images → plan. Writes nothing. */
export async function checkDeck(slug: string, opts: DeckOptions): Promise<CheckResult> {
  faultPoint('check', slug);
  const source = await loadDeckSource(opts.contentDir, slug);
  const parsed = sourceToArticle(source);
  const diagnostics = [...parsed.diagnostics];
  const written = parsed.article;
  if (!written) return { slug, diagnostics };
  append(diagnostics, validateArticle(written));
  const article = await citedArticle(written, diagnostics);
  const themed = await loadTheme(opts.themesDir, chooseTheme(opts, article.meta.theme));
  // An unknown theme named in deck.yaml is that line's problem, not the themes folder's.
  const themeAt = article.metaPositions.theme;
  diagnostics.push(
    ...themed.diagnostics.map((d) =>
      d.code === 'unknown-theme' && !opts.theme && themeAt ? { ...d, position: themeAt } : d,
    ),
  );
  const { images, diagnostics: imageProblems } = await loadImages(article);
  append(diagnostics, imageProblems);
  if (!themed.theme || hasErrors(diagnostics)) return { slug, diagnostics, article, theme: themed.theme };
  const planned = articleToDeck({
    article,
    theme: themed.theme,
    fonts: themed.fonts ?? shippedFonts(),
    images,
    timestamp: timestampOf(article),
  });
  append(diagnostics, planned.diagnostics);
  return { slug, diagnostics, article, theme: themed.theme, deck: planned.deck };
}

/** The article with its citations formatted and its reference list (issue 21); problems go to `diagnostics`. */
async function citedArticle(article: Article, diagnostics: Diagnostic[]): Promise<Article> {
  const loaded = await loadCitationInputs(article);
  diagnostics.push(...loaded.diagnostics);
  if (hasErrors(loaded.diagnostics)) return article;
  const cited = applyCitations(article, loaded.inputs);
  diagnostics.push(...cited.diagnostics);
  return cited.article;
}

/** check, then render and write `<out>/<slug>.pptx` atomically. An invalid deck writes nothing. */
export async function buildDeck(slug: string, opts: DeckOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const checked = await checkDeck(slug, opts);
  if (!checked.deck || !checked.theme || hasErrors(checked.diagnostics))
    return { ...checked, ms: performance.now() - t0 };
  // pptxgenjs and the zip writer load only here, so `check` never pays for them.
  const { deckToPptx } = await import('./render/deck-to-pptx.js');
  faultPoint('render', slug);
  const pptx = await deckToPptx(checked.deck, checked.theme);
  const file = path.join(opts.outDir, `${slug}.pptx`);
  try {
    await writeFileAtomic(file, pptx);
  } catch (e) {
    // A full disk or a read-only folder is this deck's error; the previous .pptx is untouched (atomic write).
    if (!isIoError(e)) throw e;
    const at = { file: displayPath(file), line: 1, column: 1 };
    const problem = diagnostic(
      'error',
      'output-unwritable',
      at,
      `Unwritable \`${displayPath(file)}\`: ${ioCause(e)}; the previous file is unchanged`,
      "free space, fix the output folder's permissions or move what is in the way, then build again",
    );
    return { ...checked, diagnostics: [...checked.diagnostics, problem], ms: performance.now() - t0 };
  }
  return { ...checked, file, pptx, ms: performance.now() - t0 };
}

/**
 * Warm a long-lived process (`watch`) so that its first rebuild is as quick
 * as the later ones: check and render `deck` in memory (nothing is written),
 * which loads the stages and runs each once (the Markdown lexer's regular
 * expressions and the renderer are slow on first use), then open and measure
 * every variant of each theme's fonts (regular, bold, italic, bold italic,
 * code) with the planner's `measureFrame`. Problems are left to the real build.
 * Returns what it warmed: the deck it rendered and the themes whose fonts it measured.
 */
export async function warmUp(
  opts: DeckOptions,
  deck: string | undefined,
  themeNames: readonly string[],
): Promise<{ rendered?: string; themes: string[] }> {
  const { deckToPptx } = await import('./render/deck-to-pptx.js');
  const checked = deck === undefined ? undefined : await checkDeck(deck, opts).catch(() => undefined);
  const rendered = checked?.deck && checked.theme && (await deckToPptx(checked.deck, checked.theme)) ? deck : undefined;
  const themes: string[] = [];
  const runs: Run[] = [
    { text: 'Warm up ' },
    { text: 'the fonts ', bold: true },
    { text: 'for the ', italic: true },
    { text: 'first edit ', bold: true, italic: true },
    { text: 'code', code: true },
  ];
  for (const name of new Set(themeNames)) {
    const { theme, fonts } = await loadTheme(opts.themesDir, name);
    if (!theme) continue;
    for (const heading of [true, false]) {
      const frame = textFrame(
        theme,
        [plain(runs)],
        { x: 0, y: 0, w: CONTENT_W, h: 1000 },
        { size: theme.sizes.body, heading },
      );
      measureFrame(frame, fonts ?? shippedFonts());
    }
    themes.push(name);
  }
  return { ...(rendered ? { rendered } : {}), themes };
}

/**
 * The time written into the file: SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), else the deck's date, else a fixed epoch.
 */
export function timestampOf(article: Article, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (article.meta.date) return `${article.meta.date}T00:00:00Z`;
  return '2020-01-01T00:00:00Z';
}
