/**
 * Text measurement for the slide planner: how many lines runs wrap to in a
 * text box of a given width, and how tall the box must be so nothing overflows.
 *
 * Conventions (the renderer must write text boxes this way for the numbers to hold):
 *
 * - **Insets**: `DEFAULT_INSETS` = 7.2 pt left/right, 3.6 pt top/bottom (the
 *   DrawingML defaults), written explicitly with pptxgenjs
 *   `margin: pptxMargin(DEFAULT_INSETS)`; pptxgenjs reads that array as
 *   [left, right, bottom, top] in points. `valign: 'top'`, no autofit.
 * - **Line pitch**: `LINE_PITCH_EM` × size × `lineSpacingMultiple`, with
 *   LINE_PITCH_EM = 1.2 for every face. LibreOffice lays out .pptx text with
 *   font-independent line spacing (1.2 × the font height); measured in its PDFs
 *   at 10–40 pt for Carlito, Liberation Sans and Liberation Mono alike, never
 *   more than 1.2 × size (it rounds down to 1/100 mm). The fonts' own metrics
 *   differ (hhea ascent + descent + line gap: Carlito 1.2207 em, Liberation
 *   Sans 1.1499, Liberation Mono 1.1328) but are not used for DrawingML text.
 *   Use `lineSpacingMultiple` (a percentage), not `lineSpacing` (points).
 * - **Height**: lines × pitch, plus `paraSpaceAfter` between paragraphs (not
 *   after the last one: nothing is drawn there), plus the top and bottom insets
 *   (`textBoxHeight`). `measureParagraphs` gives the same without the insets.
 * - **Bullets**: pptxgenjs's default hanging indent, `marL = 27 × (level + 1)`
 *   and `indent = −27` pt (`bulletIndentPt(level)`); every line of a bulleted
 *   paragraph wraps in box width − insets − marL. The bullet glyph sits in the
 *   hanging part. (A numbered bullet wider than 27 pt, e.g. "10." at ≥ 22 pt,
 *   would push the first line right; not modelled.)
 * - **Widths**: fontkit shaping with kerning and ligatures (a fast path
 *   reproduces it exactly for Latin/Greek/Cyrillic words), laid out on
 *   LibreOffice's 600-dpi grid (font size and each glyph advance rounded to
 *   whole pixels), box widths, insets and indents snapped to 1/100 mm; a line
 *   fits when its width, trailing spaces excluded, is at most the space.
 * - **Line breaks**: greedy, at spaces (trailing spaces hang), after hyphens
 *   and dashes and a few other characters (see `break-rules.ts`); a word wider
 *   than the line moves to a new line and is split there between glyph
 *   clusters; `breakBefore` and `\n` force a new line. Neighbouring runs that
 *   format alike are measured as one (kerning across them).
 * - **Links**: PowerPoint wraps link text like other text; LibreOffice 7.4
 *   draws a link as one unbreakable field. By default both are computed and
 *   the larger line count is used (`links` option).
 * - **Missing glyphs** (Hangul, CJK, emoji, Hebrew… in these fonts) are
 *   priced with safe over-estimates (`missing-glyph.ts`), never as zero or .notdef.
 *
 * Checked against LibreOffice 7.4 (`test/plan/measure/libreoffice-lines.test.ts`):
 * every predicted line count equals LibreOffice's, except text with glyphs the
 * fonts lack, where it is never lower. PowerPoint's own layout was not
 * available to check; it kerns only from 12 pt and may break lines slightly
 * differently, so the planner keeps a width margin.
 *
 * The pptxgenjs 4.0.1 quirk of writing an `<a:pPr>` before every run of a
 * formatted paragraph must be repaired (keep the first): LibreOffice applies
 * the last one, which drops the bullet and its indent.
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
