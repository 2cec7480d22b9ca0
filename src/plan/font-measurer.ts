import type { Run } from '../model/article.js';
import type { Theme } from '../model/theme.js';
import type { Measurer } from './measurer.js';
import { createFontBook, type FontBook } from './measure/font-book.js';
import { createRunsMeasurer } from './measure/runs-measurer.js';

let book: FontBook | undefined;
const byMono = new Map<string, Measurer>();

/**
 * The measurer for a theme. Fonts are opened once per process and their word
 * widths cached; line counts are memoised per run list, because pagination
 * asks about the same paragraph at the same width many times over.
 */
export function fontMeasurer(theme: Theme): Measurer {
  book ??= createFontBook();
  let m = byMono.get(theme.fonts.mono);
  if (!m) byMono.set(theme.fonts.mono, (m = memoised(createRunsMeasurer(book, theme.fonts.mono))));
  return m;
}

function memoised(m: Measurer): Measurer {
  const lines = new WeakMap<readonly Run[], Map<string, number>>();
  return {
    ...m,
    lineCount(runs, widthPt, sizePt, face) {
      let byKey = lines.get(runs);
      if (!byKey) lines.set(runs, (byKey = new Map()));
      const key = `${widthPt}|${sizePt}|${face}`;
      let n = byKey.get(key);
      if (n === undefined) byKey.set(key, (n = m.lineCount(runs, widthPt, sizePt, face)));
      return n;
    },
  };
}
