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
import { FOOTER_Y, SLIDE } from '../../src/theme/geometry.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { deckOpts, makeContent, REPO_CONTENT, REPO_THEMES } from '../helpers/decks.js';
import { readPptx, type SlideView } from '../helpers/pptx.js';
import { haveTools } from '../helpers/tools.js';
import { overlapping, pdfWords, pptxToPdfs, type PdfWord } from '../helpers/pdf.js';

const DECKS = ['russia-north-korea-treaty', 'us-policy-response', 'stress', 'stress-dark'] as const;
const tools = haveTools('soffice', 'pdftotext');

/** Words we can expect pdftotext to give back: emoji and variation selectors may not survive a PDF. */
const norm = (w: string) => w.normalize('NFC').replace(/[\u{1F000}-\u{1FAFF}\u{FE0F}\u{2600}-\u{27BF}]/gu, '');
const words = (s: string) => s.split(/\s+/).map(norm).filter(Boolean);

describe.skipIf(!tools)('rendered layout (LibreOffice)', () => {
  const pages: Record<string, PdfWord[][]> = {};
  const slides: Record<string, SlideView[]> = {};
  const footerWords: Record<string, Set<string>> = {};

  beforeAll(async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'layout-'));
    const stress = makeContent({ stress: stressDeck, 'stress-dark': { ...stressDeck, yaml: `${stressDeck.yaml}theme: briefing-dark\n` } });
    const files: string[] = [];
    for (const slug of DECKS) {
      const opts = slug.startsWith('stress') ? { ...deckOpts(stress), outDir: out } : { contentDir: REPO_CONTENT, themesDir: REPO_THEMES, outDir: out };
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
      slides[slug].forEach((s, i) => {
        // Characters, not words: where fonts change mid-word (Hangul then `:`), PDF word breaks differ.
        const have = new Map<string, number>();
        for (const w of pages[slug][i]) for (const ch of norm(w.text)) have.set(ch, (have.get(ch) ?? 0) + 1);
        const want = [...words([...s.texts, ...s.tables.flat(2)].join(' ')).join('')];
        const missing = want.filter((ch) => {
          const n = have.get(ch) ?? 0;
          if (n > 0) have.set(ch, n - 1);
          return n === 0;
        });
        expect(missing.join(''), `slide ${i + 1} “${s.title}”`).toBe('');
      });
    });

    it(`${slug}: every word inside the slide, above the footer, overlapping no other word`, () => {
      pages[slug].forEach((all, i) => {
        const ws = all.filter((w) => norm(w.text) !== '');
        const where = `slide ${i + 1} “${slides[slug][i].title}”`;
        for (const w of ws) {
          expect(w.xMin, `${where}: ${w.text}`).toBeGreaterThanOrEqual(0);
          expect(w.xMax, `${where}: ${w.text}`).toBeLessThanOrEqual(SLIDE.w);
          expect(w.yMax, `${where}: ${w.text}`).toBeLessThanOrEqual(SLIDE.h);
          const layoutWord = footerWords[slug].has(norm(w.text)) || /^\d+$/.test(w.text);
          if (!layoutWord) expect(w.yMax, `${where}: “${w.text}” reaches the footer`).toBeLessThanOrEqual(FOOTER_Y + 1);
        }
        const overlaps: string[] = [];
        for (let a = 0; a < ws.length; a++)
          for (let b = a + 1; b < ws.length; b++) {
            if (overlapping(ws[a], ws[b])) overlaps.push(`“${ws[a].text}” × “${ws[b].text}”`);
          }
        expect(overlaps, where).toEqual([]);
      });
    });
  }
});
