import type { Run } from '../model/article.js';

/** Text metrics the planner needs; implemented over real font files in `measure/`. */
export interface Measurer {
  /** Lines the runs wrap to in a line of `widthPt` at `sizePt`. */
  lineCount(runs: readonly Run[], widthPt: number, sizePt: number, face: string): number;
  /** Distance between baselines at single spacing. */
  linePitch(face: string, sizePt: number): number;
  /** Width of the runs on one line (no wrapping). */
  naturalWidth(runs: readonly Run[], sizePt: number, face: string): number;
  /** Width of the widest word: below it a column breaks words apart. */
  longestWord(runs: readonly Run[], sizePt: number, face: string): number;
}
