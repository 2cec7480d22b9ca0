/**
 * Predicted line counts against LibreOffice's: frames made by the planner's
 * own `textFrame`, each as a text box and as a body placeholder (which
 * LibreOffice lays out a hair narrower), one slide per case, drawn by the shipped renderer
 * (`deckToPptx`), one soffice call, line positions read back with
 * pdftotext -bbox-layout; predictions from the shipped `measureFrame`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIBREOFFICE, LINE_PITCH_EM, measureFrame } from '../../src/measure/measure-frame.js';
import type { Run } from '../../src/model/article.js';
import type { Deck, Slide } from '../../src/model/deck.js';
import type { Paragraph, TextFrame } from '../../src/model/text-frame.js';
import { plain, textFrame } from '../../src/plan/frames.js';
import { layoutFor } from '../../src/theme/layouts-of.js';
import { deckToPptx } from '../../src/render/deck-to-pptx.js';
import { TEXT_INSETS } from '../../src/model/geometry.js';
import { theme } from '../helpers/frames.js';
import { haveTools } from '../helpers/tools.js';
import { pdfWords, pptxToPdfs, visualLines } from './lo.js';

interface Para {
  runs: Run[];
  /** Bullet level, or none. */
  bullet?: number;
}

interface Text {
  name: string;
  paragraphs: Para[];
  /** Text with glyphs our fonts lack: the prediction only has to be at least LibreOffice's. */
  atLeast?: boolean;
}

const p = (...runs: (string | Run)[]): Para => ({ runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)) });
const b = (level: number, ...runs: (string | Run)[]): Para => ({ ...p(...runs), bullet: level });

const TEXTS: Text[] = [
  {
    name: 'plain prose',
    paragraphs: [
      p(
        'Quarterly revenue rose twelve percent to 4.7 billion euros, driven by the AVATAR launch in Wales and Tyrol. ' +
          'Operating margin widened by two points as logistics costs fell, while the offshore affiliate finally broke even.',
      ),
    ],
  },
  {
    name: 'mixed bold/italic',
    paragraphs: [
      p(
        { text: 'Key risk: ', bold: true },
        'supplier concentration remains ',
        { text: 'very high', bold: true, italic: true },
        ' in the Asia-Pacific region; ',
        { text: 'mitigation', italic: true },
        ' is under way, with ',
        { text: 'two new vendors', bold: true },
        ' qualified this quarter and a third expected by year end.',
      ),
    ],
  },
  {
    name: 'bullets',
    paragraphs: [
      b(0, 'Revenue up 12% year on year, the strongest quarter since the merger closed'),
      b(1, 'Europe and the Middle East contributed most of the growth'),
      b(1, { text: 'Americas', bold: true }, ' flat after the currency effects are taken out'),
      b(0, 'Headcount stable at 4,210 employees across all regions'),
    ],
  },
  {
    name: 'Cyrillic',
    paragraphs: [
      p(
        'Выручка за квартал выросла на двенадцать процентов, до 4,7 млрд евро. ' +
          'Операционная маржа увеличилась на два пункта благодаря снижению логистических расходов.',
      ),
    ],
  },
  {
    name: 'hyphens, dashes, long words, breaks',
    paragraphs: [
      p(
        'A well-known, state-of-the-art approach—proven in 2020–2021—see ',
        { text: 'https://example.com/reports/2024/annual-overview-of-the-business', code: true },
        ' for details.',
        { text: 'Forced line break here.', breakBefore: true },
        ' Supercalifragilisticexpialidocioustextwithoutanyspaces ends it.',
      ),
    ],
  },
  {
    name: 'code and paragraphs',
    paragraphs: [
      p(
        'Run ',
        { text: 'briefdeck build --theme corporate', code: true },
        ' to render every deck in the content folder.',
      ),
      p('Then open the ', { text: 'output/', code: true }, ' folder: each deck has a PDF preview next to it.'),
    ],
  },
  {
    name: 'paths, numbers, ligatures',
    paragraphs: [
      p(
        'The committee’s office in Rotterdam—see reports/2024/q3 and/or COVID-19 figures (2020-2021), ' +
          'efficient affiliates; wait…what? Ærø, Łódź, Straße.',
      ),
    ],
  },
  {
    name: 'hyperlinks',
    paragraphs: [
      p(
        'Read ',
        { text: 'the full annual report for the fiscal year 2024', href: 'https://example.com/report' },
        ' and the ',
        { text: 'appendix', href: 'https://example.com/appendix' },
        ', which lists every subsidiary with its revenue and headcount.',
      ),
    ],
  },
  {
    name: 'Hangul, CJK and emoji',
    atLeast: true,
    paragraphs: [
      p('분기 매출은 12% 증가했습니다 🚀 and the 中文 summary follows 📈✅ with more text to wrap around here.'),
    ],
  },
];

const FACES = ['Calibri', 'Arial'];
const SIZES = [14, 18, 24];
const WIDTHS = [120, 252, 400]; // box widths in points: narrow enough to split words, 3.5 in, ~5.6 in
const LINE_SPACING = 1.1;
const PARA_SPACE = 6;

/** Tall slides, so that no case runs off the page (pdftotext only sees what is on it). */
const PAGE = { w: 960, h: 2880 };

interface Case {
  text: Text;
  face: string;
  size: number;
  boxWidth: number;
  frame: TextFrame;
  /** Lines predicted for LibreOffice. */
  predicted: number;
  /** Lines the planner plans for (default options): never fewer. */
  planned: number;
  predictedHeight: number;
}

const tools = haveTools('soffice', 'pdftotext');

describe.skipIf(!tools)('line counts agree with LibreOffice', () => {
  const cases: Case[] = [];
  let dir = '';
  let pages: ReturnType<typeof pdfWords> = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'measure-lo-'));
    const slides: Slide[] = [];
    for (const face of FACES) {
      const t = await theme('briefing-light', { face, lineSpacing: LINE_SPACING, paragraphSpacing: PARA_SPACE });
      for (const text of TEXTS) {
        for (const size of SIZES) {
          for (const boxWidth of WIDTHS)
            for (const placeholder of [undefined, 'content'] as const) {
              const paragraphs: Paragraph[] = text.paragraphs.map((para) => ({
                runs: para.runs,
                level: para.bullet ?? 0,
                bullet: para.bullet === undefined ? 'none' : 'disc',
              }));
              // The deck is drawn in the default theme (Calibri): a frame in another face must write its face.
              const frame = {
                ...textFrame(
                  t,
                  paragraphs,
                  { x: 36, y: 18, w: boxWidth, h: PAGE.h - 100 },
                  { size, placeholder, ...(placeholder ? { style: layoutFor(t, 'content').slots.content } : {}) },
                ),
                inheritedFace: 'Calibri',
              };
              // What the planner plans for (the worse of PowerPoint and LibreOffice) …
              const planned = measureFrame(frame);
              // … and the prediction for LibreOffice, which wraps links as fields and needs no margin.
              const asLo = measureFrame(frame, undefined, LIBREOFFICE);
              const total = (counts: number[]) => counts.reduce((a, n) => a + n, 0);
              cases.push({
                text,
                face,
                size,
                boxWidth,
                frame,
                predicted: total(asLo.lines),
                planned: total(planned.lines),
                predictedHeight: asLo.height,
              });
              const empty = textFrame(
                t,
                [plain([{ text: '' }])],
                { x: 36, y: 0, w: 100, h: 10 },
                { size: 10, heading: true },
              );
              slides.push({
                kind: 'bullets',
                layout: 'content',
                layoutFile: layoutFor(t, 'content').file,
                title: '',
                baseTitle: '',
                titleFrame: empty,
                notes: '',
                source: { file: 'cases', line: cases.length, column: 1 },
                body: frame,
              });
            }
        }
      }
    }
    const t = await theme();
    const numberBox = { x: 880, y: PAGE.h - 30, w: 60, h: 20 };
    const deck: Deck = {
      info: {
        slug: 'cases',
        title: 'Measurement cases',
        timestamp: '2020-01-01T00:00:00Z',
        footer: '',
        language: 'en-US',
      },
      size: PAGE,
      chrome: { banners: [], slideNumber: textFrame(t, [plain([{ text: '888' }])], numberBox, { size: 10 }) },
      slides,
    };
    const file = join(dir, 'measure-cases.pptx');
    writeFileSync(file, await deckToPptx(deck, t));
    // Leave out the slide number at the foot of each page.
    pages = pdfWords(pptxToPdfs([file], dir, 110_000)[0]).map((words) => words.filter((w) => w.yMax < numberBox.y));
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('predicts the same number of lines for every case', () => {
    expect(pages.length).toBe(cases.length);
    const rows: string[] = [];
    let exact = 0;
    cases.forEach((c, i) => {
      const lines = visualLines(pages[i], c.size * 0.4);
      const actual = lines.length;
      const ok = (c.text.atLeast ? c.predicted >= actual : c.predicted === actual) && c.planned >= actual;
      if (c.predicted === actual) exact++;
      if (!ok) {
        rows.push(
          `${c.text.name.padEnd(36)} ${c.face.padEnd(8)} ${String(c.size).padStart(3)}pt ${String(c.boxWidth).padStart(4)}pt ${c.frame.placeholder ? 'placeholder' : 'text box'} ` +
            `predicted ${c.predicted} (planned ${c.planned}) LibreOffice ${actual}\n      ${lines.map((l) => l.text).join('\n      ')}`,
        );
      }
    });
    const fallback = cases
      .map((c, i) => ({ c, lo: visualLines(pages[i], c.size * 0.4).length }))
      .filter(({ c }) => c.text.atLeast)
      .map(({ c, lo }) => `${c.face} ${c.size}/${c.boxWidth}: ${c.predicted} vs ${lo}`);
    console.log(
      `LibreOffice agreement: ${exact}/${cases.length} cases exact, ${cases.length - rows.length}/${cases.length} pass`,
    );
    console.log(`Glyphs missing from the fonts (predicted vs LibreOffice): ${fallback.join('; ')}`);
    if (rows.length > 0) console.log(`Mismatches (text, face, size, box width):\n${rows.join('\n')}`);
    expect(rows, rows.join('\n')).toEqual([]);
  });

  it('predicts the text height: baseline span = (lines − 1) × pitch + paragraph gaps, never less', () => {
    const rows: string[] = [];
    cases.forEach((c, i) => {
      const lines = visualLines(pages[i], c.size * 0.4);
      if (lines.length !== c.predicted) return; // reported by the test above
      const span = lines[lines.length - 1].bottom - lines[0].bottom;
      const pitch = LINE_PITCH_EM * c.size * LINE_SPACING;
      const expected = (c.predicted - 1) * pitch + (c.text.paragraphs.length - 1) * PARA_SPACE;
      // The whole box: one more pitch for the first line, plus the insets.
      expect(c.predictedHeight).toBeCloseTo(expected + pitch + TEXT_INSETS.top + TEXT_INSETS.bottom, 6);
      // LibreOffice rounds each pitch down to 1/100 mm: never more than predicted, at most 0.1 % less.
      // Lines with mixed fonts (code, fallback glyphs) or link fields sit lower or higher: only "never more".
      const mixed = c.text.atLeast || c.text.paragraphs.some((para) => para.runs.some((r) => r.code || r.href));
      if (c.frame.autofit === 'shrink') {
        // A body placeholder refits its text (normAutofit): LibreOffice then sets the spacing itself (measured: up to
        // 0.3 % more, or a few % less where it shrinks link fields) and keeps the text inside the box; PowerPoint
        // draws it as planned until it is edited.
        if (span > expected * 1.005 + 0.3 || lines[lines.length - 1].bottom > c.frame.box.y + c.frame.box.h) {
          rows.push(
            `${c.text.name} ${c.face} ${c.size}pt ${c.boxWidth}pt placeholder: span ${span.toFixed(2)} expected ${expected.toFixed(2)}`,
          );
        }
        return;
      }
      if (span > expected + 0.3 || (!mixed && span < expected * 0.999 - 0.3)) {
        rows.push(
          `${c.text.name} ${c.face} ${c.size}pt ${c.boxWidth}pt: span ${span.toFixed(2)} expected ${expected.toFixed(2)}`,
        );
      }
    });
    expect(rows, rows.join('\n')).toEqual([]);
  });
});
