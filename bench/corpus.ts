import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The bench corpus, generated from the content decks: one article of N
 * sections (the real sections repeated) and many copies of the real decks.
 * With `vary`, every copy gets its own words (a third of the longer words
 * carry the copy's number), as 100 different decks would: a cache that keeps
 * something per deck then shows as growth.
 */
export function makeCorpus(
  contentDir: string,
  { sections = 200, decks = 100, vary = false } = {},
): { dir: string; big: string; many: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-bench-'));
  const real = readdirSync(contentDir).sort();
  const files = real.flatMap((slug) =>
    readdirSync(path.join(contentDir, slug))
      .filter((f) => /^\d+-.*\.md$/.test(f))
      .sort()
      .map((f) => readFileSync(path.join(contentDir, slug, f), 'utf8')),
  );
  const big = `article-${sections}`;
  if (sections > 0) {
    mkdirSync(path.join(dir, big));
    writeFileSync(
      path.join(dir, big, 'deck.yaml'),
      `title: A ${sections}-section article\ndate: "2026-01-01"\norganization: Bench\n`,
    );
    for (let i = 0; i < sections; i++)
      writeFileSync(path.join(dir, big, `${String(i + 1).padStart(3, '0')}-s.md`), files[i % files.length]);
  }
  const many: string[] = [];
  for (let i = 0; i < decks; i++) {
    const slug = `copy-${String(i).padStart(3, '0')}`;
    cpSync(path.join(contentDir, real[i % real.length]), path.join(dir, slug), { recursive: true });
    if (vary) varyText(path.join(dir, slug), i);
    many.push(slug);
  }
  return { dir, big, many };
}

function varyText(deckDir: string, n: number): void {
  for (const f of readdirSync(deckDir).filter((f) => f.endsWith('.md'))) {
    let k = 0;
    const text = readFileSync(path.join(deckDir, f), 'utf8').replace(/\b[a-z]{5,}\b/g, (w) =>
      ++k % 3 === 0 ? `${w}${n}x${k % 17}` : w,
    );
    writeFileSync(path.join(deckDir, f), text);
  }
}

/** A deck's article as one Markdown file: its section files in order, a blank line between (what pandoc is given). */
export function articleMarkdown(deckDir: string): string {
  return readdirSync(deckDir)
    .filter((f) => /^\d+-.*\.md$/.test(f))
    .sort()
    .map((f) => readFileSync(path.join(deckDir, f), 'utf8').replace(/\n*$/, '\n'))
    .join('\n');
}
