/**
 * Opt-in stress test (MEASURE_STRESS=1): random paragraphs from the fixtures,
 * random sizes, widths, bold/italic/code runs and break-prone words, checked
 * against LibreOffice. Prints exact / over / under counts; fails on any case
 * where the prediction has fewer lines than LibreOffice (text would overflow).
 *   MEASURE_STRESS=1 [SEED=7] [N=400] [NARROW=1] npx vitest run test/plan/measure/libreoffice-stress.test.ts
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBREOFFICE, lineWidth, measureFrame } from '../../src/measure/measure-frame.js';
import { shippedFonts } from '../../src/measure/fonts.js';
import { prepareParagraph } from '../../src/measure/prepare.js';
import { wrapParagraph } from '../../src/measure/wrap.js';
import type { Run } from '../../src/model/article.js';
import type { Deck, Slide } from '../../src/model/deck.js';
import type { TextFrame } from '../../src/model/text-frame.js';
import { plain, textFrame } from '../../src/plan/frames.js';
import { deckToPptx } from '../../src/render/deck-to-pptx.js';
import { theme } from '../helpers/frames.js';
import { haveTools } from '../helpers/tools.js';
import { pdfWords, pptxToPdfs, visualLines } from './lo.js';

const enabled = !!process.env.MEASURE_STRESS && haveTools('soffice', 'pdftotext');

describe.skipIf(!enabled)('LibreOffice stress', () => {
  it('never predicts fewer lines than LibreOffice', async () => {
    let seed = Number(process.env.SEED ?? 1);
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = readFileSync(new URL('../fixtures/measure/corpus.txt', import.meta.url), 'utf8')
      .split(/\s+/)
      .filter(Boolean);
    const extra = [
      'well-known',
      'state-of-the-art',
      '--theme',
      'https://example.com/a/b',
      'Supercalifragilistic',
      'COVID-19',
      '2020–2021',
      'approach—proven',
      'and/or',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'measure-stress-'));
    const themes = {
      Calibri: await theme('briefing-light', { face: 'Calibri', lineSpacing: 1, paragraphSpacing: 0 }),
      Arial: await theme('briefing-light', { face: 'Arial', lineSpacing: 1, paragraphSpacing: 0 }),
    };
    const slides: Slide[] = [];
    const cases: {
      face: string;
      size: number;
      w: number;
      pred: number;
      planned: number;
      runs: Run[];
      frame: TextFrame;
    }[] = [];
    const n = Number(process.env.N ?? 400);
    for (let k = 0; k < n; k++) {
      const face = rnd() < 0.5 ? 'Calibri' : 'Arial';
      const size = [11, 12, 13, 14, 16, 18, 20, 24, 28][Math.floor(rnd() * 9)];
      const w = process.env.NARROW ? 50 + Math.floor(rnd() * 150) : 150 + Math.floor(rnd() * 400);
      const runs: Run[] = [];
      const count = 10 + Math.floor(rnd() * 40);
      for (let j = 0; j < count; j++) {
        const r = rnd();
        const word = rnd() < 0.15 ? extra[Math.floor(rnd() * extra.length)] : words[Math.floor(rnd() * words.length)];
        if (r > 0.75 && r <= 0.8) {
          // A link as Markdown gives it: the space before it is plain text.
          if (j) runs.push({ text: ' ' });
          runs.push({ text: word, href: `https://example.com/${j}` });
        } else {
          runs.push({ text: (j ? ' ' : '') + word, bold: r < 0.15, italic: r > 0.9, code: r > 0.8 && r <= 0.9 });
        }
      }
      const t = themes[face as keyof typeof themes];
      // The deck is drawn in the Calibri theme: a frame in another face must write its face.
      const frame = {
        ...textFrame(t, [plain(runs)], { x: 14.4, y: 14.4, w, h: 1400 }, { size }),
        inheritedFace: 'Calibri',
      };
      const pred = measureFrame(frame, undefined, LIBREOFFICE).lines[0]; // as LibreOffice wraps links
      const planned = measureFrame(frame).lines[0];
      cases.push({ face, size, w, pred, planned, runs, frame });
      slides.push({
        kind: 'bullets',
        layout: 'content',
        layoutFile: 'slideLayout2.xml',
        title: '',
        baseTitle: '',
        titleFrame: textFrame(t, [plain([{ text: '' }])], { x: 0, y: 0, w: 10, h: 10 }, { size: 10, heading: true }),
        notes: '',
        source: { file: 'stress', line: k + 1, column: 1 },
        body: frame,
      });
    }
    const t = themes.Calibri;
    const deck: Deck = {
      info: { slug: 'stress', title: 'stress', timestamp: '2020-01-01T00:00:00Z', footer: '', language: 'en-US' },
      size: { w: 960, h: 1440 },
      chrome: {
        banners: [],
        slideNumber: textFrame(t, [plain([{ text: '888' }])], { x: 880, y: 1410, w: 60, h: 20 }, { size: 10 }),
      },
      slides,
    };
    const file = join(dir, 'stress.pptx');
    writeFileSync(file, await deckToPptx(deck, t));
    const pages = pdfWords(pptxToPdfs([file], dir, 600_000)[0]).map((ws) => ws.filter((w) => w.yMax < 1410));
    rmSync(dir, { recursive: true, force: true });
    let exact = 0;
    let over = 0;
    let clipped = 0;
    const under: string[] = [];
    cases.forEach((c, i) => {
      const lo = visualLines(pages[i], c.size * 0.4);
      if (Math.max(lo.length, c.pred) * c.size * 1.2 > 1380) return void clipped++; // runs off the 20-in page
      if (lo.length === c.pred && c.planned >= lo.length) return void exact++;
      const detail =
        `${c.face} ${c.size}pt box ${c.w}pt: predicted ${c.pred}, LibreOffice ${lo.length}\n` +
        `  ours: ${ours(c.frame)}\n` +
        `  LO:   ${lo.map((l) => l.text).join(' | ')}\n` +
        `  links: ${c.runs
          .filter((r) => r.href)
          .map((r) => JSON.stringify(r.text))
          .join(' ')}`;
      if (c.pred > lo.length) over++;
      else under.push(detail);
      if (c.planned < lo.length) under.push(`planned ${c.planned}: ${detail}`);
      console.log(detail);
    });
    console.log(
      `stress: exact ${exact}/${cases.length - clipped}, over ${over}, under ${under.length} (${clipped} ran off the page)`,
    );
    expect(under).toEqual([]);
  }, 600_000);
});

/** Our lines for a one-paragraph frame, as LibreOffice is predicted to wrap them. */
function ours(f: TextFrame): string {
  const p = f.paragraphs[0];
  const prepared = prepareParagraph(p.runs, { face: f.face, mono: f.monoFace, fonts: shippedFonts() });
  const { starts } = wrapParagraph(prepared, f.levels[0].size, lineWidth(f, p), 'fields');
  return starts.map((a, i) => prepared.text.slice(a, starts[i + 1]).trim()).join(' | ');
}
