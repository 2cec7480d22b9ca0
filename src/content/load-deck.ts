import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { ioCause, isIoError } from '../util/io-error.js';
import { mapLimited } from '../util/map-limited.js';
import { deckFolderProblem } from './deck-folder.js';
import { displayPath } from '../util/display-path.js';
import { MAX_SECTION_BYTES, TEXT_LIMIT_REASON, readInput, type InputRule } from '../input/read-input.js';

export { displayPath } from '../util/display-path.js';
export { listDecks } from './deck-folder.js';

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
  /** Files (or the folder itself) refused by the input rule: errors for this deck. */
  problems: Diagnostic[];
  /** True when the folder itself was refused and nothing in it was read. */
  refused?: boolean;
}

export const SECTION_FILE = /^(\d{2,})-([a-z0-9][a-z0-9-]*)\.md$/;

/** How many files a deck reads at once: parallel enough to hide latency, far below any descriptor limit. */
const READ_PARALLEL = 16;

/** The input rule for a deck's own files: inside its folder, regular, at most MAX_SECTION_BYTES. */
export const deckRule = (
  dir: string,
  what: string,
  maxBytes = MAX_SECTION_BYTES,
  limitReason = TEXT_LIMIT_REASON,
): InputRule => ({ what, root: dir, rootName: 'the deck folder', rootCode: 'deck', maxBytes, limitReason });

export async function loadDeckSource(contentDir: string, slug: string): Promise<DeckSource> {
  const dir = path.join(contentDir, slug);
  const empty: DeckSource = { slug, dir, sections: [], strays: [], problems: [], refused: true };
  const folder = await deckFolderProblem(contentDir, slug);
  if (folder) return { ...empty, problems: [folder] };
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch (e) {
    if (!isIoError(e)) throw e;
    return {
      ...empty,
      problems: [
        diagnostic(
          'error',
          'deck-unreadable',
          { file: displayPath(dir), line: 1, column: 1 },
          `Unreadable deck folder \`${displayPath(dir)}\`: ${ioCause(e)}`,
        ),
      ],
    };
  }
  const show = (name: string) => displayPath(path.join(dir, name));
  // Anything but a folder is a candidate: links, FIFOs and devices named like a section go through the input rule,
  // which refuses them.
  const names = entries.filter((e) => !e.isDirectory()).map((e) => e.name);
  const markdown = names.filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md');
  const wanted = [
    ...(names.includes('deck.yaml') ? ['deck.yaml'] : []),
    ...markdown.filter((n) => SECTION_FILE.test(n)),
  ];
  const rules = { meta: deckRule(dir, 'deck-yaml'), section: deckRule(dir, 'section') };
  const read = await mapLimited(wanted, READ_PARALLEL, async (name) => ({
    name,
    r: await readInput(path.join(dir, name), name === 'deck.yaml' ? rules.meta : rules.section),
  }));
  const problems: Diagnostic[] = [];
  const files: SourceFile[] = [];
  for (const { name, r } of read) {
    if (r.ok) files.push({ file: show(name), name, bytes: r.bytes });
    else problems.push(r.diagnostic);
  }
  const meta = files.find((f) => f.name === 'deck.yaml');
  return {
    slug,
    dir,
    meta,
    sections: files.filter((f) => f !== meta),
    strays: markdown.filter((n) => !SECTION_FILE.test(n)).map(show),
    problems,
  };
}
