/**
 * LibreOffice + poppler helpers for the measurement tests: convert .pptx to
 * PDF with `soffice`, and read text positions back with `pdftotext -bbox-layout`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const INSTALL_HINT =
  'apt-get install -y libreoffice-impress poppler-utils fonts-crosextra-carlito fonts-liberation2';

export const onPath = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Missing tools, or an empty list when LibreOffice and pdftotext are both available. */
export const missingTools = (): string[] => ['soffice', 'pdftotext'].filter((c) => !onPath(c));

/**
 * Converts `pptx` to a PDF in `outDir` with one soffice process and a private,
 * throw-away profile (two soffice runs sharing a profile fail silently).
 */
export function pptxToPdf(pptx: string, outDir: string, timeoutMs = 110_000): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-measure-'));
  try {
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, pptx],
      { stdio: 'pipe', timeout: timeoutMs },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(pptx).replace(/\.pptx$/i, '.pdf'));
}

export interface PdfWord {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Words per page, from `pdftotext -bbox-layout`. */
export function pdfWords(pdf: string): PdfWord[][] {
  const html = join(mkdtempSync(join(tmpdir(), 'pdftotext-')), 'out.html');
  try {
    execFileSync('pdftotext', ['-bbox-layout', pdf, html], { stdio: 'pipe' });
    const pages = readFileSync(html, 'utf8').split(/<page /).slice(1);
    return pages.map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: +m[1],
        yMin: +m[2],
        xMax: +m[3],
        yMax: +m[4],
        text: decode(m[5]),
      })),
    );
  } finally {
    rmSync(join(html, '..'), { recursive: true, force: true });
  }
}

/** A visual line: words whose bottoms lie within `tolerance` points of each other. */
export interface VisualLine {
  /** Largest `yMax` of its words (the bottom of the descenders). */
  bottom: number;
  text: string;
}

/** Groups a page's words into visual lines, top to bottom. */
export function visualLines(words: readonly PdfWord[], tolerance: number): VisualLine[] {
  const sorted = [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const lines: { bottom: number; words: PdfWord[] }[] = [];
  for (const w of sorted) {
    const last = lines[lines.length - 1];
    if (last && w.yMax - last.words[0].yMax <= tolerance) {
      last.words.push(w);
      last.bottom = Math.max(last.bottom, w.yMax);
    } else {
      lines.push({ bottom: w.yMax, words: [w] });
    }
  }
  return lines.map((l) => ({
    bottom: l.bottom,
    text: l.words
      .sort((a, b) => a.xMin - b.xMin)
      .map((w) => w.text)
      .join(' '),
  }));
}

/**
 * pptxgenjs 4.0.1 writes an `<a:pPr>` before every later run of a formatted
 * paragraph (invalid DrawingML; LibreOffice then applies the last one, so a
 * bullet paragraph whose first run is bold loses its bullet and indent). Keeps
 * only the first `<a:pPr>` of each paragraph, as the renderer does.
 */
export async function keepFirstParagraphProps(pptx: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(pptx);
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const fixed = xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_p, body: string) => {
      let seen = false;
      const kept = body.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr) => (seen ? '' : ((seen = true), pPr)));
      return `<a:p>${kept}</a:p>`;
    });
    zip.file(name, fixed);
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}
