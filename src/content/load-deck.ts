import { readdir, readFile, stat } from 'node:fs/promises';
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
  const names = (await readdir(dir)).sort();
  const show = (name: string) => displayPath(path.join(dir, name));
  const meta = names.includes('deck.yaml')
    ? { file: show('deck.yaml'), name: 'deck.yaml', bytes: await readFile(path.join(dir, 'deck.yaml')) }
    : undefined;
  const sections: SourceFile[] = [];
  const strays: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.md') || name.toLowerCase() === 'readme.md') continue;
    if (!SECTION_FILE.test(name)) {
      strays.push(show(name));
      continue;
    }
    if (!(await stat(path.join(dir, name))).isFile()) continue;
    sections.push({ file: show(name), name, bytes: await readFile(path.join(dir, name)) });
  }
  return { slug, dir, meta, sections, strays };
}

/** Relative to the working directory when inside it, so editors can jump to `file:line:col`. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
