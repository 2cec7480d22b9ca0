/**
 * Measurement speed; the planner's budget is ~10 ms per deck of ~30 slides.
 * Prints timings (minimum of a few repetitions where the work can be
 * repeated); the assertions are loose so that a busy CI machine passes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/model/article.js';
import { createFontBook, measureParagraphs, wrapRuns, type FontBook } from '../../../src/plan/measure/index.js';

const prose = readFileSync(new URL('../../fixtures/measure/prose.txt', import.meta.url), 'utf8');
const words = prose.split(/\s+/).filter(Boolean);

/** Deterministic pseudo-random paragraphs of `n` words from the prose fixture, some runs bold or code. */
function paragraphs(count: number, n: number, seed: number): Run[][] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const runs: Run[] = [];
    for (let k = 0; k < n; k++) {
      const r = rnd();
      runs.push({ text: (k ? ' ' : '') + words[Math.floor(rnd() * words.length)], bold: r < 0.1, code: r > 0.97 });
    }
    return runs;
  });
}

const time = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const best = (n: number, f: () => void) => Math.min(...Array.from({ length: n }, () => time(f)));

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
    for (const sizePt of [40, 36, 32]) {
      measureParagraphs([{ runs: s.title }], { widthPt: 873.6, sizePt, face: 'Calibri', monoFace: 'Courier New', book });
    }
    for (const sizePt of [24, 22, 20, 18]) {
      measureParagraphs(
        s.bullets.map((runs) => ({ runs, indentPt: 27 })),
        { widthPt: 873.6, sizePt, face: 'Calibri', monoFace: 'Courier New', lineSpacing: 1.1, paragraphSpacingPt: 6, book },
      );
    }
  }
};

describe('speed', () => {
  it('plans a 30-slide deck within the budget once the fonts are warm', () => {
    const book = createFontBook();
    const cold = time(() => plan(book, deck(1))); // opens 3 fonts, shapes every word, JIT warm-up
    const nextDecks = [2, 3, 4].map((seed) => time(() => plan(book, deck(seed)))); // same vocabulary, new paragraphs
    const same = deck(5);
    plan(book, same);
    const again = best(5, () => plan(book, same)); // the same paragraphs again (planner retries)
    console.log(
      `30-slide deck (titles × 3 sizes, 180 bullets × 4 sizes): first ${cold.toFixed(1)} ms, ` +
        `next decks ${nextDecks.map((t) => t.toFixed(1)).join(' / ')} ms, same deck again ${again.toFixed(1)} ms`,
    );
    expect(Math.min(...nextDecks)).toBeLessThan(100);
    expect(again).toBeLessThan(50);
  });

  it('wraps 1000 paragraphs of 20 words', () => {
    const book = createFontBook();
    wrapAll(book, paragraphs(50, 20, 7)); // fonts opened by the test above (shared per process)
    const first = paragraphs(1000, 20, 11);
    const fresh = time(() => wrapAll(book, first));
    const other = paragraphs(1000, 20, 13);
    const newParas = time(() => wrapAll(book, other));
    const rewrap = best(3, () => wrapAll(book, other));
    const otherSize = best(3, () => wrapAll(book, other, 20));
    console.log(
      `wrap 1000 × 20 words: first batch ${fresh.toFixed(1)} ms, new paragraphs ${newParas.toFixed(1)} ms, ` +
        `same paragraphs again ${rewrap.toFixed(1)} ms (at another size ${otherSize.toFixed(1)} ms)`,
    );
    expect(newParas).toBeLessThan(500);
    expect(rewrap).toBeLessThan(200);
  });
});
