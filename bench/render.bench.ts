import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeck } from '../src/build.js';
import { deckToPptx } from '../src/render/deck-to-pptx.js';
import { makeCorpus } from './corpus.js';
import { sample, timed, type Report } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Render alone (pptxgenjs and the package stage) of the 200-section article: the package stage's budget. */
export default async function bench(report: Report): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'bench-out-'));
  const corpus = makeCorpus(path.join(root, 'content'), { sections: 200, decks: 0 });
  const c = await checkDeck(corpus.big, { contentDir: corpus.dir, themesDir: path.join(root, 'themes'), outDir: out });
  const t = await sample(() => deckToPptx(c.deck!, c.theme!), 15, 3);
  report(timed('200-section article: render (pptxgenjs + package stage)', t, `${c.deck!.slides.length} slides`));
}
