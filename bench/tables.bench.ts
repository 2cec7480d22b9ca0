import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeck } from '../src/build.js';
import { sample, timed, type Report } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const themes = path.join(root, 'themes');

const sentence = (i: number) => `Sentence ${i} weighs a consequence for regional stability and the alliances involved.`;
const table = (rows: string[][]) =>
  ['| A | B | C |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/**
 * Planning tables sized to their room (`check`, so the plan alone): each
 * table is measured at the sizes the rule tries, so this is what choosing
 * the size costs on a short table, one of 30 rows, 1,000 short rows and 300
 * rows of long cells.
 */
export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-tables-'));
  const decks: Record<string, string> = {
    '4 rows under a lead': `Lead sentence.\n\n${table(Array.from({ length: 4 }, (_, i) => [`Nation ${i}`, 'Cautious', 'Closer alignment']))}`,
    '30 rows': table(
      Array.from({ length: 30 }, (_, i) => [`Item ${i}`, `${i * 7} units`, i % 3 ? 'Active' : 'Pending']),
    ),
    '1,000 short rows': table(
      Array.from({ length: 1000 }, (_, i) => [`Item ${i}`, `${i * 7} units`, i % 3 ? 'Active' : 'Pending review']),
    ),
    '300 rows of long cells': table(
      Array.from({ length: 300 }, (_, i) => [`Nation ${i}`, `${sentence(i)} ${sentence(i + 1)}`, `Shift ${i}`]),
    ),
  };
  const slugs = Object.keys(decks).map((name, i) => {
    const slug = `t${i}`;
    mkdirSync(path.join(dir, slug), { recursive: true });
    writeFileSync(path.join(dir, slug, 'deck.yaml'), `title: ${slug}\ndate: "2026-01-02"\n`);
    writeFileSync(path.join(dir, slug, '01-s.md'), `# ${name}\n\n${decks[name]}\n`);
    return [name, slug] as const;
  });
  const opts = { contentDir: dir, themesDir: themes, outDir: path.join(dir, 'out') };
  for (const [name, slug] of slugs) {
    const r = await checkDeck(slug, opts);
    const tables = r.deck!.slides.flatMap((s) => (s.kind === 'table' ? [s.table.fontSize] : []));
    report(
      timed(
        `table of ${name}: check`,
        await sample(() => checkDeck(slug, opts), 10, 2),
        `${tables.length} table slides at ${[...new Set(tables)].join(', ')} pt`,
      ),
    );
  }
}
