import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { ExportError } from '../model/errors.js';
import { requireTool, runTool } from './run-tool.js';

export const THUMB_WIDTH = 1280;

/**
 * Render every page of `pdf` as a PNG `THUMB_WIDTH` px wide into `dir`, named
 * `01.png`, `02.png`… (three digits from 100 pages). Returns the files in page order.
 */
export async function pdfToPngs(pdf: string, dir: string, pages: number): Promise<string[]> {
  requireTool('pdftoppm');
  await mkdir(dir, { recursive: true });
  const r = await runTool(
    'pdftoppm',
    ['-png', '-scale-to-x', String(THUMB_WIDTH), '-scale-to-y', '-1', pdf, path.join(dir, 'page')],
    { timeoutMs: 30_000 + 2_000 * pages },
  );
  if (r.code !== 0 || r.timedOut)
    throw new ExportError(
      'pdftoppm-failed',
      `pdftoppm could not render \`${pdf}\`: ${r.timedOut ? 'timed out' : r.stderr.trim() || `exit ${r.code}`}`,
    );
  // pdftoppm pads page numbers to the width of the page count (page-1 or page-01).
  const made = (await readdir(dir))
    .map((f) => ({ f, n: Number(/^page-(\d+)\.png$/.exec(f)?.[1]) }))
    .filter((x) => Number.isInteger(x.n) && x.n > 0)
    .sort((a, b) => a.n - b.n);
  if (made.length !== pages)
    throw new ExportError('pdftoppm-failed', `Unexpected ${made.length} images from \`${pdf}\`, expected ${pages}`);
  const width = Math.max(2, String(pages).length);
  const files: string[] = [];
  for (const { f, n } of made) {
    const to = path.join(dir, `${String(n).padStart(width, '0')}.png`);
    await rename(path.join(dir, f), to);
    files.push(to);
  }
  return files;
}
