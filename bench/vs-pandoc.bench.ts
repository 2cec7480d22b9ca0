/**
 * briefdeck as a user runs it, whole processes timed from spawn to exit
 * (Node's start-up included), next to pandoc making a .pptx of the same
 * article: the two are run in turn (A B A B …) and each ratio is taken pair by
 * pair, so the machine's drift hits both alike. Then `npm run decks` with
 * nothing changed, `briefdeck check` cold, and the memory of 100 decks built
 * in one process. Targets are from issue 12; nothing here fails on a figure.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleMarkdown, makeCorpus } from './corpus.js';
import { median, type BenchRow, type Report } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist-bench/bench → repo
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CONTENT = path.join(ROOT, 'content');
const THEMES = path.join(ROOT, 'themes');
const DECK = 'us-policy-response';

export default async function bench(report: Report): Promise<void> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'briefdeck-bench-pandoc-'));
  try {
    const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
    const havePandoc = pandoc.status === 0;
    if (!havePandoc) {
      console.log('\n  SKIPPED: the comparison with pandoc — `pandoc` is not installed (apt-get install -y pandoc).');
      console.log('  Only briefdeck\'s own figures follow; the "vs pandoc" ratios are missing.\n');
    } else console.log(`(${pandoc.stdout.split('\n')[0]})`);

    // Cold one-deck build: a new process, --force, into an empty folder.
    const small = path.join(tmp, `${DECK}.md`);
    writeFileSync(small, articleMarkdown(path.join(CONTENT, DECK)));
    const deckArgs = [
      'build',
      DECK,
      '--force',
      '--content',
      CONTENT,
      '--themes',
      THEMES,
      '--out',
      path.join(tmp, 'out-1'),
    ];
    compare(
      report,
      `cold build of ${DECK}`,
      [process.execPath, CLI, ...deckArgs],
      havePandoc ? ['pandoc', small, '-o', path.join(tmp, 'pandoc-1.pptx')] : undefined,
      10,
      1.0,
    );
    // The code cache (src/bin.ts) as a lever: the same cold build without it, paired.
    pair(
      report,
      `cold build of ${DECK}`,
      { name: 'with the code cache', cmd: [process.execPath, CLI, ...deckArgs] },
      {
        name: 'without it (BRIEFDECK_CODE_CACHE=0)',
        cmd: [process.execPath, CLI, ...deckArgs],
        env: { BRIEFDECK_CODE_CACHE: '0' },
      },
      10,
    );

    // The same article on an organisation's template: pandoc's reference document (saved by PowerPoint),
    // as pandoc's --reference-doc and as a briefdeck theme.
    if (havePandoc) {
      const themes = path.join(tmp, 'themes');
      mkdirSync(themes);
      cpSync(path.join(THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
      const reference = path.join(themes, 'reference.pptx');
      writeFileSync(reference, spawnSync('pandoc', ['--print-default-data-file', 'reference.pptx']).stdout);
      const onTemplate = [
        'build',
        DECK,
        '--force',
        '--content',
        CONTENT,
        '--themes',
        themes,
        '--theme',
        'reference',
        '--out',
        path.join(tmp, 'out-t'),
      ];
      compare(
        report,
        `cold build of ${DECK} on a template`,
        [process.execPath, CLI, ...onTemplate],
        ['pandoc', small, '--reference-doc', reference, '-o', path.join(tmp, 'pandoc-t.pptx')],
        10,
        1.0,
      );
    }

    // A 200-section article (about 330 slides).
    const corpus = makeCorpus(CONTENT, { sections: 200, decks: 0 });
    const big = path.join(tmp, 'article-200.md');
    writeFileSync(big, articleMarkdown(path.join(corpus.dir, corpus.big)));
    const bigArgs = [
      'build',
      corpus.big,
      '--force',
      '--content',
      corpus.dir,
      '--themes',
      THEMES,
      '--out',
      path.join(tmp, 'out-200'),
    ];
    compare(
      report,
      'cold build of a 200-section article',
      [process.execPath, CLI, ...bigArgs],
      havePandoc ? ['pandoc', big, '-o', path.join(tmp, 'pandoc-200.pptx')] : undefined,
      5,
      0.5,
    );
    rmSync(corpus.dir, { recursive: true, force: true });

    // `npm run decks` with nothing changed: npm, the freshness check and a no-op build.
    const npm = ['npm', 'run', '-s', 'decks', '--', '--out', path.join(tmp, 'out-decks')];
    report({ ...timedProcess('`npm run decks`, nothing changed', npm, 10, 1), note: 'target ≤ 1000 ms' });

    // check of both content decks, in a new process.
    report({
      ...timedProcess(
        '`briefdeck check`, both content decks, cold',
        [process.execPath, CLI, 'check', '--content', CONTENT, '--themes', THEMES],
        10,
        1,
      ),
      note: 'target ≤ 500 ms',
    });

    // 100 different decks in one process.
    for (const row of hundredDecks(tmp)) report(row);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A (briefdeck) against B (pandoc) in turn; medians with min–max, and the
 * paired ratio. Every briefdeck run is a new process; its warm-up run leaves
 * the command's code cache (src/bin.ts) behind, as a user's first run does.
 */
function compare(
  report: Report,
  what: string,
  a: string[],
  b: string[] | undefined,
  runs: number,
  target: number,
): void {
  if (!b) {
    report(timedProcess(`briefdeck: ${what}`, a, runs, 1));
    return;
  }
  pair(report, what, { name: 'briefdeck', cmd: a }, { name: 'pandoc', cmd: b }, runs, target);
}

interface Side {
  name: string;
  cmd: string[];
  env?: NodeJS.ProcessEnv;
}

function pair(report: Report, what: string, a: Side, b: Side, runs: number, target?: number): void {
  run(a.cmd, a.env);
  run(b.cmd, b.env);
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(run(a.cmd, a.env));
    bs.push(run(b.cmd, b.env));
  }
  report({ name: `${a.name}: ${what}`, unit: 'ms', value: median(as), samples: as });
  report({ name: `${b.name}: ${what}`, unit: 'ms', value: median(bs), samples: bs });
  const ratios = as.map((t, i) => t / bs[i]);
  report({
    name: `ratio ${a.name} / ${b.name} (paired), ${what}`,
    unit: 'x',
    value: median(ratios),
    samples: ratios,
    ...(target ? { note: `target ≤ ${target}` } : {}),
  });
}

function timedProcess(name: string, cmd: string[], runs: number, warmup: number): BenchRow {
  for (let i = 0; i < warmup; i++) run(cmd);
  const samples = Array.from({ length: runs }, () => run(cmd));
  return { name, unit: 'ms', value: median(samples), samples };
}

/** Wall time of one process, spawn to exit; a failure stops the bench. */
function run([cmd, ...args]: string[], env: NodeJS.ProcessEnv = {}): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`\`${[cmd, ...args].join(' ')}\` exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return ms;
}

interface HundredDecks {
  decks: number;
  failed: number;
  samples: { decks: number; rssMB: number; heapMB: number }[];
  peakRssMB: number;
}

/** 100 decks (copies of the content decks, each with its own words) built by one `hundred-decks.js` process. */
function hundredDecks(tmp: string): BenchRow[] {
  const corpus = makeCorpus(CONTENT, { sections: 0, decks: 100, vary: true });
  try {
    const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hundred-decks.js');
    const r = spawnSync(process.execPath, ['--expose-gc', child, corpus.dir, THEMES, path.join(tmp, 'out-100')], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`hundred-decks.js exited ${r.status}:\n${r.stderr}`);
    const m = JSON.parse(r.stdout) as HundredDecks;
    if (m.failed > 0) throw new Error(`${m.failed} of the 100 decks failed to build`);
    const at = (n: number) => m.samples.find((s) => s.decks === n)!;
    const heap = m.samples.map((s) => `${s.decks}: ${s.heapMB.toFixed(0)}`).join(', ');
    return [
      { name: '100 decks in one process: peak RSS', unit: 'MB', value: m.peakRssMB, note: 'target ≤ 250' },
      ...[10, 50, 100].map(
        (n): BenchRow => ({
          name: `100 decks in one process: RSS after deck ${n}`,
          unit: 'MB',
          value: at(n).rssMB,
          ...(n === 100 ? { note: `heap in use after a full GC, MB (after deck ${heap})` } : {}),
        }),
      ),
      {
        name: '100 decks in one process: heap kept per deck (deck 10 → 100)',
        unit: 'MB',
        value: (at(100).heapMB - at(10).heapMB) / 90,
        note: 'flat = 0',
      },
    ];
  } finally {
    rmSync(corpus.dir, { recursive: true, force: true });
  }
}
