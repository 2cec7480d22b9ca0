import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface SourceFile {
  /** Path as shown in diagnostics (relative to the working directory when possible). */
  file: string;
  name: string;
  bytes: Uint8Array;
}

/** Everything read from a deck folder; the only IO before planning (images aside). */
export interface DeckSource {
  slug: string;
  dir: string;
  meta?: SourceFile;
  sections: SourceFile[];
  /** Markdown files whose names do not follow `NN-slug.md`. */
  strays: string[];
}

export const SECTION_FILE = /^(\d{2,})-([a-z0-9][a-z0-9-]*)\.md$/;

/** Deck slugs under a content folder: every sub-folder, sorted. */
export async function listDecks(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

export async function loadDeckSource(contentDir: string, slug: string): Promise<DeckSource> {
  const dir = path.join(contentDir, slug);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const show = (name: string) => displayPath(path.join(dir, name));
  const read = async (name: string): Promise<SourceFile> => ({ file: show(name), name, bytes: await readFile(path.join(dir, name)) });
  const names = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  const markdown = names.filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md');
  // Read in parallel: a 200-section deck spent most of its load time waiting on one file at a time.
  const [meta, sections] = await Promise.all([
    names.includes('deck.yaml') ? read('deck.yaml') : undefined,
    Promise.all(markdown.filter((n) => SECTION_FILE.test(n)).map(read)),
  ]);
  return { slug, dir, meta, sections, strays: markdown.filter((n) => !SECTION_FILE.test(n)).map(show) };
}

/** Relative to the working directory when inside it, so editors can jump to `file:line:col`. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
