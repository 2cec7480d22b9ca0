/**
 * Regeneration: a no-op build over the content decks (everything unchanged),
 * in process and as a `briefdeck build` process, and the time from a save to
 * the new .pptx in `briefdeck watch` (median of 20 edits).
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
const EDITS = 20;

export default async function (report: Report): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-bench-regen-'));
  try {
    for (const d of DECKS) await cp(path.join(ROOT, 'content', d), path.join(dir, 'content', d), { recursive: true });
    await cp(path.join(ROOT, 'themes'), path.join(dir, 'themes'), { recursive: true });
    const opts = { contentDir: path.join(dir, 'content'), themesDir: path.join(dir, 'themes'), outDir: path.join(dir, 'output') };

    const first = await buildDecks(DECKS, opts);
    if (first.some((r) => !r.file)) throw new Error('the content decks did not build');
    const full = await sample(() => buildDecks(DECKS, opts, { force: true }), 5, 1);
    report(timed(`full build, ${DECKS.length} content decks (in process, --force)`, full));
    const noop = await sample(async () => {
      const rs = await buildDecks(DECKS, opts);
      if (!rs.every((r) => r.skipped)) throw new Error('a no-op build rebuilt something');
    }, 20, 2);
    report(timed(`no-op build, ${DECKS.length} content decks unchanged (in process)`, noop));
    const cli = await sample(() => {
      const r = spawnSync(process.execPath, [CLI, 'build'], { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0 || !/up to date/.test(r.stdout)) throw new Error(`briefdeck build: ${r.stderr}`);
    }, 5, 1);
    report(timed('no-op `briefdeck build` process (incl. Node start-up)', cli));

    report(timed(`watch: save → new .pptx (median of ${EDITS} edits, debounce 150 ms)`, await watchLatency(dir)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Start `briefdeck watch`, append to a section file, time until its `rebuilt` line (printed after the .pptx is renamed into place). */
async function watchLatency(dir: string): Promise<number[]> {
  const child = spawn(process.execPath, [CLI, 'watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
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
    for (let i = 0; i < EDITS + 2; i++) {
      const before = rebuilt();
      const file = path.join(dir, 'content', DECKS[i % 2], '01-introduction.md');
      const t0 = performance.now();
      await appendFile(file, `\nEdit number ${i} made by the bench.\n`);
      await waitFor(() => rebuilt() > before, `rebuild ${i}`);
      if (i >= 2) samples.push(performance.now() - t0); // two warm-up edits
    }
    return samples;
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('close', r));
  }
}
