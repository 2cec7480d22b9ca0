/**
 * The export pipeline on the two content decks, read back as users see it:
 * PDFs (pages, text order), thumbnails, contact sheets, the incremental skip,
 * and a deck LibreOffice cannot load. Three LibreOffice runs in all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { editZip } from '../../src/util/zip.js';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type DeckOptions } from '../../src/build.js';
import { sheetSize, SHEET } from '../../src/export/contact-sheet.js';
import { exportDecks, type ExportOutcome } from '../../src/export/export-decks.js';
import { readExportState } from '../../src/export/export-state.js';
import { libreOfficeRuns } from '../../src/export/pptx-to-pdf.js';
import { ROOT } from '../helpers/cli.js';
import { readPptx } from '../helpers/pptx.js';
import { haveTools } from '../helpers/tools.js';

const DECKS = ['russia-north-korea-treaty', 'us-policy-response'];
const tools = haveTools('soffice', 'pdftoppm', 'pdfinfo', 'pdftotext');

describe.runIf(tools)('exportDecks on the content decks', () => {
  let out: string;
  let opts: DeckOptions;
  let first: ExportOutcome[];
  const titles = new Map<string, string[]>();

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-export-'));
    opts = {
      contentDir: path.join(ROOT, 'test', 'fixtures', 'decks'),
      themesDir: path.join(ROOT, 'themes'),
      outDir: out,
    };
    for (const slug of DECKS) {
      const built = await buildDeck(slug, opts);
      expect(built.file, `${slug} builds`).toBeTruthy();
      titles.set(
        slug,
        (await readPptx(built.pptx!)).slides.map((s) => s.title ?? ''),
      );
    }
    first = await exportDecks(DECKS, opts, { pdf: true, png: true });
  }, 120_000);
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('exports every deck without errors', () => {
    expect(first.map((o) => [o.slug, o.error, o.skipped])).toEqual(DECKS.map((s) => [s, undefined, false]));
  });

  it.each(DECKS)('%s: the PDF has one page per slide, in slide order', (slug) => {
    const pdf = path.join(out, `${slug}.pdf`);
    const slideTitles = titles.get(slug)!;
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(slideTitles.length);
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    slideTitles.forEach((title, i) => {
      if (title) expect(squash(pages[i]), `page ${i + 1}`).toContain(squash(title).slice(0, 30));
    });
  });

  it.each(DECKS)('%s: a 1280 px wide PNG for every slide, named 01.png, 02.png…', async (slug) => {
    const count = titles.get(slug)!.length;
    const pngs = first.find((o) => o.slug === slug)!.pngs!;
    expect(pngs.map((p) => path.relative(out, p))).toEqual(
      Array.from({ length: count }, (_, i) => `${slug}/slides/${String(i + 1).padStart(2, '0')}.png`),
    );
    for (const p of pngs) {
      const m = await sharp(p).metadata();
      expect([m.format, m.width]).toEqual(['png', 1280]);
      expect(m.height).toBe(720); // 16:9 slides
    }
  });

  it.each(DECKS)('%s: the contact sheet is a 3-column grid, 1200 px wide', async (slug) => {
    const count = titles.get(slug)!.length;
    const m = await sharp(path.join(out, slug, 'contact-sheet.png')).metadata();
    const rows = Math.ceil(count / SHEET.columns);
    const thumbWidth = Math.floor((1200 - 16 * 4) / 3); // 378
    const thumbHeight = Math.round((thumbWidth * 9) / 16); // 213
    expect({ width: m.width, height: m.height }).toEqual({ width: 1200, height: 16 + rows * (thumbHeight + 28 + 16) });
    expect(sheetSize(count, 1280, 720)).toMatchObject({ width: m.width, height: m.height, thumbWidth, thumbHeight });
  });

  it('the contact sheet shows the slides: its first cell matches a downscaled slide 1', async () => {
    const slug = DECKS[1];
    const { thumbWidth, thumbHeight } = sheetSize(15, 1280, 720);
    const cell = await sharp(path.join(out, slug, 'contact-sheet.png'))
      .extract({ left: 16, top: 16, width: thumbWidth, height: thumbHeight })
      .removeAlpha()
      .raw()
      .toBuffer();
    const slide = await sharp(path.join(out, slug, 'slides', '01.png'))
      .resize(thumbWidth, thumbHeight, { fit: 'fill' })
      .removeAlpha()
      .raw()
      .toBuffer();
    let diff = 0;
    for (let i = 0; i < cell.length; i++) diff += Math.abs(cell[i] - slide[i]);
    expect(diff / cell.length).toBeLessThan(12); // mean absolute difference per channel, 0–255
  });

  it('records the .pptx hash per deck in output/<deck>/export.json', async () => {
    for (const slug of DECKS) {
      const state = await readExportState(out, slug);
      const sha = execFileSync('sha256sum', [path.join(out, `${slug}.pptx`)], { encoding: 'utf8' }).split(' ')[0];
      expect(state?.pdf?.pptxSha256).toBe(sha);
      expect(state?.png?.pptxSha256).toBe(sha);
    }
  });

  it('a second export of unchanged decks does no LibreOffice work and rewrites nothing', async () => {
    const before = await Promise.all(DECKS.map((s) => fileId(path.join(out, `${s}.pdf`))));
    const sheets = await Promise.all(DECKS.map((s) => fileId(path.join(out, s, 'contact-sheet.png'))));
    const runs = libreOfficeRuns();
    const again = await exportDecks(DECKS, opts, { pdf: true, png: true });
    expect(libreOfficeRuns()).toBe(runs);
    expect(again.map((o) => [o.slug, o.skipped, o.error])).toEqual(DECKS.map((s) => [s, true, undefined]));
    expect(await Promise.all(DECKS.map((s) => fileId(path.join(out, `${s}.pdf`))))).toEqual(before);
    expect(await Promise.all(DECKS.map((s) => fileId(path.join(out, s, 'contact-sheet.png'))))).toEqual(sheets);
  });

  it('--png alone (forced) redraws thumbnails from a fresh conversion without publishing a PDF nobody asked for', async () => {
    const slug = DECKS[0];
    const pdfBefore = await fileId(path.join(out, `${slug}.pdf`));
    const sheetBefore = await fileId(path.join(out, slug, 'contact-sheet.png'));
    const runs = libreOfficeRuns();
    const [r] = await exportDecks([slug], opts, { pdf: false, png: true, force: true });
    expect(r).toMatchObject({ skipped: false, converted: true });
    expect(r.error).toBeUndefined();
    expect(libreOfficeRuns()).toBe(runs + 1);
    expect(await fileId(path.join(out, `${slug}.pdf`))).toEqual(pdfBefore);
    expect(await fileId(path.join(out, slug, 'contact-sheet.png'))).not.toEqual(sheetBefore);
    expect(r.pngs).toHaveLength(titles.get(slug)!.length);
  });

  it('a deck LibreOffice cannot load fails clearly, keeps its earlier exports, and does not stop the other deck', async () => {
    const [good, bad] = DECKS;
    const pdf = path.join(out, `${bad}.pdf`);
    const pdfBefore = await readFile(pdf);
    const pngBefore = await readFile(path.join(out, bad, 'slides', '01.png'));
    // A readable zip with the right slide parts, but a presentation.xml LibreOffice cannot parse.
    await writeFile(
      path.join(out, `${bad}.pptx`),
      editZip(await readFile(path.join(out, `${bad}.pptx`)), { 'ppt/presentation.xml': () => 'this is not XML <<<' }),
    );
    const runs = libreOfficeRuns();

    const r = await exportDecks(DECKS, opts, { pdf: true, png: true });

    expect(libreOfficeRuns()).toBe(runs + 1);
    const failed = r.find((o) => o.slug === bad)!;
    expect(failed.error).toContain(`LibreOffice wrote no PDF for \`${path.join(out, `${bad}.pptx`)}\``);
    expect(failed.error).toMatch(/briefdeck build --force us-policy-response/);
    expect(r.find((o) => o.slug === good)).toMatchObject({ skipped: true });
    expect(r.find((o) => o.slug === good)?.error).toBeUndefined();
    expect((await readFile(pdf)).equals(pdfBefore)).toBe(true);
    expect((await readFile(path.join(out, bad, 'slides', '01.png'))).equals(pngBefore)).toBe(true);
    // The gallery still shows the earlier exports, and says they are from an earlier build.
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    const card = html.slice(html.indexOf(`<article id="${bad}">`));
    expect(card).toContain(`href="${bad}.pdf"`);
    expect(card).toContain('from an earlier build');
    expect(html.slice(html.indexOf(`<article id="${good}">`), html.indexOf(`<article id="${bad}">`))).not.toContain(
      'earlier build',
    );
    // Nothing half-made is left behind in the output folder.
    expect((await readdir(out)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a file that is not a .pptx at all fails before LibreOffice, with the fix', async () => {
    await writeFile(path.join(out, 'us-policy-response.pptx'), 'not a zip');
    const runs = libreOfficeRuns();
    const [r] = await exportDecks(['us-policy-response'], opts, { pdf: true, png: false });
    expect(libreOfficeRuns()).toBe(runs);
    expect(r.error).toMatch(
      /^Unreadable deck `.*us-policy-response\.pptx`, expected a \.pptx \(zip\) file.*briefdeck build --force/,
    );
  });
});

async function fileId(f: string) {
  const s = await stat(f);
  return { ino: s.ino, mtimeMs: s.mtimeMs, size: s.size };
}
