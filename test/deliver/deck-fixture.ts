import { cp, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildDecks } from '../../src/build-all.js';
import type { DeckOptions } from '../../src/build.js';
import { hasErrors } from '../../src/model/diagnostic.js';
import { sha256 } from '../../src/util/hash.js';
import { ROOT } from '../helpers/cli.js';

export const SLUG = 'us-policy-response';
export const OTHER = 'russia-north-korea-treaty';
export const contentDir = path.join(ROOT, 'test', 'fixtures', 'decks');
export const themesDir = path.join(ROOT, 'themes');

const temps: string[] = [];
let built: Promise<string> | undefined;

/**
 * Build both decks once per test file into a temp dir (never the repo's output/), as `briefdeck build` does: .pptx,
 * manifest, version records.
 */
function builtDecks(): Promise<string> {
  built ??= (async () => {
    const dir = await tempDir('built');
    for (const r of await buildDecks([SLUG, OTHER], { contentDir, themesDir, outDir: dir })) {
      if (!r.file || hasErrors(r.diagnostics))
        throw new Error(`could not build ${r.slug}: ${JSON.stringify(r.diagnostics)}`);
    }
    return dir;
  })();
  return built;
}

export async function tempDir(name: string): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), `briefdeck-send-${name}-`));
  temps.push(d);
  return d;
}

/** A 1×1 PNG, standing in for an exported contact sheet. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** Stands in for an exported PDF: the deliver stage only attaches the bytes. */
export const PDF = Buffer.from(
  '%PDF-1.4\n% briefdeck test stand-in\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/**
 * A fresh out dir holding the built decks as a build leaves them (the .pptx,
 * its manifest entry and version record), and on request an export of SLUG:
 * a PDF and a contact sheet, recorded in `export.json` as made from its .pptx.
 */
export async function outDirWith(o: { decks?: string[]; exports?: boolean } = {}): Promise<DeckOptions> {
  const from = await builtDecks();
  const outDir = await tempDir('out');
  const decks = o.decks ?? [SLUG];
  const manifest = JSON.parse(await readFile(path.join(from, 'manifest.json'), 'utf8'));
  manifest.decks = Object.fromEntries(Object.entries(manifest.decks).filter(([slug]) => decks.includes(slug)));
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const slug of decks) {
    await copyFile(path.join(from, `${slug}.pptx`), path.join(outDir, `${slug}.pptx`));
    await cp(path.join(from, 'versions', slug), path.join(outDir, 'versions', slug), { recursive: true });
  }
  if (o.exports) await writeExport(outDir, SLUG);
  return { contentDir, themesDir, outDir };
}

/**
 * Stand-in exports of `slug` (PDF, contact sheet, and optionally slide images), recorded as made from its current
 * .pptx.
 */
export async function writeExport(
  outDir: string,
  slug: string,
  o: { pdf?: Buffer; sheet?: Buffer; slides?: Buffer[] } = {},
): Promise<void> {
  const hash = sha256(await readFile(path.join(outDir, `${slug}.pptx`)));
  await writeFile(path.join(outDir, `${slug}.pdf`), o.pdf ?? PDF);
  await mkdir(path.join(outDir, slug, 'slides'), { recursive: true });
  await writeFile(path.join(outDir, slug, 'contact-sheet.png'), o.sheet ?? PNG);
  const files = (o.slides ?? []).map((_, i) => `${slug}/slides/${String(i + 1).padStart(2, '0')}.png`);
  await Promise.all(files.map((f, i) => writeFile(path.join(outDir, f), o.slides![i])));
  const at = '2026-11-20T00:00:00.000Z';
  const state = {
    version: 1,
    slides: files.length,
    pdf: { pptxSha256: hash, file: `${slug}.pdf`, pages: files.length, exportedAt: at },
    png: { pptxSha256: hash, files, contactSheet: `${slug}/contact-sheet.png`, exportedAt: at },
  };
  await writeFile(path.join(outDir, slug, 'export.json'), JSON.stringify(state, null, 2));
}

export async function removeTemps(): Promise<void> {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

export const fast = { delaysMs: [1, 1, 1], sleep: async () => {} };
