import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The bench corpus, generated from the content decks: one article of N
 * sections (the real sections repeated) and many copies of the real decks.
 */
export function makeCorpus(contentDir: string, { sections = 200, decks = 100 } = {}): { dir: string; big: string; many: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-bench-'));
  const real = readdirSync(contentDir).sort();
  const files = real.flatMap((slug) =>
    readdirSync(path.join(contentDir, slug))
      .filter((f) => /^\d+-.*\.md$/.test(f))
      .sort()
      .map((f) => readFileSync(path.join(contentDir, slug, f), 'utf8')),
  );
  const big = `article-${sections}`;
  mkdirSync(path.join(dir, big));
  writeFileSync(path.join(dir, big, 'deck.yaml'), `title: A ${sections}-section article\ndate: "2026-01-01"\norganization: Bench\n`);
  for (let i = 0; i < sections; i++) writeFileSync(path.join(dir, big, `${String(i + 1).padStart(3, '0')}-s.md`), files[i % files.length]);
  const many: string[] = [];
  for (let i = 0; i < decks; i++) {
    const slug = `copy-${String(i).padStart(3, '0')}`;
    cpSync(path.join(contentDir, real[i % real.length]), path.join(dir, slug), { recursive: true });
    many.push(slug);
  }
  return { dir, big, many };
}
