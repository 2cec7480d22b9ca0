/**
 * The LibreOffice render proof for sources: a deck with 60 references and 25 footnotes (some long) drawn by
 * LibreOffice shows every character of every slide, no word outside its slide or over another, and the footnotes
 * above the footer.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { FOOTER_Y, SLIDE } from '../../src/model/geometry.js';
import { sourcedDeck } from '../fixtures/sourced-deck.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { layoutFaults, missingCharacters, words } from '../helpers/layout-proof.js';
import { pdfWords, pptxToPdfs, type PdfWord } from '../helpers/pdf.js';
import { readPptx, type SlideView } from '../helpers/pptx.js';
import { haveTools } from '../helpers/tools.js';

describe.skipIf(!haveTools('soffice', 'pdftotext'))('sources drawn by LibreOffice', () => {
  let r: BuildResult;
  let slides: SlideView[];
  let pages: PdfWord[][];

  beforeAll(async () => {
    const c = makeContent({ sourced: sourcedDeck() });
    r = await buildDeck('sourced', deckOpts(c));
    slides = (await readPptx(r.pptx!)).slides;
    const out = mkdtempSync(path.join(tmpdir(), 'sources-'));
    pages = pdfWords(pptxToPdfs([r.file!], out)[0]);
  }, 180_000);

  it('lists all 60 references and the notes sent to the Sources slides, continued over several slides', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const sources = slides.filter((s) => s.title?.startsWith('Sources'));
    expect(sources.length).toBeGreaterThan(1);
    const listed = sources.flatMap((s) => s.texts).join('\n');
    for (let k = 0; k < 60; k++) expect(listed).toMatch(new RegExp(`Author${k}, Given`));
    const feet = slides.flatMap((s) => s.texts).filter((t) => /^\d+ Note \d+:/.test(t));
    const sent = sources.flatMap((s) => s.texts).filter((t) => /^\d+ A long methodological note/.test(t));
    expect(feet.length + sent.length).toBe(25);
    expect(sent.length).toBeGreaterThan(0);
  });

  it('shows every character of every slide on its page', () => {
    expect(pages.length).toBe(slides.length);
    slides.forEach((s, i) => expect(missingCharacters(pages[i], s), `slide ${i + 1} “${s.title}”`).toBe(''));
  });

  it('keeps every word inside its slide, above the footer, over no other word', () => {
    const layoutWords = new Set(words(r.deck!.info.footer));
    pages.forEach((page, i) =>
      expect(layoutFaults(page, { size: SLIDE, footerTop: FOOTER_Y, layoutWords }), `slide ${i + 1}`).toEqual([]),
    );
  });
});
