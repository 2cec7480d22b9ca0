/**
 * Export cost on the content decks: `exportDecks` (PDF only, then PDF + PNG)
 * against a bare `soffice --convert-to pdf` of the same files in one process
 * with a fresh profile (what exportDecks does too), samples interleaved so
 * machine load hits both alike; and the time of an export that finds every
 * deck unchanged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildDeck, type DeckOptions } from '../src/build.js';
import { exportDecks } from '../src/export/export-decks.js';
import { median, sample, timed, type Report } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist-bench/bench → repo
const DECKS = ['russia-north-korea-treaty', 'us-policy-response'];
const RUNS = 5;

export default async function (report: Report): Promise<void> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-export-'));
  try {
    const opts: DeckOptions = {
      contentDir: path.join(ROOT, 'content'),
      themesDir: path.join(ROOT, 'themes'),
      outDir: out,
    };
    for (const slug of DECKS) {
      const b = await buildDeck(slug, opts);
      if (!b.file)
        throw new Error(`cannot build ${slug}: ${JSON.stringify(b.diagnostics.filter((d) => d.severity === 'error'))}`);
    }
    const pptx = DECKS.map((s) => path.join(out, `${s}.pptx`));

    const bare: number[] = [];
    const pdfOnly: number[] = [];
    const full: number[] = [];
    await exportDecks(DECKS, opts, { pdf: true, png: true, force: true }); // warm the page cache and fonts
    for (let i = 0; i < RUNS; i++) {
      bare.push(await time(() => bareSoffice(pptx, path.join(out, 'bare'))));
      pdfOnly.push(await time(() => checked(exportDecks(DECKS, opts, { pdf: true, png: false, force: true }))));
      full.push(await time(() => checked(exportDecks(DECKS, opts, { pdf: true, png: true, force: true }))));
    }
    const skipped = await sample(() => checked(exportDecks(DECKS, opts, { pdf: true, png: true })), 10, 1);

    report(timed('bare soffice --convert-to pdf, 2 decks, one process', bare));
    report(timed('exportDecks --pdf, 2 decks (31 slides)', pdfOnly));
    // Paired (run i against run i): this machine's load drifts more than the export's own overhead.
    const ratios = pdfOnly.map((t, i) => t / bare[i]);
    report({
      name: 'ratio exportDecks --pdf / bare soffice (paired)',
      unit: 'x',
      value: median(ratios),
      note: `target ≤ 1.2; per run ${ratios.map((r) => r.toFixed(2)).join(' ')}`,
    });
    report({
      name: 'overhead exportDecks --pdf − bare soffice (paired)',
      unit: 'ms',
      value: median(pdfOnly.map((t, i) => t - bare[i])),
    });
    report(timed('exportDecks --pdf --png (thumbnails + contact sheets)', full));
    report(timed('exportDecks, both decks unchanged (skipped)', skipped));
    report({
      name: 'time saved by skipping unchanged decks',
      unit: 'ms',
      value: median(full) - median(skipped),
      note: `${((1 - median(skipped) / median(full)) * 100).toFixed(0)}% of a full export`,
    });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function checked(p: ReturnType<typeof exportDecks>): Promise<void> {
  const failed = (await p).filter((o) => o.error);
  if (failed.length) throw new Error(`export failed: ${failed.map((f) => `${f.slug}: ${f.error}`).join('; ')}`);
}

async function bareSoffice(files: string[], outdir: string): Promise<void> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-lo-'));
  try {
    const r = spawnSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        outdir,
        ...files,
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
