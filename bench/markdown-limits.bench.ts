/**
 * Issue 18's hostile Markdown, `check` (load → parse → validate → plan) in this process, median of a few runs:
 * emphasis-dense text at 100 KB, 400 KB and 1.6 MB (linear if ms per KB stays flat), the 4 KB runs of `*` and `>`
 * refused by the nesting limit, and the generated slow section (a table in a list, long unbroken words).
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeck } from '../src/build.js';
import { median, sample, timed, type Report } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SLOW_SECTION = path.join(root, 'test', 'fixtures', 'slow-section.md');

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
    const slug = deck(`dense-${kb}kb`, '**a** '.repeat(Math.round((kb * 1000) / 6)));
    let slides = 0;
    const t = await sample(
      async () => {
        slides = (await checkDeck(slug, opts)).deck?.slides.length ?? 0;
      },
      kb > 400 ? 2 : 3,
      kb > 400 ? 0 : 1,
    );
    perKb.push((median(t) / kb).toFixed(2));
    report(timed(`check: ${kb} KB of '**a** ' (emphasis-dense)`, t, `${slides} slides`));
  }
  report({ name: 'emphasis-dense: ms per KB at 100 / 400 / 1600 KB', unit: 'ms', value: 0, note: perKb.join(' / ') });
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
