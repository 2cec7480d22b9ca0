import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeXmlText } from './xml.js';

/**
 * Convert .pptx files to PDFs in `outDir` with one soffice process and a
 * private, throw-away profile (two soffice runs sharing a profile fail
 * silently). Returns the PDF paths, in order.
 */
export function pptxToPdfs(pptxFiles: readonly string[], outDir: string, timeoutMs = 170_000): string[] {
  return convertWithLibreOffice(pptxFiles, outDir, 'pdf', timeoutMs);
}

/**
 * `soffice --convert-to <format>` of several files in one process with a
 * throw-away profile; the output paths, in order. soffice exits 0 when it
 * cannot load a file and writes nothing, so every output is checked and a
 * missing one throws with what soffice said.
 */
export function convertWithLibreOffice(
  files: readonly string[],
  outDir: string,
  format: string,
  timeoutMs = 170_000,
): string[] {
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-test-'));
  let r;
  try {
    r = spawnSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        format,
        '--outdir',
        outDir,
        ...files,
      ],
      {
        encoding: 'utf8',
        timeout: timeoutMs,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const outputs = files.map((f) =>
    path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, '')}.${format.split(':')[0]}`),
  );
  const missing = outputs.filter((o) => !existsSync(o) || statSync(o).size === 0);
  if (r.error || r.status !== 0 || missing.length > 0)
    throw new Error(
      `soffice --convert-to ${format} failed (${r.error?.message ?? `exit ${r.status}`}${missing.length ? `; no ${missing.map((m) => path.basename(m)).join(', ')}` : ''}): ${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim()}`,
    );
  return outputs;
}

export interface PdfWord {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Words with their boxes (points, origin top left), per page, from `pdftotext -bbox-layout`. */
export function pdfWords(pdf: string): PdfWord[][] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdftotext-'));
  try {
    const html = path.join(dir, 'out.html');
    execFileSync('pdftotext', ['-bbox-layout', pdf, html], { stdio: 'pipe' });
    return readFileSync(html, 'utf8')
      .split(/<page /)
      .slice(1)
      .map((page) =>
        [
          ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
        ].map((m) => ({
          xMin: +m[1],
          yMin: +m[2],
          xMax: +m[3],
          yMax: +m[4],
          text: decodeXmlText(m[5]),
        })),
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Two words drawn over each other. pdftotext's boxes span the font's whole
 * bounding box (about 1.3 em), so lines at normal spacing touch; compare the
 * middle 40% of each box, which only text drawn on top of other text shares.
 */
export function overlapping(p: PdfWord, q: PdfWord): boolean {
  const core = (w: PdfWord) => {
    const h = w.yMax - w.yMin;
    return { top: w.yMin + 0.3 * h, bottom: w.yMax - 0.3 * h };
  };
  const a = core(p);
  const b = core(q);
  const ix = Math.min(p.xMax, q.xMax) - Math.max(p.xMin, q.xMin);
  const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return ix > 0.5 && iy > 0;
}
