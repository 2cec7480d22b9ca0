/**
 * Helpers for the measurement tests that read LibreOffice's layout back: the
 * shared PDF reader, visual lines, and the production post-pass.
 */
import { normalizePptx } from '../../src/render/post-pass.js';

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

/**
 * pptxgenjs 4.0.1 writes an `<a:pPr>` before every later run of a formatted
 * paragraph (invalid DrawingML; LibreOffice then applies the last one, so a
 * bullet paragraph whose first run is bold loses its bullet and indent). Keeps
 * only the first `<a:pPr>` of each paragraph, as the renderer does.
 */
export async function keepFirstParagraphProps(pptx: Buffer): Promise<Buffer> {
  // The production post-pass, so these tests measure what briefdeck writes.
  return Buffer.from(await normalizePptx(pptx, '2020-01-01T00:00:00Z'));
}
