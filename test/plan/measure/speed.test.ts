/**
 * Measurement speed: the planner's budget is ~10 ms per deck of ~30 slides.
 * Prints cold (fresh FontBook: fonts opened, nothing cached) and warm timings;
 * the assertions are loose so that a slow CI machine does not fail them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/model/article.js';
import { createFontBook, measureParagraphs, wrapRuns, type FontBook } from '../../../src/plan/measure/index.js';

const prose = readFileSync(new URL('../../fixtures/measure/prose.txt', import.meta.url), 'utf8');
const words = prose.split(/\s+/).filter(Boolean);

/** Deterministic pseudo-random paragraphs of `n` words from the prose fixture, some runs bold or code. */
function paragraphs(count: number, n: number, seed = 1): Run[][] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
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

const wrapAll = (book: FontBook, paras: Run[][], face = 'Calibri') => {
  let lines = 0;
  for (const runs of paras) lines += wrapRuns(runs, { widthPt: 400, sizePt: 18, face, monoFace: 'Courier New', book }).length;
  return lines;
};

describe('speed', () => {
  it('wraps 1000 paragraphs of 20 words quickly, cold and warm', () => {
    const paras = paragraphs(1000, 20);
    const book = createFontBook();
    const cold = time(() => wrapAll(book, paras));
    const warm = time(() => wrapAll(book, paras));
    const arial = time(() => wrapAll(book, paras, 'Arial'));
    console.log(
      `wrap 1000 × 20 words: cold ${cold.toFixed(1)} ms (fonts opened, ${new Set(words).size} distinct words), ` +
        `warm ${warm.toFixed(1)} ms; cold again in Arial ${arial.toFixed(1)} ms`,
    );
    expect(warm).toBeLessThan(250);
    expect(cold).toBeLessThan(2000);
  });

  it('measures a 30-slide deck, three trial sizes per slide, within the budget once warm', () => {
    // 30 slides × 6 bullets × 15 words, measured at 24, 20 and 18 pt (shrink-to-fit trials).
    const slides = Array.from({ length: 30 }, (_, i) => paragraphs(6, 15, 100 + i));
    const deck = (book: FontBook) => {
      for (const bullets of slides) {
        for (const sizePt of [24, 20, 18]) {
          measureParagraphs(
            bullets.map((runs) => ({ runs, indentPt: 27 })),
            { widthPt: 873.6, sizePt, face: 'Calibri', monoFace: 'Courier New', lineSpacing: 1.1, paragraphSpacingPt: 6, book },
          );
        }
      }
    };
    const firstBook = createFontBook();
    const cold = time(() => deck(firstBook));
    const warm = time(() => deck(firstBook));
    // A second deck with new text, in a book that has measured one before.
    const otherSlides = Array.from({ length: 30 }, (_, i) => paragraphs(6, 15, 900 + i));
    const next = time(() => {
      for (const bullets of otherSlides) {
        measureParagraphs(bullets.map((runs) => ({ runs })), { widthPt: 873.6, sizePt: 20, face: 'Calibri', monoFace: 'Courier New', book: firstBook });
      }
    });
    console.log(`30-slide deck × 3 sizes: cold ${cold.toFixed(1)} ms, same deck again ${warm.toFixed(1)} ms, another deck ${next.toFixed(1)} ms`);
    expect(warm).toBeLessThan(100);
  });
});
