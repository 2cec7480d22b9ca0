/**
 * Text measurement speed (the planner's budget is ~10 ms per deck of ~30
 * slides): wrapping with real font metrics, cold and warm.
 */
import { readFileSync } from 'node:fs';
import type { Run } from '../src/model/article.js';
import { createFontBook, measureParagraphs, wrapRuns, type FontBook } from '../src/plan/measure/index.js';
import { sample, timed, type Report } from './harness.js';

const prose = readFileSync(new URL('../../test/fixtures/measure/prose.txt', import.meta.url), 'utf8');
const words = prose.split(/\s+/).filter(Boolean);

/** Deterministic pseudo-random paragraphs of `n` words from the prose fixture, some runs bold or code. */
function paragraphs(count: number, n: number, seed: number): Run[][] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () =>
    Array.from({ length: n }, (_, k) => {
      const r = rnd();
      return { text: (k ? ' ' : '') + words[Math.floor(rnd() * words.length)], bold: r < 0.1, code: r > 0.97 };
    }),
  );
}

const wrapAll = (book: FontBook, paras: Run[][], sizePt = 18) => {
  for (const runs of paras) wrapRuns(runs, { widthPt: 400, sizePt, face: 'Calibri', monoFace: 'Courier New', book });
};

/** A 30-slide deck: per slide a bold title tried at 3 sizes and 6 bullets of 15 words tried at 4. */
const deck = (seed: number) =>
  Array.from({ length: 30 }, (_, i) => ({
    title: paragraphs(1, 8, seed + i)[0].map((r) => ({ ...r, bold: true, code: false })),
    bullets: paragraphs(6, 15, seed + 100 + i),
  }));
const plan = (book: FontBook, slides: ReturnType<typeof deck>) => {
  for (const s of slides) {
    for (const sizePt of [40, 36, 32]) measureParagraphs([{ runs: s.title }], { widthPt: 873.6, sizePt, face: 'Calibri', monoFace: 'Courier New', book });
    for (const sizePt of [24, 22, 20, 18]) {
      measureParagraphs(
        s.bullets.map((runs) => ({ runs, indentPt: 27 })),
        { widthPt: 873.6, sizePt, face: 'Calibri', monoFace: 'Courier New', lineSpacing: 1.1, paragraphSpacingPt: 6, book },
      );
    }
  }
};

export default async function bench(report: Report): Promise<void> {
  const book = createFontBook();
  const t0 = performance.now();
  plan(book, deck(1));
  report({ name: '30-slide deck, first in the process (opens fonts)', unit: 'ms', value: performance.now() - t0 });
  let seed = 2;
  report(timed('30-slide deck, new paragraphs, warm fonts', await sample(() => plan(book, deck(seed++)), 10, 0)));
  const same = deck(1000);
  report(timed('30-slide deck, same paragraphs again', await sample(() => plan(book, same), 10, 1)));
  let s2 = 20;
  report(timed('wrap 1000 new paragraphs of 20 words', await sample(() => wrapAll(book, paragraphs(1000, 20, s2++)), 5, 1)));
  const other = paragraphs(1000, 20, 13);
  report(timed('wrap the same 1000 paragraphs again', await sample(() => wrapAll(book, other), 5, 1)));
}
