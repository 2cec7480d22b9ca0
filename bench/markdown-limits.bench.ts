/**
 * Issue 18's hostile Markdown, `check` (load → parse → validate → plan), medians of a few runs:
 * - emphasis-dense text at 100 KB, 400 KB and 1.6 MB (linear if ms per KB stays flat), each run in a process of its
 *   own, as `briefdeck check` runs, so its peak RSS is its own;
 * - other shapes that once took time growing faster than the text, at 100 and 400 KB (ms per KB at each): sentences
 *   of bold and plain runs, one name repeated (the spelling-variant rule), footnote markers, distinct raw HTML tags
 *   and distinct list items;
 * - the 4 KB runs of `*` and `>` refused by the nesting limit, and the generated slow section (a table in a list, long
 *   unbroken words).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeck } from '../src/build.js';
import { median, sample, timed, type Report } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SLOW_SECTION = path.join(root, 'test', 'fixtures', 'slow-section.md');

/** `unit` repeated to about `kb` KB. */
const repeat = (unit: string, kb: number) => unit.repeat(Math.round((kb * 1000) / unit.length));
/** `make(i)` for i = 0, 1, … joined to about `kb` KB. */
const numbered = (make: (i: number) => string, kb: number) => {
  let s = '';
  for (let i = 0; s.length < kb * 1000; i++) s += make(i);
  return s;
};

const SHAPES: [string, (kb: number) => string][] = [
  ["sentences of '**Ab** cd. '", (kb) => repeat('**Ab** cd. ', kb)],
  ["one name repeated, 'Ab cd. '", (kb) => repeat('Ab cd. ', kb)],
  ["footnote markers, 'Text[^1] '", (kb) => `${repeat('Text[^1] ', kb)}\n\n[^1]: A note.`],
  ['distinct raw HTML tags', (kb) => numbered((i) => `<b id=${i}>x `, kb)],
  ['distinct list items', (kb) => numbered((i) => `- item ${i} here\n`, kb)],
];

export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-md-limits-'));
  const opts = { contentDir: dir, themesDir: path.join(root, 'themes'), outDir: path.join(dir, 'out') };
  const deck = (slug: string, body: string) => {
    mkdirSync(path.join(dir, slug), { recursive: true });
    writeFileSync(path.join(dir, slug, 'deck.yaml'), `title: ${slug}\ndate: "2026-01-01"\n`);
    writeFileSync(path.join(dir, slug, '01-s.md'), `# ${slug}\n\n${body}\n`);
    return slug;
  };
  const perKb: string[] = [];
  for (const kb of [100, 400, 1600]) {
    const slug = deck(`dense-${kb}kb`, repeat('**a** ', kb));
    // Each run in a fresh process, as `briefdeck check` runs: its peak RSS is that one check's.
    const runs = Array.from({ length: kb > 400 ? 3 : 5 }, () => checkInChild(opts, slug));
    const samples = runs.map((r) => r.ms);
    perKb.push((median(samples) / kb).toFixed(2));
    const rss = `peak RSS ${median(runs.map((r) => r.rssMb)).toFixed(0)} MB (median)`;
    report(timed(`check: ${kb} KB of '**a** ' (emphasis-dense)`, samples, `${runs[0].slides} slides, ${rss}`));
  }
  // The per-KB figure at the largest size is the row's value; all three are in its note (flat or falling: linear).
  report({
    name: 'emphasis-dense: ms per KB at 1600 KB',
    unit: 'ms',
    value: Number(perKb[perKb.length - 1]),
    note: `at 100 / 400 / 1600 KB: ${perKb.join(' / ')}`,
  });

  for (const [name, body] of SHAPES) {
    const ms: number[] = [];
    let slides = 0;
    for (const kb of [100, 400]) {
      const slug = deck(`${name.toLowerCase().replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${kb}kb`, body(kb));
      const t = await sample(
        async () => {
          const r = await checkDeck(slug, opts);
          if (!r.deck) throw new Error(`${slug}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
          slides = r.deck.slides.length;
        },
        3,
        1,
      );
      ms.push(median(t) / kb);
      if (kb === 400) report(timed(`check: 400 KB of ${name}`, t, `${slides} slides`));
    }
    report({
      name: `  ms per KB at 400 KB`,
      unit: 'ms',
      value: ms[ms.length - 1],
      note: `at 100 / 400 KB: ${ms.map((x) => x.toFixed(2)).join(' / ')}`,
    });
  }

  for (const [name, body] of [
    ['4 KB: 2,000 `*`, x, 2,000 `*` (refused)', `${'*'.repeat(2000)}x${'*'.repeat(2000)}`],
    ['4 KB: 2,000 `>` (refused)', `${'>'.repeat(2000)} x`],
  ] as const) {
    const slug = deck(name.replace(/\W+/g, '-').toLowerCase(), body);
    const t = await sample(() => checkDeck(slug, opts), 5, 1);
    const r = await checkDeck(slug, opts);
    report(timed(`check: ${name}`, t, r.diagnostics.map((d) => d.code).join(', ')));
  }
  try {
    mkdirSync(path.join(dir, 'slow'));
    writeFileSync(path.join(dir, 'slow', 'deck.yaml'), 'title: slow\ndate: "2026-01-01"\n');
    copyFileSync(SLOW_SECTION, path.join(dir, 'slow', '01-slow.md'));
    let slides = 0;
    const t = await sample(
      async () => {
        slides = (await checkDeck('slow', opts)).deck?.slides.length ?? 0;
      },
      3,
      1,
    );
    report(timed('check: the generated slow section (issue 18)', t, `${slides} slides`));
  } catch (e) {
    report({ name: 'check: the generated slow section (issue 18)', unit: 'ms', value: 0, note: `skipped: ${e}` });
  }
}

/** `check` of one deck in a fresh process (modules loaded before the clock starts): its time and peak RSS. */
function checkInChild(
  opts: { contentDir: string; themesDir: string; outDir: string },
  slug: string,
): { ms: number; slides: number; rssMb: number } {
  const script = `
    const { checkDeck } = await import(${JSON.stringify(path.join(root, 'dist/index.js'))});
    const t0 = performance.now();
    const r = await checkDeck(${JSON.stringify(slug)}, ${JSON.stringify(opts)});
    const ms = performance.now() - t0;
    const slides = r.deck?.slides.length ?? 0;
    process.stdout.write(JSON.stringify({ ms, slides, rssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}
