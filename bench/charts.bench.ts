import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDeck } from '../src/build.js';
import { CHART_KIND_SECTIONS } from '../test/fixtures/chart-deck.js';
import { sample, timed, type Report } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const themes = path.join(root, 'themes');

/**
 * A deck with one chart of each of the eight kinds, next to the same deck with its captions' `chart=` removed (the
 * same tables drawn as tables): what drawing charts costs a build.
 */
export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-charts-'));
  const content = path.join(dir, 'content');
  const decks = {
    charts: CHART_KIND_SECTIONS,
    tables: Object.fromEntries(
      Object.entries(CHART_KIND_SECTIONS).map(([f, md]) => [f, md.replace(/ \{chart=[^}]*\}/, '')]),
    ),
  };
  for (const [slug, files] of Object.entries(decks)) {
    mkdirSync(path.join(content, slug), { recursive: true });
    writeFileSync(path.join(content, slug, 'deck.yaml'), `title: ${slug}\ndate: "2026-01-02"\n`);
    for (const [f, md] of Object.entries(files)) writeFileSync(path.join(content, slug, f), md);
  }
  const opts = { contentDir: content, themesDir: themes, outDir: path.join(dir, 'out') };
  for (const slug of Object.keys(decks)) {
    const r = await buildDeck(slug, opts);
    const n = r.deck!.slides.filter((s) => s.kind === slug.slice(0, -1)).length;
    report(
      timed(
        `9 figure tables as ${slug}: whole build`,
        await sample(() => buildDeck(slug, opts), 20, 3),
        `${n} ${slug}`,
      ),
    );
  }
}
