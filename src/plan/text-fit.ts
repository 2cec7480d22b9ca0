import type { Run } from '../model/article.js';
import type { Paragraph, Rect, TextFrame } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { BULLET_INDENT, CONTENT_W, INSET, MARGIN_X, TITLE_Y, WIDTH_SAFETY } from './geometry.js';
import type { Measurer } from './measurer.js';

export interface TextStyle {
  size: number;
  face: string;
  lineSpacing: number;
  paragraphSpacing: number;
}

export const bodyStyle = (theme: Theme, size = theme.sizes.body): TextStyle => ({
  size,
  face: theme.fonts.body,
  lineSpacing: theme.lineSpacing,
  paragraphSpacing: theme.paragraphSpacing,
});

/** Titles: the heading face at single spacing, as the renderer writes them. */
export const headingStyle = (theme: Theme, size: number): TextStyle => ({ size, face: theme.fonts.heading, lineSpacing: 1, paragraphSpacing: 0 });

/** The width a paragraph's lines get inside a text box of `boxW`. */
export function lineWidth(p: Paragraph, boxW: number): number {
  const indent = p.bullet === 'none' ? 0 : BULLET_INDENT * (p.level + 1);
  return (boxW - INSET.left - INSET.right - indent) * WIDTH_SAFETY;
}

/** Height of one paragraph's lines (no spacing, no insets). */
export function paragraphHeight(p: Paragraph, boxW: number, st: TextStyle, m: Measurer): number {
  const lines = m.lineCount(p.runs, lineWidth(p, boxW), st.size, st.face);
  return lines * m.linePitch(st.face, st.size) * st.lineSpacing;
}

/** Height a text box needs for these paragraphs, insets included. */
export function framedHeight(ps: readonly Paragraph[], boxW: number, st: TextStyle, m: Measurer): number {
  if (ps.length === 0) return 0;
  let h = INSET.top + INSET.bottom;
  ps.forEach((p, i) => {
    h += paragraphHeight(p, boxW, st, m);
    if (i < ps.length - 1) h += st.paragraphSpacing;
  });
  return h;
}

export function frame(paragraphs: Paragraph[], box: Rect, size: number, extra: Partial<TextFrame> = {}): TextFrame {
  return { box, fontSize: size, paragraphs, ...extra };
}

export const plain = (runs: Run[]): Paragraph => ({ runs, level: 0, bullet: 'none' });

/**
 * The title's size and box: the theme size while it fits on two lines,
 * shrinking to the theme minimum, and below that wrapping onto more lines
 * (the body then starts lower). A title never runs into the body.
 */
export function fitTitle(title: string, theme: Theme, m: Measurer): { size: number; box: Rect } {
  const p = plain([{ text: title, bold: true }]);
  const st = (size: number) => headingStyle(theme, size);
  for (let size = theme.sizes.title; size >= theme.sizes.titleMin; size -= 2) {
    const lines = m.lineCount(p.runs, lineWidth(p, CONTENT_W), size, theme.fonts.heading);
    if (lines <= 2) return { size, box: { x: MARGIN_X, y: TITLE_Y, w: CONTENT_W, h: framedHeight([p], CONTENT_W, st(size), m) } };
  }
  const size = theme.sizes.titleMin;
  return { size, box: { x: MARGIN_X, y: TITLE_Y, w: CONTENT_W, h: framedHeight([p], CONTENT_W, st(size), m) } };
}
