import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfToPngs } from '../../src/export/pdf-to-pngs.js';
import { haveTools } from '../helpers/tools.js';

/** A minimal valid PDF with `pages` blank 16:9 pages (960×540 pt, as LibreOffice writes slides). */
function blankPdf(pages: number): string {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ')}] >>`,
  ];
  for (let i = 0; i < pages; i++) objs.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] >>');
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${pdf}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

describe.runIf(haveTools('pdftoppm'))('pdfToPngs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-pngs-'));
    await writeFile(path.join(dir, 'three.pdf'), blankPdf(3));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names pages 01.png… even when pdftoppm writes page-1.png (under 10 pages), 1280 px wide', async () => {
    const files = await pdfToPngs(path.join(dir, 'three.pdf'), path.join(dir, 'out'), 3);
    expect(files.map((f) => path.basename(f))).toEqual(['01.png', '02.png', '03.png']);
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['01.png', '02.png', '03.png']);
    const m = await sharp(files[0]).metadata();
    expect([m.width, m.height]).toEqual([1280, 720]);
  });

  it('a page count other than the slide count is an error, not a silent short set', async () => {
    await expect(pdfToPngs(path.join(dir, 'three.pdf'), path.join(dir, 'out4'), 4)).rejects.toThrow(
      /Unexpected 3 images from `.*three\.pdf`, expected 4/,
    );
  });
});
