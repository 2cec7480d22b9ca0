/**
 * Text measurement: the layout of each content deck (plan with measured
 * text) warm and with fresh paragraphs, and the first deck of a process,
 * which opens the fonts (timed in a child process, so nothing is warm).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeck, timestampOf } from '../src/build.js';
import { shippedFonts } from '../src/measure/fonts.js';
import { articleToDeck } from '../src/plan/article-to-deck.js';
import { sourceToArticle } from '../src/content/source-to-article.js';
import { loadDeckSource } from '../src/content/load-deck.js';
import { sample, timed, type Report } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const opts = { contentDir: path.join(root, 'content'), themesDir: path.join(root, 'themes'), outDir: '/nonexistent' };
const DECKS = ['russia-north-korea-treaty', 'us-policy-response'];

export default async function bench(report: Report): Promise<void> {
  const firsts = Array.from({ length: 5 }, () => firstLayoutInFreshProcess());
  report(
    timed(
      'first deck of a process: check (load, parse, plan; opens the fonts)',
      firsts,
      'russia-north-korea-treaty, in a child process',
    ),
  );
  for (const slug of DECKS) {
    const { article, theme, deck } = await checkDeck(slug, opts);
    const plan = (a = article!) =>
      articleToDeck({ article: a, theme: theme!, fonts: shippedFonts(), images: new Map(), timestamp: timestampOf(a) });
    report(timed(`${slug}: layout, warm`, await sample(() => plan(), 30, 3), `${deck!.slides.length} slides`));
    // Fresh paragraph objects each time (as after an edit in watch mode): shaping is cached by text, wrapping is not.
    const source = await loadDeckSource(opts.contentDir, slug);
    report(
      timed(
        `${slug}: layout, freshly parsed article`,
        await sample(() => plan(sourceToArticle(source).article!), 20, 2),
      ),
    );
  }
}

/** ms for loading the deck and planning it once in a new Node process (module loading excluded). */
function firstLayoutInFreshProcess(): number {
  const script = `
    const { checkDeck } = await import(${JSON.stringify(path.join(root, 'dist/index.js'))});
    const t0 = performance.now();
    await checkDeck('russia-north-korea-treaty', ${JSON.stringify(opts)});
    process.stdout.write(String(performance.now() - t0));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout);
}
