import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDeck, checkDeck, timestampOf } from '../src/build.js';
import { articleToDeck } from '../src/plan/article-to-deck.js';
import { shippedFonts } from '../src/measure/fonts.js';
import { deckToPptx } from '../src/render/deck-to-pptx.js';
import { makeCorpus } from './corpus.js';
import { median, sample, timed, type Report } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const content = path.join(root, 'content');
const themes = path.join(root, 'themes');

/** Build speed in one process: the content decks, a 200-section article, and 100 decks. */
export default async function bench(report: Report): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'bench-out-'));
  const opts = { contentDir: content, themesDir: themes, outDir: out };
  for (const slug of ['russia-north-korea-treaty', 'us-policy-response']) {
    const checked = await checkDeck(slug, opts);
    const { article, theme } = checked;
    const layout = await sample(
      () =>
        articleToDeck({
          article: article!,
          theme: theme!,
          fonts: shippedFonts(),
          images: new Map(),
          timestamp: timestampOf(article!),
        }),
      30,
      3,
    );
    report(timed(`${slug}: layout (plan, measured text)`, layout, `${checked.deck!.slides.length} slides`));
    report(
      timed(`${slug}: render (pptxgenjs + post-pass)`, await sample(() => deckToPptx(checked.deck!, theme!), 20, 3)),
    );
    report(timed(`${slug}: whole build (read → write .pptx)`, await sample(() => buildDeck(slug, opts), 20, 3)));
  }

  const corpus = makeCorpus(content, { sections: 200, decks: 100 });
  const copts = { contentDir: corpus.dir, themesDir: themes, outDir: out };
  const bigCheck = await checkDeck(corpus.big, copts);
  report(
    timed(
      `200-section article: whole build`,
      await sample(() => buildDeck(corpus.big, copts), 5, 1),
      `${bigCheck.deck!.slides.length} slides`,
    ),
  );
  for (const n of [50, 100, 200]) {
    const small = makeCorpus(content, { sections: n, decks: 0 });
    const c = await checkDeck(small.big, { ...copts, contentDir: small.dir });
    const t = await sample(
      () =>
        articleToDeck({
          article: c.article!,
          theme: c.theme!,
          fonts: shippedFonts(),
          images: new Map(),
          timestamp: '2026-01-01T00:00:00Z',
        }),
      10,
      2,
    );
    report(timed(`layout of ${n} sections (linearity)`, t, `${(median(t) / n).toFixed(3)} ms/section`));
  }
  const t0 = performance.now();
  const per: number[] = [];
  for (const slug of corpus.many) {
    const t = performance.now();
    await buildDeck(slug, copts);
    per.push(performance.now() - t);
  }
  const secs = (performance.now() - t0) / 1000;
  report(timed('100 decks: per deck', per));
  report({ name: '100 decks: throughput', unit: 'decks/s', value: corpus.many.length / secs });
}
