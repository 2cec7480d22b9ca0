/**
 * Text measurement: how many lines a text frame's paragraphs wrap to and how
 * tall it must be so nothing overflows. One function, `measureFrame`, serves
 * the planner, the tests and the bench; the renderer writes frames exactly as
 * they were measured (src/render/frame-to-text.ts).
 *
 * The model, and what it rests on:
 *
 * - **Shaping**: HarfBuzz (`harfbuzzjs`), the shaper LibreOffice uses, with
 *   kerning and ligatures, one script run at a time; neighbouring runs that
 *   format alike are shaped together (kerning across them). Fonts are the
 *   files resolved for each face (font-resolution.ts): a font in the
 *   themes' `fonts/` folders by family name, a metric-compatible family, an
 *   installed font of that family, or the theme sidecar's map.
 * - **Widths**: laid out on LibreOffice's 600-dpi grid (each glyph advance
 *   rounded to whole pixels, layout-grid.ts); box widths, insets and margins
 *   snapped to 1/100 mm; a line fits when its width, trailing spaces
 *   excluded, is at most the space, compared in 1/100 mm.
 * - **Line breaks**: greedy, at the Unicode line-break opportunities (UAX #14,
 *   the `linebreak` package) with three measured LibreOffice rules on top
 *   (line-breaks.ts); a segment wider than a line is split between glyph
 *   clusters; `breakBefore` and `\n` force a new line (wrap.ts). Linear time.
 * - **Links**: PowerPoint wraps link text like other text; LibreOffice 7.4
 *   lays a link out as one unbreakable field. The plan takes the worse.
 * - **Missing glyphs** (Hangul, CJK, emoji… in these fonts) are priced with
 *   safe over-estimates (missing-glyph.ts), never as zero or .notdef.
 * - **Height**: lines × `LINE_PITCH_EM` × size × line spacing, plus the
 *   spacing between paragraphs and the top and bottom insets.
 * - **PowerPoint's margin**: the plan wraps in `POWERPOINT_WIDTH_SAFETY` of
 *   the width (measure-frame.ts), since PowerPoint's own layout could not be
 *   measured here.
 *
 * Checked against LibreOffice 7.4 in test/measure/libreoffice-lines.test.ts.
 */
export { DEFAULT_FONTS_DIR, faceKey, type FontFiles, type FontRef, type FontVariant } from './font-files.js';
export { measurableFaces, resolveFontFiles } from './font-registry.js';
export { openFont, shippedFonts, type FontSet, type ShapingFont } from './fonts.js';
export {
  fontContextFor,
  resolveFace,
  type FontContext,
  type ResolutionStep,
  type ResolvedFace,
} from './font-resolution.js';
export { fontProblems } from './font-problems.js';
export { type FontProblem, type SidecarFont, type SidecarFonts } from './font-sidecar.js';
export { fontconfig, systemFonts, type SystemFonts } from './fontconfig.js';
export { resolvingFonts, type ResolvingFontSet } from './resolving-fonts.js';
export { MISSING_GLYPH_EM, missingGlyphEm } from './missing-glyph.js';
export {
  boxWidthFor,
  LIBREOFFICE,
  LINE_PITCH_EM,
  lineStarts,
  linesThatFit,
  lineWidth,
  longestWord,
  marginOf,
  measureFrame,
  naturalWidth,
  PLAN,
  POWERPOINT_WIDTH_SAFETY,
  type FrameMeasure,
  type WrapModel,
} from './measure-frame.js';
