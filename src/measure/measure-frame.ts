import type { Paragraph, TextFrame } from '../model/text-frame.js';
import { shippedFonts, type FontSet } from './fonts.js';
import { fromHundredthsMm, snapPt } from './layout-grid.js';
import { prepareParagraph, type PreparedParagraph } from './prepare.js';
import { lineCount, longestSegment, wrapParagraph, type LinkMode } from './wrap.js';

/**
 * Line pitch (baseline to baseline) at single spacing, as a multiple of the
 * font size. PowerPoint and LibreOffice Impress do not use the font's ascent,
 * descent and line gap for DrawingML text (LibreOffice imports .pptx with
 * "font-independent line spacing", 1.2 × the font height): measured in
 * LibreOffice 7.4 PDFs, the pitch was 1.2 × size for Carlito, Liberation Sans
 * and Liberation Mono alike at 10–40 pt (never more; it rounds down to
 * 1/100 mm), although the fonts' own metrics differ.
 */
export const LINE_PITCH_EM = 1.2;

/**
 * PowerPoint's layout could not be measured here (only LibreOffice's); it
 * kerns only from 12 pt and may round differently. So the plan wraps each
 * line in 3% less width than the frame has: predicted lines are never fewer
 * than PowerPoint's. Loosening this makes the rendered-layout test fail.
 */
export const POWERPOINT_WIDTH_SAFETY = 0.97;

/** How lines are predicted: a width factor and how links wrap (both ways, keeping the worse, for `worst`). */
export interface WrapModel {
  widthFactor: number;
  links: LinkMode | 'worst';
}

/** What the planner plans for: the worse of PowerPoint's and LibreOffice's wrapping, with PowerPoint's margin. */
export const PLAN: WrapModel = { widthFactor: POWERPOINT_WIDTH_SAFETY, links: 'worst' };
/** LibreOffice 7.4's own layout, exactly (what the LibreOffice line-count test compares against). */
export const LIBREOFFICE: WrapModel = { widthFactor: 1, links: 'fields' };

export interface FrameMeasure {
  /** Lines of each paragraph. */
  lines: number[];
  /** Height the text needs, insets included, in points. */
  height: number;
  /** Whether that height is within the frame's box (compared in 1/100 mm). */
  fits: boolean;
}

/**
 * Measure a frame: each paragraph wrapped in the box width minus the insets
 * and its left margin (`marginOf`; each snapped to 1/100 mm, as LibreOffice
 * stores geometry); every line one pitch (`LINE_PITCH_EM` × size × line
 * spacing); the space before each paragraph (the first one's too) and the
 * space after it between paragraphs (nothing is drawn after the last one); plus the top and bottom
 * insets. A frame without paragraphs measures 0. `fits` compares points as
 * the box was planned (the box itself is computed in points).
 */
export function measureFrame(frame: TextFrame, fonts: FontSet = shippedFonts(), model: WrapModel = PLAN): FrameMeasure {
  const ps = frame.paragraphs;
  const lines: number[] = [];
  // The first paragraph's space before counts too: whether a renderer draws it at the top of a frame is not assumed.
  let height = ps.length > 0 ? frame.insets.top + frame.insets.bottom + levelOf(frame, ps[0]).spaceBefore : 0;
  ps.forEach((p, i) => {
    const st = levelOf(frame, p);
    const n = paragraphLines(frame, p, fonts, model);
    lines.push(n);
    height += n * (LINE_PITCH_EM * st.size) * st.lineSpacing;
    if (i < ps.length - 1) height += st.spaceAfter + levelOf(frame, ps[i + 1]).spaceBefore;
  });
  return { lines, height, fits: height <= frame.box.h };
}

/**
 * Whether a frame's text fits its box: `measureFrame(frame, fonts, model).fits`, the same sum in the same order, but
 * it stops at the first paragraph that passes the box's foot. Pagination asks whether a whole list fits at a few
 * sizes before it cuts pages; measuring 25,000 items each time only to learn they do not was most of planning them.
 */
export function frameFits(frame: TextFrame, fonts: FontSet = shippedFonts(), model: WrapModel = PLAN): boolean {
  const ps = frame.paragraphs;
  // Stopping early is exact only when nothing later can take height away (no template sets negative spacing).
  if (frame.levels.some((l) => l.spaceBefore < 0 || l.spaceAfter < 0 || !(l.lineSpacing >= 0)))
    return measureFrame(frame, fonts, model).fits;
  let height = ps.length > 0 ? frame.insets.top + frame.insets.bottom + levelOf(frame, ps[0]).spaceBefore : 0;
  for (let i = 0; i < ps.length && height <= frame.box.h; i++) {
    const st = levelOf(frame, ps[i]);
    height += paragraphLines(frame, ps[i], fonts, model) * (LINE_PITCH_EM * st.size) * st.lineSpacing;
    if (i < ps.length - 1) height += st.spaceAfter + levelOf(frame, ps[i + 1]).spaceBefore;
  }
  return height <= frame.box.h;
}

/**
 * The box width a frame needs for a line of `contentPt` points to fit as the
 * plan wraps it (its insets and the level's margin added).
 */
export function boxWidthFor(contentPt: number, insets: TextFrame['insets'], marL = 0): number {
  return contentPt / PLAN.widthFactor + (insets.left + insets.right + marL);
}

/** The level style a paragraph is set in. */
export const levelOf = (frame: TextFrame, p: Paragraph) => frame.levels[Math.min(p.level, frame.levels.length - 1)];

/**
 * A paragraph's left margin: its level's `marL` when it has a bullet; a paragraph without one starts at the inset
 * (`marL="0"`).
 */
export const marginOf = (frame: TextFrame, p: Paragraph): number => (p.bullet === 'none' ? 0 : levelOf(frame, p).marL);

/**
 * LibreOffice lays out a placeholder's text 1/100 mm narrower than a text
 * box's of the same size and insets (measured: a line that just fits a
 * 119.98 pt text box needs a 120.01 pt placeholder).
 */
const PLACEHOLDER_SHRINK_PT = fromHundredthsMm(1);

/** The width a paragraph's lines wrap in, in points (before the model's factor). */
export function lineWidth(frame: TextFrame, p: Paragraph): number {
  const w = snapPt(frame.box.w) - snapPt(frame.insets.left) - snapPt(frame.insets.right) - snapPt(marginOf(frame, p));
  return frame.placeholder ? w - PLACEHOLDER_SHRINK_PT : w;
}

function paragraphLines(frame: TextFrame, p: Paragraph, fonts: FontSet, model: WrapModel): number {
  const prepared = prepared_(frame, p, fonts);
  const size = levelOf(frame, p).size;
  const width = lineWidth(frame, p) * model.widthFactor;
  if (model.links !== 'worst') return lineCount(prepared, size, width, model.links);
  const text = lineCount(prepared, size, width, 'text');
  return prepared.links.length === 0 ? text : Math.max(text, lineCount(prepared, size, width, 'fields'));
}

const prepared_ = (frame: TextFrame, p: Paragraph, fonts: FontSet): PreparedParagraph =>
  prepareParagraph(p.runs, {
    face: frame.face,
    mono: frame.monoFace,
    bold: frame.bold,
    italic: frame.italic,
    caps: levelOf(frame, p).caps,
    letterSpacing: levelOf(frame, p).letterSpacing,
    fonts,
  });

/**
 * Where each line of a paragraph starts (offsets into its runs' joined text),
 * as the plan wraps it, from offset `from` and for at most `maxLines` lines:
 * for cutting a paragraph between lines without wrapping all of it again.
 */
export function lineStarts(
  frame: TextFrame,
  p: Paragraph,
  fonts: FontSet = shippedFonts(),
  from = 0,
  maxLines = Infinity,
): number[] {
  const prepared = prepared_(frame, p, fonts);
  const size = levelOf(frame, p).size;
  const width = lineWidth(frame, p) * PLAN.widthFactor;
  const text = wrapParagraph(prepared, size, width, 'text', from, maxLines).starts;
  if (prepared.links.length === 0) return text;
  const fields = wrapParagraph(prepared, size, width, 'fields', from, maxLines).starts;
  return fields.length > text.length ? fields : text;
}

/** How many lines of paragraph `p` fit in the frame's box height when it is the frame's only paragraph. */
export function linesThatFit(frame: TextFrame, p: Paragraph): number {
  const st = levelOf(frame, p);
  const room = frame.box.h - frame.insets.top - frame.insets.bottom;
  return Math.max(0, Math.floor(room / (LINE_PITCH_EM * st.size * st.lineSpacing) + 1e-9));
}

/** The paragraph on one line, unwrapped (the widest line where it has forced breaks), in points. */
export function naturalWidth(frame: TextFrame, p: Paragraph, fonts: FontSet = shippedFonts()): number {
  const prepared = prepared_(frame, p, fonts);
  return Math.max(0, ...wrapParagraph(prepared, levelOf(frame, p).size, Infinity, 'text').widths);
}

/** The widest unbreakable stretch of the paragraph, in points: a narrower line must split it. */
export function longestWord(frame: TextFrame, p: Paragraph, fonts: FontSet = shippedFonts()): number {
  return longestSegment(prepared_(frame, p, fonts), levelOf(frame, p).size);
}
