import { checkDeck } from './src/build.js';
import { deckToPptx } from './src/render/deck-to-pptx.js';
const slug = process.argv[2] ?? 'article-200';
const opts = { contentDir: slug === 'article-200' ? '/tmp/big/c' : '/work/main/content', themesDir: '/work/main/themes', outDir: '/tmp/big/o' };
const c = await checkDeck(slug, opts);
for (let i = 0; i < 3; i++) await deckToPptx(c.deck!, c.theme!);
const n = slug === 'article-200' ? 5 : 30; const ts: number[] = [];
for (let i = 0; i < n; i++) { const t = performance.now(); await deckToPptx(c.deck!, c.theme!); ts.push(performance.now() - t); }
ts.sort((a, b) => a - b); console.log(slug, 'render median', ts[n >> 1].toFixed(1), 'ms');
if (process.env.PROF) {
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
for (let i = 0; i < 3; i++) await deckToPptx(c.deck!, c.theme!);
const { profile } = await s.post('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/dbg/render.cpuprofile', JSON.stringify(profile));
}
