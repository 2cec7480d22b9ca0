/**
 * Regeneration: a no-op build over the content decks (everything unchanged),
 * in process and as a `briefdeck build` process, and the time from a save to
 * the new .pptx in `briefdeck watch`: the first save after the watcher
 * started (decks up to date, so nothing was built yet) against later saves.
 *
 * The processes run the bundled CLI in dist/ (`npm run bench` compiles it
 * first when stale, as every npm script does).
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDecks } from '../src/build-all.js';
import { sample, timed, type Report } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist-bench/bench → repo
const CLI = path.join(ROOT, 'dist', 'cli.js');
const DECKS = ['russia-north-korea-treaty', 'us-policy-response'];
const STARTS = 5; // watcher starts, each timing its first save and then LATER more
const LATER = 4;

export default async function (report: Report): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-regen-'));
  try {
    for (const d of DECKS) await cp(path.join(ROOT, 'content', d), path.join(dir, 'content', d), { recursive: true });
    await cp(path.join(ROOT, 'themes'), path.join(dir, 'themes'), { recursive: true });
    const opts = {
      contentDir: path.join(dir, 'content'),
      themesDir: path.join(dir, 'themes'),
      outDir: path.join(dir, 'output'),
    };

    const first = await buildDecks(DECKS, opts);
    if (first.some((r) => !r.file)) throw new Error('the content decks did not build');
    const full = await sample(() => buildDecks(DECKS, opts, { force: true }), 5, 1);
    report(timed(`full build, ${DECKS.length} content decks (in process, --force)`, full));
    const noop = await sample(
      async () => {
        const rs = await buildDecks(DECKS, opts);
        if (!rs.every((r) => r.skipped)) throw new Error('a no-op build rebuilt something');
      },
      20,
      2,
    );
    report(timed(`no-op build, ${DECKS.length} content decks unchanged (in process)`, noop));
    const cli = await sample(
      () => {
        const r = spawnSync(process.execPath, [CLI, 'build'], { cwd: dir, encoding: 'utf8' });
        if (r.status !== 0 || !/up to date/.test(r.stdout)) throw new Error(`briefdeck build: ${r.stderr}`);
      },
      5,
      1,
    );
    report(timed('no-op `briefdeck build` process (incl. Node start-up)', cli));

    const firsts: number[] = [];
    const laters: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const [head, ...rest] = await watchLatency(dir, 1 + LATER);
      firsts.push(head);
      laters.push(...rest);
    }
    report(
      timed(
        `watch: first save after start → new .pptx (debounce 150 ms)`,
        firsts,
        'target ≤ 300 ms, as fast as later saves',
      ),
    );
    report(timed(`watch: later saves → new .pptx (debounce 150 ms)`, laters));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Start `briefdeck watch` with every deck up to date, then `edits` times:
 * append to a section file and time until its `rebuilt` line (printed after
 * the .pptx is renamed into place).
 */
async function watchLatency(dir: string, edits: number): Promise<number[]> {
  const child = spawn(process.execPath, [CLI, 'watch'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.resume();
  const waitFor = async (test: () => boolean, what: string) => {
    const deadline = Date.now() + 30_000;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`watch bench: timed out waiting for ${what}\n${out}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  try {
    await waitFor(() => out.includes('watching '), 'the watcher');
    const rebuilt = () => (out.match(/ rebuilt /g) ?? []).length;
    const samples: number[] = [];
    for (let i = 0; i < edits; i++) {
      await new Promise((r) => setTimeout(r, 200)); // a person does not save twice within a debounce
      const before = rebuilt();
      const file = path.join(dir, 'content', DECKS[i % 2], '01-introduction.md');
      const t0 = performance.now();
      await appendFile(file, `\nEdit number ${i} made by the bench.\n`);
      await waitFor(() => rebuilt() > before, `rebuild ${i}`);
      samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('close', r));
  }
}
