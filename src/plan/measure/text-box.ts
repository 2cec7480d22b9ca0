import type { Run } from '../../model/article.js';
import type { FontBook } from './font-book.js';
import { snapPt } from './layout-grid.js';
import { wrapRuns, type WrapOptions } from './wrap.js';

/** Text box insets in points. */
export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The DrawingML defaults (91440 / 45720 EMU), which the renderer writes explicitly. */
export const DEFAULT_INSETS: Readonly<Insets> = { left: 7.2, right: 7.2, top: 3.6, bottom: 3.6 };

/**
 * Insets as pptxgenjs's text `margin` array. pptxgenjs 4.0.1 reads the array
 * as [left, right, bottom, top] (`lIns = margin[0]`, `rIns = margin[1]`,
 * `bIns = margin[2]`, `tIns = margin[3]`), in points.
 */
export const pptxMargin = (i: Insets = DEFAULT_INSETS): [number, number, number, number] => [i.left, i.right, i.bottom, i.top];

/**
 * Hanging indent per bullet level in points: pptxgenjs's default
 * (`DEF_BULLET_MARGIN`, also `bullet.indent`) writes `marL = 27 × (level + 1)`
 * and `indent = −27`, so the bullet sits in the hanging part and every line of
 * text starts at `marL`.
 */
export const BULLET_INDENT_PT = 27;

/** Left indent of a bulleted paragraph's text at `level` (0 = top level). */
export const bulletIndentPt = (level: number): number => BULLET_INDENT_PT * (level + 1);

export interface MeasuredParagraph {
  runs: readonly Run[];
  /** Left indent of the text (`marL`), in points; 0 when absent. */
  indentPt?: number;
}

export interface ParagraphsOptions {
  /** Width of the text area in points: box width minus left and right insets. */
  widthPt: number;
  sizePt: number;
  face: string;
  monoFace: string;
  /** pptxgenjs `lineSpacingMultiple`; 1 when absent. */
  lineSpacing?: number;
  /** pptxgenjs `paraSpaceAfter`, in points; 0 when absent. */
  paragraphSpacingPt?: number;
  book: FontBook;
  /** See `WrapOptions.links`; `worst` when absent. */
  links?: WrapOptions['links'];
}

export interface ParagraphsMeasure {
  /** Height of the text, in points (insets excluded for `measureParagraphs`). */
  height: number;
  /** Lines per paragraph. */
  lineCounts: number[];
}

/**
 * Height of paragraphs stacked in one text box (widths and indents are
 * snapped to 1/100 mm, as LibreOffice stores them): every line is one pitch
 * (`lineHeight × lineSpacing`), and paragraphs are separated by the space
 * after; the last paragraph's space after is not counted, since nothing is
 * drawn there. Zero paragraphs measure 0.
 */
export function measureParagraphs(paragraphs: readonly MeasuredParagraph[], opts: ParagraphsOptions): ParagraphsMeasure {
  const pitch = opts.book.lineHeight(opts.face, opts.sizePt) * (opts.lineSpacing ?? 1);
  const lineCounts = paragraphs.map(
    (p) => wrapRuns(p.runs, { ...opts, widthPt: snapPt(opts.widthPt) - snapPt(p.indentPt ?? 0) }).length,
  );
  const lines = lineCounts.reduce((a, b) => a + b, 0);
  const gaps = Math.max(0, paragraphs.length - 1) * (opts.paragraphSpacingPt ?? 0);
  return { height: lines * pitch + gaps, lineCounts };
}

export interface TextBoxOptions extends Omit<ParagraphsOptions, 'widthPt'> {
  /** Outer width of the text box in points. */
  boxWidthPt: number;
  /** Insets; `DEFAULT_INSETS` when absent. */
  insets?: Insets;
}

/**
 * Height a top-anchored text box of `boxWidthPt` needs so that its paragraphs
 * do not overflow: the text height plus the top and bottom insets. Zero
 * paragraphs measure 0 (no box is needed).
 */
export function textBoxHeight(paragraphs: readonly MeasuredParagraph[], opts: TextBoxOptions): ParagraphsMeasure {
  const insets = opts.insets ?? DEFAULT_INSETS;
  const widthPt = snapPt(opts.boxWidthPt) - snapPt(insets.left) - snapPt(insets.right);
  const m = measureParagraphs(paragraphs, { ...opts, widthPt });
  return { height: paragraphs.length === 0 ? 0 : m.height + insets.top + insets.bottom, lineCounts: m.lineCounts };
}
