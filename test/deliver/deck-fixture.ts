import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildDeck, type DeckOptions } from '../../src/build.js';
import { ROOT } from '../helpers/cli.js';

export const SLUG = 'us-policy-response';
export const OTHER = 'russia-north-korea-treaty';
export const contentDir = path.join(ROOT, 'content');
export const themesDir = path.join(ROOT, 'themes');

const temps: string[] = [];
let built: Promise<Record<string, string>> | undefined;

/** Build both decks once per test file into a temp dir (never the repo's output/). */
function builtDecks(): Promise<Record<string, string>> {
  built ??= (async () => {
    const dir = await tempDir('built');
    const files: Record<string, string> = {};
    for (const slug of [SLUG, OTHER]) {
      const r = await buildDeck(slug, { contentDir, themesDir, outDir: dir });
      if (!r.file) throw new Error(`could not build ${slug}: ${JSON.stringify(r.diagnostics)}`);
      files[slug] = r.file;
    }
    return files;
  })();
  return built;
}

export async function tempDir(name: string): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), `briefdeck-send-${name}-`));
  temps.push(d);
  return d;
}

/** A 1×1 PNG, standing in for an exported contact sheet. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** Stands in for an exported PDF: the deliver stage only attaches the bytes. */
export const PDF = Buffer.from('%PDF-1.4\n% briefdeck test stand-in\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A fresh out dir holding the built decks (and, on request, a PDF and contact sheet for SLUG). */
export async function outDirWith(o: { decks?: string[]; exports?: boolean } = {}): Promise<DeckOptions> {
  const files = await builtDecks();
  const outDir = await tempDir('out');
  for (const slug of o.decks ?? [SLUG]) await copyFile(files[slug], path.join(outDir, `${slug}.pptx`));
  if (o.exports) {
    await writeFile(path.join(outDir, `${SLUG}.pdf`), PDF);
    await mkdir(path.join(outDir, SLUG), { recursive: true });
    await writeFile(path.join(outDir, SLUG, 'contact-sheet.png'), PNG);
  }
  return { contentDir, themesDir, outDir };
}

export async function removeTemps(): Promise<void> {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

export const fast = { delaysMs: [1, 1, 1], sleep: async () => {} };

