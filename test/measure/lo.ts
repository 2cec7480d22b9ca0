/**
 * Helpers for the measurement tests that read LibreOffice's layout back: the
 * shared PDF reader and visual lines.
 */
export { pdfWords, pptxToPdfs, type PdfWord } from '../helpers/pdf.js';
import type { PdfWord } from '../helpers/pdf.js';

/** A visual line: words whose bottoms lie within `tolerance` points of each other. */
export interface VisualLine {
  /** Largest `yMax` of its words (the bottom of the descenders). */
  bottom: number;
  text: string;
}

/** Groups a page's words into visual lines, top to bottom. */
export function visualLines(words: readonly PdfWord[], tolerance: number): VisualLine[] {
  const sorted = [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const lines: { bottom: number; words: PdfWord[] }[] = [];
  for (const w of sorted) {
    const last = lines[lines.length - 1];
    if (last && w.yMax - last.words[0].yMax <= tolerance) {
      last.words.push(w);
      last.bottom = Math.max(last.bottom, w.yMax);
    } else {
      lines.push({ bottom: w.yMax, words: [w] });
    }
  }
  return lines.map((l) => ({
    bottom: l.bottom,
    text: l.words
      .sort((a, b) => a.xMin - b.xMin)
      .map((w) => w.text)
      .join(' '),
  }));
}
