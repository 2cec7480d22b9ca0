import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportError } from '../model/errors.js';
import { pdfPageCount } from './pdf-info.js';
import { withoutNetwork } from './no-network.js';
import { requireTool, runTool } from './run-tool.js';

export interface PdfJob {
  slug: string;
  /** The .pptx to convert; its base name decides the PDF's name. */
  pptx: string;
  /** The path messages name (the published .pptx when `pptx` is a working copy). */
  shown?: string;
  /** Slides in the .pptx: the PDF must have exactly this many pages. */
  slides: number;
}

export type PdfResult = { slug: string; pdf: string; pages: number } | { slug: string; error: string };

let runs = 0;
/** How many LibreOffice processes this process has started (tests and benches read it). */
export const libreOfficeRuns = (): number => runs;

/**
 * Convert every job's .pptx to PDF with ONE LibreOffice process (start-up is
 * most of its cost) into `workDir`, with a profile of its own so parallel runs
 * never share one, and a timeout that kills the whole process group. Each PDF
 * is checked: LibreOffice exits 0 without writing anything when it cannot load
 * a file, and a page count that differs from the slide count is a failure too.
 */
export async function pptxToPdf(
  jobs: readonly PdfJob[],
  workDir: string,
  timeoutMs = 60_000 + 15_000 * jobs.length,
  /** Where the profile goes: the caller's per-run work folder, so a killed run leaves one folder, not two. */
  profileParent = os.tmpdir(),
): Promise<PdfResult[]> {
  if (jobs.length === 0) return [];
  requireTool('soffice');
  const profile = await mkdtemp(path.join(profileParent, 'briefdeck-lo-'));
  let r;
  try {
    runs++;
    const [cmd, ...prefix] = [...withoutNetwork(), 'soffice'];
    r = await runTool(
      cmd,
      [
        ...prefix,
        '--headless',
        '--norestore',
        '--nologo',
        '--nodefault',
        '--nolockcheck',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        workDir,
        ...jobs.map((j) => j.pptx),
      ],
      { timeoutMs },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  if (r.timedOut)
    throw new ExportError(
      'soffice-timeout',
      `LibreOffice did not finish converting ${jobs.length} deck(s) within ${Math.round(timeoutMs / 1000)} s and was stopped`,
    );
  const said = r.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/javaldx/.test(l))
    .join('; ');
  return Promise.all(
    jobs.map((job) => checkPdf(job, path.join(workDir, `${path.basename(job.pptx, '.pptx')}.pdf`), r.code, said)),
  );
}

async function checkPdf(job: PdfJob, pdf: string, code: number | null, said: string): Promise<PdfResult> {
  const size = await stat(pdf).then(
    (s) => s.size,
    () => -1,
  );
  if (size <= 0) {
    const why = said ? `it said \`${said}\`` : `exit status ${code}`;
    return {
      slug: job.slug,
      error: `LibreOffice wrote no PDF for \`${job.shown ?? job.pptx}\` (${why}); the .pptx may be corrupt: rebuild it with \`briefdeck build --force ${job.slug}\``,
    };
  }
  let pages: number;
  try {
    pages = await pdfPageCount(pdf);
  } catch (e) {
    return { slug: job.slug, error: (e as Error).message };
  }
  if (pages !== job.slides)
    return {
      slug: job.slug,
      error: `Unexpected ${pages} PDF pages from \`${job.shown ?? job.pptx}\`, expected ${job.slides} (one per slide)`,
    };
  return { slug: job.slug, pdf, pages };
}
