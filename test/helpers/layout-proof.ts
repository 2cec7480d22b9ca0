/**
 * The layout guarantee, as LibreOffice draws a deck: every character of a
 * slide on its page; every word inside the slide, above the footer, and over
 * no other word. Shared by the content-deck and the template proofs.
 */
import type { SlideView } from './pptx.js';
import { overlapping, type PdfWord } from './pdf.js';

/** Words we can expect pdftotext to give back: emoji and variation selectors may not survive a PDF. */
export const norm = (w: string) => w.normalize('NFC').replace(/[\u{1F000}-\u{1FAFF}\u{FE0F}\u{2600}-\u{27BF}]/gu, '');
export const words = (s: string) => s.split(/\s+/).map(norm).filter(Boolean);

/**
 * The slide's characters the page lacks (characters, not words: where fonts
 * change mid-word, PDF word breaks differ; and in either case, since a
 * template may set its titles in capitals).
 */
export function missingCharacters(page: readonly PdfWord[], slide: SlideView): string {
  const have = new Map<string, number>();
  for (const w of page) for (const ch of norm(w.text).toLowerCase()) have.set(ch, (have.get(ch) ?? 0) + 1);
  const want = [
    ...words([...slide.texts, ...slide.tables.flat(2)].join(' '))
      .join('')
      .toLowerCase(),
  ];
  return want
    .filter((ch) => {
      const n = have.get(ch) ?? 0;
      if (n > 0) have.set(ch, n - 1);
      return n === 0;
    })
    .join('');
}

export interface PageBounds {
  size: { w: number; h: number };
  /** Where the footer band starts: slide text must end above it. */
  footerTop: number;
  /**
   * Words the footer, banners and slide number show (and the template's own decoration text), which may sit anywhere.
   */
  layoutWords: ReadonlySet<string>;
}

/** Words outside the slide, reaching the footer, or drawn over each other. */
export function layoutFaults(page: readonly PdfWord[], b: PageBounds): string[] {
  const ws = page.filter((w) => norm(w.text) !== '');
  const out: string[] = [];
  for (const w of ws) {
    if (w.xMin < 0 || w.xMax > b.size.w || w.yMax > b.size.h) out.push(`“${w.text}” outside the slide`);
    const layoutWord = b.layoutWords.has(norm(w.text)) || /^\d+$/.test(w.text);
    if (!layoutWord && w.yMax > b.footerTop + 1)
      out.push(`“${w.text}” reaches the footer (${w.yMax.toFixed(1)} > ${b.footerTop.toFixed(1)})`);
  }
  for (let a = 0; a < ws.length; a++)
    for (let c = a + 1; c < ws.length; c++)
      if (overlapping(ws[a], ws[c])) out.push(`“${ws[a].text}” × “${ws[c].text}”`);
  return out;
}
