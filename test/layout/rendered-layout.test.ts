/**
 * The layout guarantee, checked on what LibreOffice actually draws: every word
 * of every slide is on its page, inside it, not under the footer, and no two
 * words overlap. Content decks plus the stress fixtures.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { FOOTER_Y, SLIDE } from '../../src/model/geometry.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { deckOpts, makeContent, FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';
import { readPptx, type SlideView } from '../helpers/pptx.js';
import { haveTools } from '../helpers/tools.js';
import { layoutFaults, missingCharacters, words } from '../helpers/layout-proof.js';
import { pdfWords, pptxToPdfs, type PdfWord } from '../helpers/pdf.js';

const DECKS = ['russia-north-korea-treaty', 'us-policy-response', 'stress', 'stress-dark'] as const;
const tools = haveTools('soffice', 'pdftotext');

describe.skipIf(!tools)('rendered layout (LibreOffice)', () => {
  const pages: Record<string, PdfWord[][]> = {};
  const slides: Record<string, SlideView[]> = {};
  const footerWords: Record<string, Set<string>> = {};

  beforeAll(async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'layout-'));
    const stress = makeContent({
      stress: stressDeck,
      'stress-dark': { ...stressDeck, yaml: `${stressDeck.yaml}theme: briefing-dark\n` },
    });
    const files: string[] = [];
    for (const slug of DECKS) {
      const opts = slug.startsWith('stress')
        ? { ...deckOpts(stress), outDir: out }
        : { contentDir: FIXTURE_DECKS, themesDir: REPO_THEMES, outDir: out };
      const r = await buildDeck(slug, opts);
      files.push(r.file!);
      slides[slug] = (await readPptx(r.pptx!)).slides;
      footerWords[slug] = new Set(words([r.deck!.info.footer, r.deck!.info.classification ?? ''].join(' ')));
    }
    pptxToPdfs(files, out).forEach((pdf, i) => (pages[DECKS[i]] = pdfWords(pdf)));
  }, 180_000);

  for (const slug of DECKS) {
    it(`${slug}: one page per slide, every character of each slide on its page`, () => {
      expect(pages[slug].length).toBe(slides[slug].length);
      slides[slug].forEach((s, i) =>
        expect(missingCharacters(pages[slug][i], s), `slide ${i + 1} “${s.title}”`).toBe(''),
      );
    });

    it(`${slug}: every word inside the slide, above the footer, overlapping no other word`, () => {
      pages[slug].forEach((page, i) =>
        expect(
          layoutFaults(page, { size: SLIDE, footerTop: FOOTER_Y, layoutWords: footerWords[slug] }),
          `slide ${i + 1} “${slides[slug][i].title}”`,
        ).toEqual([]),
      );
    });
  }
});
