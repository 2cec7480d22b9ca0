import { lineStarts, linesThatFit, measureFrame } from '../measure/measure-frame.js';
import type { FontSet } from '../measure/fonts.js';
import type { Paragraph, TextFrame } from '../model/text-frame.js';
import { runsText } from '../model/article.js';
import { frozenRuns } from '../model/safe-text.js';
import { sentenceStarts, sliceRuns, trimRuns } from './runs.js';

export interface SplitOptions {
  /** Prefer to end a piece at the end of a sentence (bullets); else only between lines (table cells). */
  sentences: boolean;
}

/**
 * Cut a paragraph too tall for a page into pieces that each fill one: piece
 * `k` is measured in `frameFor(k, q)`, which must hold only `q`. Each piece
 * ends where the first line that does not fit would start (between words, or
 * inside a word the line had to split), or earlier at the end of a sentence.
 * Later pieces carry no bullet. The paragraph is wrapped from each cut for
 * one page's lines only, so this is linear in its length.
 */
export function splitToPages(
  p: Paragraph,
  frameFor: (k: number, q: Paragraph) => TextFrame,
  fonts: FontSet,
  o: SplitOptions,
): Paragraph[] {
  // Frozen: measured once per page, it is prepared once (measure/prepare.ts keeps frozen runs by identity).
  const runs = frozenRuns(p.runs);
  const first: Paragraph = { ...p, runs };
  const text = runsText(runs);
  const sentences = o.sentences ? sentenceStarts(text) : [];
  const cont: Paragraph = { runs, level: p.level, bullet: 'none' };
  // Pieces are cut in order: slicing starts at the run the last piece ended in, so the whole split stays linear.
  let run = 0;
  let runStart = 0;
  const piece = (k: number, a: number, b: number): Paragraph => {
    while (run < runs.length - 1 && runStart + runs[run].text.length < a) runStart += runs[run++].text.length;
    let end = run;
    let endStart = runStart;
    while (end < runs.length && endStart < b) endStart += runs[end++].text.length;
    const cut = trimRuns(sliceRuns(runs.slice(run, end + 1), a - runStart, b - runStart));
    return k === 0 ? { ...p, runs: cut } : { runs: cut, level: p.level, bullet: 'none' };
  };
  const pieces: Paragraph[] = [];
  let from = 0;
  let s = 0; // index of the first sentence start after `from`
  for (let k = 0; from < text.length; k++) {
    const q = k === 0 ? first : cont;
    const frame = frameFor(k, q);
    let cap = Math.max(1, linesThatFit(frame, q));
    for (;;) {
      const starts = lineStarts(frame, q, fonts, from, cap + 1);
      if (starts.length <= cap) {
        const rest = piece(k, from, text.length);
        // Fits by line count, yet may measure a hair taller than the box (the same check as at a cut below).
        if (cap > 1 && starts.length === cap && !measureFrame({ ...frame, paragraphs: [rest] }, fonts).fits) {
          cap--;
          continue;
        }
        pieces.push(rest);
        return pieces;
      }
      let cut = starts[cap];
      while (s < sentences.length && sentences[s] <= from) s++;
      let best = -1;
      for (let i = s; i < sentences.length && sentences[i] <= cut; i++) best = sentences[i];
      if (best > starts[0]) cut = best;
      const made = piece(k, from, cut);
      // Shaping at the cut may differ by a hair from the whole paragraph's: check, and give up a line if need be.
      if (cap > 1 && !measureFrame({ ...frame, paragraphs: [made] }, fonts).fits) {
        cap--;
        continue;
      }
      pieces.push(made);
      from = cut;
      while (text[from] === ' ') from++;
      break;
    }
  }
  if (pieces.length === 0) pieces.push(piece(0, 0, text.length));
  return pieces;
}
