import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeck } from '../src/build.js';
import { compareWith } from '../src/history/compare.js';
import { deckToVersion } from '../src/history/deck-to-version.js';
import { diffVersions } from '../src/history/diff-versions.js';
import { formatDiff } from '../src/history/format-diff.js';
import { encodeVersion, recordVersion } from '../src/history/version-store.js';
import type { DeckVersion } from '../src/history/version.js';
import { sha256 } from '../src/util/hash.js';
import { makeCorpus } from './corpus.js';
import { sample, timed, type Report } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const content = path.join(root, 'content');
const themes = path.join(root, 'themes');

/**
 * `briefdeck diff` of a 200-section deck (the budget: 100 ms), and the
 * size of version records. The second version edits every 10th section (a
 * word in its first bullet or paragraph), removes one section and renames another.
 */
export default async function bench(report: Report): Promise<void> {
  const corpus = makeCorpus(content, { sections: 200, decks: 0 });
  const edited = `${corpus.big}-edited`;
  const dir = path.join(corpus.dir, edited);
  cpSync(path.join(corpus.dir, corpus.big), dir, { recursive: true });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  files.forEach((f, i) => {
    const file = path.join(dir, f);
    if (i === 50) return rmSync(file);
    let text = readFileSync(file, 'utf8');
    if (i === 120) text = text.replace(/^# (.*)$/m, '# $1, revised');
    if (i % 10 === 0) text = text.replace(/\b(the|and) /, '$1 revised ');
    writeFileSync(file, text);
  });
  const opts = { contentDir: corpus.dir, themesDir: themes, outDir: mkdtempSync(path.join(tmpdir(), 'bench-diff-')) };
  const versionOf = async (slug: string, as: string): Promise<DeckVersion> => {
    const r = await checkDeck(slug, opts);
    return { ...deckToVersion(r.deck!, r.article!, sha256(slug)), deck: as };
  };
  const a = await versionOf(corpus.big, corpus.big);
  const b = await versionOf(edited, corpus.big);
  const d = diffVersions(a, b);
  const note = `${a.sections.length} → ${b.sections.length} sections, ${d.changes.length} changes`;
  report(
    timed(
      '200-section deck: diffVersions (pure)',
      await sample(() => diffVersions(a, b), 30, 3),
      `${note}; budget 100 ms`,
    ),
  );
  report(
    timed('200-section deck: diffVersions + formatDiff', await sample(() => formatDiff(diffVersions(a, b)), 30, 3)),
  );
  report(
    timed(
      '200-section deck: diff of a deck with itself',
      await sample(() => diffVersions(a, { ...a, version: 'x' }), 30, 3),
    ),
  );
  // Worst case: every section different (the 200-section deck against a content deck, and back).
  const other = await checkDeck('us-policy-response', { ...opts, contentDir: content });
  const o = deckToVersion(other.deck!, other.article!, 'other');
  report(
    timed(
      'worst case: 200 sections replaced by 8, diff + format',
      await sample(() => formatDiff(diffVersions(a, o)), 10, 2),
      `${diffVersions(a, o).changes.length} changes`,
    ),
  );
  report(
    timed(
      'worst case: 8 sections replaced by 200, diff + format',
      await sample(() => formatDiff(diffVersions(o, a)), 10, 2),
      `${diffVersions(o, a).changes.length} changes`,
    ),
  );
  if (process.env.BENCH_SHOW) console.log(formatDiff(d).join('\n'));
  // What `briefdeck diff` does after loading: read both records (gunzip, schema check), diff, format.
  const pptx = path.join(opts.outDir, `${corpus.big}.pptx`);
  writeFileSync(pptx, 'stand-in for the built deck');
  await recordVersion(opts.outDir, a, new Date('2026-01-01T00:00:00Z'));
  await recordVersion(opts.outDir, { ...b, version: sha256(readFileSync(pptx)) }, new Date('2026-01-02T00:00:00Z'));
  report(
    timed(
      '200-section deck: compareWith --previous (from disk)',
      await sample(
        async () => formatDiff((await compareWith(opts.outDir, corpus.big, { previous: true })).diff),
        20,
        3,
      ),
      'budget 100 ms',
    ),
  );
  const r = await checkDeck(corpus.big, opts);
  report(timed('200-section deck: deckToVersion', await sample(() => deckToVersion(r.deck!, r.article!, 'v'), 30, 3)));
  report({
    name: '200-section deck: version record size (gzip JSON)',
    unit: 'count',
    value: encodeVersion(a).byteLength,
    note: `bytes; ${JSON.stringify(a).length} bytes as plain JSON`,
  });
  for (const slug of ['russia-north-korea-treaty', 'us-policy-response']) {
    const c = await checkDeck(slug, { ...opts, contentDir: content });
    const v = deckToVersion(c.deck!, c.article!, 'x'.repeat(64));
    report({
      name: `${slug}: version record size (gzip JSON)`,
      unit: 'count',
      value: encodeVersion(v).byteLength,
      note: `bytes; ${JSON.stringify(v).length} bytes as plain JSON`,
    });
  }
  rmSync(corpus.dir, { recursive: true, force: true });
  rmSync(opts.outDir, { recursive: true, force: true });
}
