import type { Theme } from '../model/theme.js';
import type { Measurer } from './measurer.js';
import { createFontBook, type FontBook } from './measure/font-book.js';
import { createRunsMeasurer } from './measure/runs-measurer.js';

let book: FontBook | undefined;
const byMono = new Map<string, Measurer>();

/**
 * The measurer for a theme. Fonts are opened once per process and their word
 * widths cached, so the second deck measures almost for free.
 */
export function fontMeasurer(theme: Theme): Measurer {
  book ??= createFontBook();
  let m = byMono.get(theme.fonts.mono);
  if (!m) byMono.set(theme.fonts.mono, (m = createRunsMeasurer(book, theme.fonts.mono)));
  return m;
}
