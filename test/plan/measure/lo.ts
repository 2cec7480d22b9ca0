/**
 * LibreOffice + poppler helpers for the measurement tests: convert .pptx to
 * PDF with `soffice`, and read text positions back with `pdftotext -bbox-layout`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { normalizePptx } from '../../../src/render/post-pass.js';

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

export { pdfWords, type PdfWord } from '../../helpers/pdf.js';
import type { PdfWord } from '../../helpers/pdf.js';

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
  // The production post-pass, so these tests measure what briefdeck writes.
  return Buffer.from(await normalizePptx(pptx, '2020-01-01T00:00:00Z'));
}
