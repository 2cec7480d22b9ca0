import type { Run } from '../../model/article.js';
import { breakUnits } from './break-units.js';
import type { FontBook } from './font-book.js';
import { wrapRuns } from './wrap.js';

/** The text metrics the slide planner asks for, over a `FontBook`. */
export interface RunsMeasurer {
  /** Lines the runs wrap to in a line of `widthPt` at `sizePt`. */
  lineCount(runs: readonly Run[], widthPt: number, sizePt: number, face: string): number;
  /** Distance between baselines at single spacing. */
  linePitch(face: string, sizePt: number): number;
  /** Width of the runs without wrapping (the widest line when they hold forced breaks). */
  naturalWidth(runs: readonly Run[], sizePt: number, face: string): number;
  /** Width of the widest unbreakable stretch: below it a line must split a word. */
  longestWord(runs: readonly Run[], sizePt: number, face: string): number;
}

/** `code` runs are measured in `monoFace`. */
export function createRunsMeasurer(book: FontBook, monoFace: string): RunsMeasurer {
  return {
    lineCount: (runs, widthPt, sizePt, face) => wrapRuns(runs, { widthPt, sizePt, face, monoFace, book }).length,
    linePitch: (face, sizePt) => book.lineHeight(face, sizePt),
    naturalWidth: (runs, sizePt, face) =>
      Math.max(0, ...wrapRuns(runs, { widthPt: Infinity, sizePt, face, monoFace, book }).map((l) => l.width)),
    longestWord: (runs, sizePt, face) => {
      let max = 0;
      for (const u of breakUnits(runs, { sizePt, face, monoFace, book })) if (u.kind === 'box' && u.width > max) max = u.width;
      return max;
    },
  };
}
