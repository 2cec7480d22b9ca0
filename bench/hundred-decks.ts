/**
 * Child process of the vs-pandoc bench: build every deck of a content folder
 * in this one process (as `briefdeck build` does) and print, as JSON, the
 * memory after deck 10, 50 and the last: resident set size, and the heap
 * still in use after a full collection (flat when nothing is kept per deck).
 * Run with --expose-gc: `node --expose-gc hundred-decks.js CONTENT THEMES OUT`.
 */
import { buildDecks } from '../src/build-all.js';
import { listDecks } from '../src/content/load-deck.js';

const [contentDir, themesDir, outDir] = process.argv.slice(2);
const slugs = await listDecks(contentDir);
const marks = new Set([10, 50, slugs.length]);
const samples: { decks: number; rssMB: number; heapMB: number }[] = [];
let built = 0;
let failed = 0;
await buildDecks(
  slugs,
  { contentDir, themesDir, outDir },
  {
    force: true,
    onDeck: (r) => {
      if (!r.file) failed++;
      if (!marks.has(++built)) return;
      const rss = process.memoryUsage().rss;
      (globalThis as { gc?: () => void }).gc?.();
      samples.push({ decks: built, rssMB: rss / 2 ** 20, heapMB: process.memoryUsage().heapUsed / 2 ** 20 });
    },
  },
);
console.log(JSON.stringify({ decks: built, failed, samples, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
