import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { displayPath } from '../util/display-path.js';

/**
 * A deck's folder name is its slug: it becomes the .pptx name, a mail header
 * (Message-ID, X-Briefdeck-Deck) and part of log lines, so it is held to
 * lowercase letters, digits and hyphens.
 */
export const DECK_SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Deck folders under a content folder, sorted. Names starting with `.` or `_`
 * are left out on purpose (drafts, tooling). Symlinks to folders and names
 * that are not valid slugs are listed, so that building them reports why
 * they are refused instead of leaving them out silently.
 */
export async function listDecks(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('_')) continue;
    if (e.isDirectory()) out.push(e.name);
    else if (
      e.isSymbolicLink() &&
      (await stat(path.join(contentDir, e.name)).then(
        (s) => s.isDirectory(),
        () => false,
      ))
    )
      out.push(e.name);
  }
  return out.sort();
}

/**
 * Why a deck folder cannot be read, if it cannot: a name that is not a slug,
 * or a symbolic link. A linked deck folder is refused even when its target is
 * inside the content folder: the deck's files must be the folder's own, so
 * that nothing outside the content folder is read into a deck.
 */
export async function deckFolderProblem(contentDir: string, slug: string): Promise<Diagnostic | undefined> {
  const dir = path.join(contentDir, slug);
  const at = { file: displayPath(dir), line: 1, column: 1 };
  if (!DECK_SLUG.test(slug)) {
    const suggestion = slugFrom(slug);
    return diagnostic(
      'error',
      'deck-slug-invalid',
      at,
      `Unexpected deck folder name \`${slug}\`, expected lowercase letters, digits and hyphens (the name becomes the file name, mail headers and log lines)`,
      suggestion ? `rename the folder to \`${suggestion}\`` : 'rename the folder, e.g. `weekly-brief`',
    );
  }
  const s = await lstat(dir).catch(() => undefined);
  if (!s) return diagnostic('error', 'deck-missing', at, `Missing deck folder \`${displayPath(dir)}\``);
  if (s.isSymbolicLink()) {
    const target = await realpath(dir).catch(() => '(unresolvable)');
    return diagnostic(
      'error',
      'deck-folder-link',
      at,
      `Unexpected symbolic link \`${displayPath(dir)}\` to \`${target}\`, expected a deck folder inside the content folder: linked deck folders are not built`,
      'move or copy the deck folder into the content folder',
    );
  }
  if (!s.isDirectory())
    return diagnostic('error', 'deck-missing', at, `Unexpected file \`${displayPath(dir)}\`, expected a deck folder`);
  return undefined;
}

/** `My Deck 2` → `my-deck-2`: a slug to suggest for a folder name that is not one. */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
