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
import pptxgen from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/model/article.js';
import { createFontBook, DEFAULT_INSETS, pptxMargin, textBoxHeight, wrapRuns } from '../../../src/plan/measure/index.js';
import { haveTools } from '../../helpers/tools.js';
import { keepFirstParagraphProps, pdfWords, pptxToPdfs, visualLines } from './lo.js';

const enabled = !!process.env.MEASURE_STRESS && haveTools('soffice', 'pdftotext');

describe.skipIf(!enabled)('LibreOffice stress', () => {
  it('never predicts fewer lines than LibreOffice', async () => {
    let seed = Number(process.env.SEED ?? 1);
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = readFileSync(new URL('../../fixtures/measure/corpus.txt', import.meta.url), 'utf8').split(/\s+/).filter(Boolean);
    const extra = ['well-known', 'state-of-the-art', '--theme', 'https://example.com/a/b', 'Supercalifragilistic', 'COVID-19', '2020–2021', 'approach—proven', 'and/or'];
    const book = createFontBook();
    const dir = mkdtempSync(join(tmpdir(), 'measure-stress-'));
    const pptx = new pptxgen();
    pptx.defineLayout({ name: 'TALL', width: 13.333, height: 20 });
    pptx.layout = 'TALL';
    const cases: { face: string; size: number; w: number; pred: number; planned: number; runs: Run[] }[] = [];
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
      const o = { boxWidthPt: w, sizePt: size, face, monoFace: 'Courier New', book };
      const pred = textBoxHeight([{ runs }], { ...o, links: 'fields' }).lineCounts[0]; // as LibreOffice wraps links
      const planned = textBoxHeight([{ runs }], o).lineCounts[0];
      cases.push({ face, size, w, pred, planned, runs });
      pptx.addSlide().addText(
        runs.map((r) => ({
          text: r.text,
          options: { bold: r.bold, italic: r.italic, fontFace: r.code ? 'Courier New' : face, ...(r.href ? { hyperlink: { url: r.href } } : {}) },
        })),
        { x: 0.2, y: 0.2, w: w / 72, h: 19, fontFace: face, fontSize: size, margin: pptxMargin(DEFAULT_INSETS), valign: 'top' },
      );
    }
    const file = join(dir, 'stress.pptx');
    writeFileSync(file, await keepFirstParagraphProps((await pptx.write({ outputType: 'nodebuffer' })) as Buffer));
    const pages = pdfWords(pptxToPdfs([file], dir, 600_000)[0]);
    rmSync(dir, { recursive: true, force: true });
    let exact = 0;
    let over = 0;
    let clipped = 0;
    const under: string[] = [];
    cases.forEach((c, i) => {
      const lo = visualLines(pages[i], c.size * 0.4);
      if (Math.max(lo.length, c.pred) * c.size * 1.2 > 1330) return void clipped++; // runs off the 20-in page
      if (lo.length === c.pred && c.planned >= lo.length) return void exact++;
      const detail =
        `${c.face} ${c.size}pt box ${c.w}pt: predicted ${c.pred}, LibreOffice ${lo.length}\n` +
        `  ours: ${wrapRuns(c.runs, { widthPt: c.w - 14.4, sizePt: c.size, face: c.face, monoFace: 'Courier New', book, links: 'fields' }).map((l) => l.text).join(' | ')}\n` +
        `  LO:   ${lo.map((l) => l.text).join(' | ')}\n` +
        `  links: ${c.runs.filter((r) => r.href).map((r) => JSON.stringify(r.text)).join(' ')}`;
      if (c.pred > lo.length) over++;
      else under.push(detail);
      if (c.planned < lo.length) under.push(`planned ${c.planned}: ${detail}`);
      console.log(detail);
    });
    console.log(`stress: exact ${exact}/${cases.length - clipped}, over ${over}, under ${under.length} (${clipped} ran off the page)`);
    expect(under).toEqual([]);
  }, 600_000);
});
