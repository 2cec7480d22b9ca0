/**
 * Text measurement for the slide planner (draft header, finalised below).
 */
export { DEFAULT_FONTS_DIR, measurableFaces, resolveFontFiles, type FontFiles, type FontVariant } from './font-registry.js';
export { createFontBook, LINE_PITCH_EM, type FontBook, type MeasuredFont, type TextStyle } from './font-book.js';
export { MISSING_GLYPH_EM, missingGlyphEm } from './missing-glyph.js';
export { wrapRuns, type Line, type WrapOptions } from './wrap.js';
export {
  BULLET_INDENT_PT,
  bulletIndentPt,
  DEFAULT_INSETS,
  measureParagraphs,
  pptxMargin,
  textBoxHeight,
  type Insets,
  type MeasuredParagraph,
  type ParagraphsMeasure,
  type ParagraphsOptions,
  type TextBoxOptions,
} from './text-box.js';
export { createRunsMeasurer, type RunsMeasurer } from './runs-measurer.js';
