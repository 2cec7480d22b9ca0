import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './cli.js';

/**
 * The two sample decks, as test fixtures: a copy of what content/ ships. Tests never read the repository's content/
 * (a user's own decks live there, half-edited while watch runs) nor write its output/.
 */
export const FIXTURE_DECKS = path.join(ROOT, 'test', 'fixtures', 'decks');
export const REPO_THEMES = path.join(ROOT, 'themes');

export interface DeckFiles {
  /** deck.yaml text; omitted → a minimal valid one. */
  yaml?: string | null;
  /** File name → contents (strings or bytes), e.g. `01-intro.md`, `images/a.png`. */
  files: Record<string, string | Uint8Array>;
}

/** A content folder with the given decks in a fresh temp dir; returns its paths. */
export function makeContent(decks: Record<string, DeckFiles>): { root: string; content: string; out: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'briefdeck-'));
  const content = path.join(root, 'content');
  for (const [slug, d] of Object.entries(decks)) {
    const dir = path.join(content, slug);
    mkdirSync(dir, { recursive: true });
    if (d.yaml !== null) writeFileSync(path.join(dir, 'deck.yaml'), d.yaml ?? `title: ${slug}\ndate: "2026-01-02"\n`);
    for (const [name, data] of Object.entries(d.files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
  }
  return { root, content, out: path.join(root, 'output') };
}

export const deckOpts = (c: { content: string; out: string }, themesDir = REPO_THEMES) => ({
  contentDir: c.content,
  themesDir,
  outDir: c.out,
});

/** The folder flags that point a `briefdeck` run at a test's content and output, with the repository's themes. */
export const cliFlags = (c: { content: string; out: string }): string[] => [
  '--content',
  c.content,
  '--themes',
  REPO_THEMES,
  '--out',
  c.out,
];
