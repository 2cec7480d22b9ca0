import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DeckOptions } from '../model/deck-options.js';
import { ExportError, isUserError } from '../model/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { removeAtExit } from '../util/exit-cleanup.js';
import { assertNoLink, mkdirNoFollow } from '../util/no-follow.js';
import { processAlive, selfIdentity } from '../util/process-identity.js';
import { faultPoint } from '../util/fault-seam.js';
import { internalErrorOf, type InternalError } from '../util/internal-error.js';
import { ioCause, isIoError } from '../util/io-error.js';
import { contactSheet } from './contact-sheet.js';
import { deckDir, readExportState, writeExportState, type ExportState } from './export-state.js';
import { writeGallery } from './gallery.js';
import { pdfToPngs } from './pdf-to-pngs.js';
import { sha256 } from '../util/hash.js';
import { pptxSlideCount } from './pptx-info.js';
import { pptxToPdf, type PdfJob, type PdfResult } from './pptx-to-pdf.js';

export interface ExportOptions {
  pdf: boolean;
  png: boolean;
  /** Export again even when the .pptx did not change. */
  force?: boolean;
  /** Warnings per deck from the build that made the .pptx, shown in the gallery. */
  warnings?: Readonly<Record<string, number>>;
  /** LibreOffice time limit for the whole batch (default 60 s + 15 s per deck). */
  timeoutMs?: number;
  /** Called as each step starts, for a progress line. */
  onStep?: (s: ExportStep) => void;
}

/** The steps of an export: one LibreOffice run for every PDF, then thumbnails deck by deck, then the gallery. */
export type ExportStep =
  | { step: 'pdf'; decks: readonly string[] }
  | { step: 'thumbnails'; slug: string; done: number; total: number }
  | { step: 'gallery' };

export interface ExportOutcome {
  slug: string;
  /** True when the .pptx was unchanged since the last export and nothing was redone. */
  skipped: boolean;
  pdf?: string;
  pngs?: string[];
  contactSheet?: string;
  error?: string;
  /** True when LibreOffice converted this deck in this run. */
  converted?: boolean;
  /** An unexpected exception (a bug in briefdeck) while exporting this deck; its previous export is intact. */
  internal?: InternalError;
}

const WORK_PREFIX = '.export-';
/** Older work folders were left by a run that was killed (a live run finishes well within this). */
const ABANDONED_MS = 60 * 60 * 1000;

/** One deck's plan: what is stale, decided by the .pptx's sha256. */
interface Plan {
  slug: string;
  bytes: Uint8Array;
  hash: string;
  slides: number;
  state?: ExportState;
  doPdf: boolean;
  doPng: boolean;
  convert: boolean;
}

/**
 * Export built decks: PDF through one LibreOffice process, PNG thumbnails
 * with pdftoppm, a contact sheet with sharp, then rewrite `index.html`.
 * New files are made in a temporary folder inside the output folder and
 * renamed into place, so a failed export leaves the previous one intact.
 * A deck that fails is reported in its outcome; the others continue.
 */
export async function exportDecks(
  slugs: readonly string[],
  opts: DeckOptions,
  e: ExportOptions,
): Promise<ExportOutcome[]> {
  if (!e.pdf && !e.png) return [];
  const outcomes = new Map<string, ExportOutcome>();
  const plans: Plan[] = [];
  for (const slug of new Set(slugs)) {
    try {
      plans.push(await planDeck(slug, opts.outDir, e));
    } catch (err) {
      outcomes.set(slug, failed(slug, err));
    }
  }
  let work: string;
  try {
    await mkdir(opts.outDir, { recursive: true });
    await removeAbandonedWork(opts.outDir);
    // One work folder per run, named after this process, holding the LibreOffice profile too: removed in `finally`,
    // at exit and on signals, and after kill -9 by the next run, which finds its process gone.
    const me = selfIdentity();
    work = await mkdtemp(path.join(opts.outDir, `${WORK_PREFIX}${me.pid}.${me.start ?? '0'}-`));
  } catch (err) {
    if (!isIoError(err)) throw err;
    throw new ExportError('export-unwritable', `Cannot export into \`${opts.outDir}\`: ${ioCause(err)}`);
  }
  const forget = removeAtExit(work);
  try {
    const toConvert = plans.filter((p) => p.convert);
    // Convert a copy of the very bytes that were hashed, so a build that rewrites
    // the .pptx meanwhile cannot pair a new PDF with the old hash.
    await mkdir(path.join(work, 'src'));
    const jobs: PdfJob[] = [];
    for (const p of toConvert) {
      const copy = path.join(work, 'src', `${p.slug}.pptx`);
      await writeFile(copy, p.bytes);
      jobs.push({ slug: p.slug, pptx: copy, shown: path.join(opts.outDir, `${p.slug}.pptx`), slides: p.slides });
    }
    if (jobs.length > 0) e.onStep?.({ step: 'pdf', decks: jobs.map((j) => j.slug) });
    const pdfs = new Map((await convertAll(jobs, work, e.timeoutMs)).map((r) => [r.slug, r]));
    // Thumbnails are CPU-bound (pdftoppm, sharp): one deck per core at a time.
    let done = 0;
    await eachLimited(plans, os.availableParallelism(), async (p) => {
      e.onStep?.({ step: 'thumbnails', slug: p.slug, done: done++, total: plans.length });
      try {
        faultPoint('export', p.slug);
        outcomes.set(p.slug, await finishDeck(p, opts.outDir, work, pdfs.get(p.slug), e));
      } catch (err) {
        outcomes.set(p.slug, failed(p.slug, err));
      }
    });
  } finally {
    await rm(work, { recursive: true, force: true });
    forget();
  }
  e.onStep?.({ step: 'gallery' });
  try {
    await writeGallery(opts.outDir);
  } catch (err) {
    if (!isIoError(err)) throw err;
    throw new ExportError(
      'gallery-unwritable',
      `Cannot write the gallery \`${path.join(opts.outDir, 'index.html')}\`: ${ioCause(err)}`,
    );
  }
  return slugs.map((s) => outcomes.get(s)!);
}

/** pptxToPdf, with a timeout reported against every deck of the batch (a missing soffice still stops the run). */
async function convertAll(jobs: PdfJob[], work: string, timeoutMs?: number): Promise<PdfResult[]> {
  try {
    return await pptxToPdf(jobs, path.join(work, 'pdf'), timeoutMs, work);
  } catch (err) {
    if (err instanceof ExportError && err.code === 'soffice-timeout')
      return jobs.map((j) => ({ slug: j.slug, error: err.message }));
    throw err;
  }
}

async function planDeck(slug: string, outDir: string, e: ExportOptions): Promise<Plan> {
  const pptx = path.join(outDir, `${slug}.pptx`);
  const bytes = await readFile(pptx).catch(() => {
    throw new ExportError(
      'pptx-missing',
      `Missing \`${pptx}\`, expected a built deck: run \`briefdeck build ${slug}\` first`,
    );
  });
  const hash = sha256(bytes);
  const slides = await pptxSlideCount(bytes, pptx);
  const state = await readExportState(outDir, slug);
  const pdfStale = !!e.force || state?.pdf?.pptxSha256 !== hash || !(await exists(path.join(outDir, state.pdf.file)));
  const pngStale =
    !!e.force ||
    state?.png?.pptxSha256 !== hash ||
    !(await allExist([state.png.contactSheet, ...state.png.files].map((f) => path.join(outDir, f))));
  const doPdf = e.pdf && pdfStale;
  const doPng = e.png && pngStale;
  // Thumbnails are drawn from a PDF: reuse the published one when it is current.
  return { slug, bytes, hash, slides, state, doPdf, doPng, convert: doPdf || (doPng && pdfStale) };
}

async function finishDeck(
  p: Plan,
  outDir: string,
  work: string,
  made: PdfResult | undefined,
  e: ExportOptions,
): Promise<ExportOutcome> {
  const now = new Date().toISOString();
  const pdfOut = path.join(outDir, `${p.slug}.pdf`);
  const state: ExportState = { version: 1, slides: p.slides, pdf: p.state?.pdf, png: p.state?.png };
  const warnings =
    e.warnings?.[p.slug] ??
    (p.state?.pdf?.pptxSha256 === p.hash || p.state?.png?.pptxSha256 === p.hash ? p.state?.warnings : undefined);
  if (warnings !== undefined) state.warnings = warnings;
  if (!p.doPdf && !p.doPng) return { slug: p.slug, skipped: true, ...published(outDir, state) };
  if (made && 'error' in made) return { slug: p.slug, skipped: false, error: made.error };
  // The PDF is published (and recorded) first, so a thumbnail failure does not throw away a good PDF.
  if (p.doPdf) {
    await assertNoLink(pdfOut);
    await rename(made!.pdf, pdfOut);
    state.pdf = { pptxSha256: p.hash, file: `${p.slug}.pdf`, pages: p.slides, exportedAt: now };
    await writeExportState(outDir, p.slug, state);
  }
  if (p.doPng) {
    const slidesTmp = path.join(work, `${p.slug}-slides`);
    const pngs = await pdfToPngs(p.doPdf || !made ? pdfOut : made.pdf, slidesTmp, p.slides);
    const sheet = await contactSheet(pngs);
    const dir = deckDir(outDir, p.slug);
    await swapDir(slidesTmp, path.join(dir, 'slides'), path.join(work, `${p.slug}-old-slides`));
    await writeFileAtomic(path.join(dir, 'contact-sheet.png'), sheet);
    const rel = (f: string) => `${p.slug}/${f}`;
    state.png = {
      pptxSha256: p.hash,
      files: pngs.map((f) => rel(`slides/${path.basename(f)}`)),
      contactSheet: rel('contact-sheet.png'),
      exportedAt: now,
    };
    await writeExportState(outDir, p.slug, state);
  }
  return { slug: p.slug, skipped: false, converted: !!made, ...published(outDir, state) };
}

/** Paths of what is published for a deck, from its state. */
function published(outDir: string, s: ExportState): Pick<ExportOutcome, 'pdf' | 'pngs' | 'contactSheet'> {
  return {
    pdf: s.pdf && path.join(outDir, s.pdf.file),
    pngs: s.png?.files.map((f) => path.join(outDir, f)),
    contactSheet: s.png && path.join(outDir, s.png.contactSheet),
  };
}

/** Put `fresh` where `target` is; the old folder goes to `trash` (inside the work folder, removed with it). */
async function swapDir(fresh: string, target: string, trash: string): Promise<void> {
  await mkdirNoFollow(path.dirname(target));
  await assertNoLink(target);
  if (await exists(target)) await rename(target, trash);
  await rename(fresh, target);
}

/**
 * Work folders of runs that died (kill -9, power loss): one named after a process that is gone is removed at once;
 * one of unknown origin (an older briefdeck's) once it is over an hour old. LibreOffice profiles older briefdecks
 * left in the system's temporary folder go after an hour too.
 */
async function removeAbandonedWork(outDir: string, now = Date.now()): Promise<void> {
  const sweep = async (dir: string, prefix: string, dead: (name: string) => boolean) => {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!name.startsWith(prefix)) continue;
      const full = path.join(dir, name);
      const s = await lstat(full).catch(() => undefined);
      if (s?.isDirectory() && (dead(name) || now - s.mtimeMs > ABANDONED_MS))
        await rm(full, { recursive: true, force: true });
    }
  };
  await sweep(outDir, WORK_PREFIX, (name) => {
    const m = /^\.export-(\d+)\.(\d+)-/.exec(name);
    return !!m && !processAlive(Number(m[1]), m[2] === '0' ? undefined : m[2]);
  });
  await sweep(os.tmpdir(), 'briefdeck-lo-', () => false);
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

const exists = (f: string) =>
  stat(f).then(
    () => true,
    () => false,
  );
const allExist = async (fs: string[]) => (await Promise.all(fs.map(exists))).every(Boolean);
/** A deck's failed outcome; a bug keeps its stack and is marked internal (the command then exits 70). */
function failed(slug: string, err: unknown): ExportOutcome {
  if (isUserError(err) || isIoError(err)) return { slug, skipped: false, error: messageOf(err) };
  const internal = internalErrorOf(err);
  return { slug, skipped: false, error: `internal error (a bug in briefdeck): ${internal.message}`, internal };
}

/**
 * A user error's message as is; a system error (full disk, permissions) as its cause; anything else is a bug and says
 * so.
 */
const messageOf = (err: unknown) =>
  isUserError(err)
    ? err.message
    : isIoError(err)
      ? `${err.path ? `\`${err.path}\`: ` : ''}${ioCause(err)}`
      : `internal error (a bug in briefdeck, please report it): ${(err as Error)?.stack ?? String(err)}`;
