/**
 * The file a family without every style is measured with is the file
 * LibreOffice draws that style with: families made from Carlito with styles
 * left out are installed for LibreOffice alone (a private fontconfig file),
 * one line per family and style is rendered to PDF, and each line's width is
 * matched to the Carlito file whose widths it has.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pptxgen from 'pptxgenjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FONTS_DIR, VARIANTS, type FontVariant } from '../../src/measure/font-files.js';
import { resolveFace } from '../../src/measure/font-resolution.js';
import { openFont } from '../../src/measure/font-set.js';
import { gridWidth } from '../../src/measure/layout-grid.js';
import { shapeText } from '../../src/measure/shape.js';
import { renamedFont, shippedFont } from '../helpers/fonts.js';
import { haveTools } from '../helpers/tools.js';
import { pdfWords, pptxToPdfs } from './lo.js';
import { pptxgenjsZip } from '../helpers/pptxgenjs-zip.js';

const CARLITO: Record<FontVariant, string> = {
  regular: 'Carlito-Regular.ttf',
  bold: 'Carlito-Bold.ttf',
  italic: 'Carlito-Italic.ttf',
  boldItalic: 'Carlito-BoldItalic.ttf',
};
const STYLE: Record<FontVariant, string> = {
  regular: 'Regular',
  bold: 'Bold',
  italic: 'Italic',
  boldItalic: 'Bold Italic',
};
/** Families named for the styles they have. */
const FAMILIES: Record<string, FontVariant[]> = {
  'Bdk Synth RBI': ['regular', 'bold', 'italic'],
  'Bdk Synth RBbi': ['regular', 'boldItalic'],
  'Bdk Synth BI': ['bold', 'italic'],
  'Bdk Synth R': ['regular'],
};
/**
 * Rich in g and a, whose widths differ most between Carlito's styles: the four files place the last word 6.7 pt or more
 * apart.
 */
const TEXT = 'Gaga saga: a gala baggage, a gag, a gap';
const SIZE = 24;

describe.runIf(haveTools('soffice', 'pdftotext'))('styles a family lacks, as LibreOffice draws them', () => {
  let root = '';
  let fonts = '';
  const cases = Object.keys(FAMILIES).flatMap((family) => VARIANTS.map((variant) => ({ family, variant })));
  let widths: number[] = [];
  const saved = process.env.FONTCONFIG_FILE;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'briefdeck-lo-fonts-'));
    fonts = path.join(root, 'fonts');
    mkdirSync(fonts);
    for (const [family, styles] of Object.entries(FAMILIES)) {
      for (const v of styles)
        writeFileSync(
          path.join(fonts, `${family.replace(/ /g, '')}-${v}.ttf`),
          renamedFont(shippedFont(CARLITO[v]), family, STYLE[v]),
        );
    }
    const conf = path.join(root, 'fonts.conf');
    writeFileSync(
      conf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${path.join(root, 'cache')}</cachedir></fontconfig>\n`,
    );
    const p = new pptxgen();
    p.layout = 'LAYOUT_WIDE';
    for (const c of cases) {
      p.addSlide().addText(TEXT, {
        x: 0.2,
        y: 0.2,
        w: 12.9,
        h: 1,
        fontFace: c.family,
        fontSize: SIZE,
        bold: c.variant.startsWith('bold'),
        italic: c.variant.endsWith('talic'),
        margin: 0,
        valign: 'top',
      });
    }
    const pptx = path.join(root, 'styles.pptx');
    writeFileSync(pptx, Buffer.from(await pptxgenjsZip(p)));
    process.env.FONTCONFIG_FILE = conf; // LibreOffice alone sees these families
    try {
      const [pdf] = pptxToPdfs([pptx], root);
      // Where the last word starts: the sum of the advances before it, free of how the PDF boxes a glyph's ink.
      widths = pdfWords(pdf).map(
        (words) => Math.max(...words.map((w) => w.xMin)) - Math.min(...words.map((w) => w.xMin)),
      );
    } finally {
      if (saved === undefined) delete process.env.FONTCONFIG_FILE;
      else process.env.FONTCONFIG_FILE = saved;
    }
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('draws each style with the file resolveFace measures it with', () => {
    expect(widths).toHaveLength(cases.length);
    // Each line's advance is closest to that of the Carlito file LibreOffice drew it with (TEXT keeps the four files
    // far apart, LibreOffice and our grid agree to a fraction of a point).
    const carlito = VARIANTS.map((v) => ({ v, w: widthOf(shippedPath(CARLITO[v])) }));
    const drawn = cases.map(
      (c, i) =>
        `${c.family} ${c.variant}: ${carlito.reduce((a, b) => (Math.abs(b.w - widths[i]) < Math.abs(a.w - widths[i]) ? b : a)).v}`,
    );
    const files = cases.map((c) => resolveFace(c.family, { fontsDirs: [fonts], system: false })!.files[c.variant].file);
    const measured = cases.map(
      (c, i) => `${c.family} ${c.variant}: ${VARIANTS.find((v) => files[i].endsWith(`-${v}.ttf`))}`,
    );
    expect(drawn).toEqual(measured);
    // and a synthesised style keeps the borrowed file's advances: the line measures as that file predicts
    cases.forEach((c, i) =>
      expect(Math.abs(widths[i] - widthOf(files[i])), `${c.family} ${c.variant}`).toBeLessThan(1),
    ); // emboldening that widened each glyph by one 600-dpi pixel would add about 4 pt
  });
});

const shippedPath = (name: string) => path.join(DEFAULT_FONTS_DIR, name);
/**
 * Where the last word starts as LibreOffice lays the line out (each advance on its 600-dpi grid), the way measureFrame
 * prices it.
 */
const widthOf = (file: string) => {
  const s = shapeText(openFont(file), TEXT);
  const last = TEXT.lastIndexOf(' ') + 1;
  return gridWidth(
    s.advances.filter((_, g) => s.clusters[g] < last),
    s.unitsPerEm,
    SIZE,
  );
};
