import { runsText } from '../model/article.js';
import type { Run } from '../model/article.js';

/** Cut runs at a character offset into the concatenated text, keeping styles. */
export function sliceRuns(runs: readonly Run[], start: number, end = Infinity): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const r of runs) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + r.text.length);
    if (b > a || (r.text === '' && pos >= start && pos < end)) {
      const piece: Run = { ...r, text: r.text.slice(a - pos, b - pos) };
      if (a > pos) delete piece.breakBefore;
      out.push(piece);
    }
    pos += r.text.length;
  }
  return out;
}

/** Trim leading and trailing white space across runs. */
export function trimRuns(runs: readonly Run[]): Run[] {
  const text = runsText(runs);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return sliceRuns(runs, start, end).filter((r) => r.text !== '' || r.breakBefore);
}

/**
 * Offsets where a new sentence starts: after `.`, `!` or `?` (and closing
 * quotes) followed by white space and a capital, digit or opening quote.
 */
export function sentenceStarts(text: string): number[] {
  const out: number[] = [];
  const re = /[.!?]["'”’)]*\s+(?=[A-Z0-9"“‘(\p{Lu}])/gu;
  for (const m of text.matchAll(re)) out.push(m.index! + m[0].length);
  return out;
}

export function splitSentences(runs: readonly Run[]): Run[][] {
  const cuts = [0, ...sentenceStarts(runsText(runs)), Infinity];
  const out: Run[][] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const piece = trimRuns(sliceRuns(runs, cuts[i], cuts[i + 1]));
    if (piece.length > 0) out.push(piece);
  }
  return out;
}
