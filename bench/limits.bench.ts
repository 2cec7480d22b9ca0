/**
 * Large and hostile inputs, each built in its own process (so peak RSS is the
 * case's own): a 1 MB line without a break opportunity (refused at once by
 * the unbreakable-text limit), text at that limit, and sections of 0.5, 1 and
 * 2 MB of ordinary bullets and prose (linear scaling: ms per MB).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sentence = (i: number) => `Sentence ${i} weighs a consequence for regional stability and the alliances involved.`;

export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-limits-'));
  const deck = (slug: string, body: string) => {
    mkdirSync(path.join(dir, slug), { recursive: true });
    writeFileSync(path.join(dir, slug, 'deck.yaml'), `title: ${slug}\ndate: "2026-01-01"\n`);
    writeFileSync(path.join(dir, slug, '01-s.md'), `# ${slug}\n\n${body}\n`);
    return slug;
  };
  const cases: [string, string, number][] = [
    ['1 MB line without a break opportunity (refused)', deck('unbroken-1mb', `- ${'x'.repeat(1 << 20)}`), 1],
    [
      '50 bullets of 2,000 unbroken characters (at the limit)',
      deck('at-limit', Array.from({ length: 50 }, () => `- ${'x'.repeat(2000)}`).join('\n')),
      0.1,
    ],
  ];
  for (const mb of [0.5, 1, 2]) {
    let body = '';
    for (let i = 0; body.length < mb * (1 << 20) - 200; i++)
      body += i % 5 === 4 ? `\n${sentence(i)} ${sentence(i + 1)}\n\n` : `- ${sentence(i)}\n`;
    cases.push([`section of ${mb} MB (bullets and prose)`, deck(`section-${Math.round(mb * 1024)}kb`, body), mb]);
  }
  const perMb: number[] = [];
  for (const [name, slug, mb] of cases) {
    const r = buildInChild(dir, slug);
    report({
      name: `${name}: build`,
      unit: 'ms',
      value: r.ms,
      note: `${r.slides} slides, ${r.errors} errors, peak RSS ${r.rssMb.toFixed(0)} MB`,
    });
    if (slug.startsWith('section-')) perMb.push(r.ms / mb);
  }
  report({
    name: 'sections: ms per MB at 0.5 / 1 / 2 MB (linear if flat)',
    unit: 'ms',
    value: perMb[perMb.length - 1],
    note: perMb.map((x) => x.toFixed(0)).join(' / '),
  });
}

function buildInChild(contentDir: string, slug: string): { ms: number; slides: number; errors: number; rssMb: number } {
  const script = `
    const { buildDeck } = await import(${JSON.stringify(path.join(root, 'dist/index.js'))});
    const t0 = performance.now();
    const r = await buildDeck(${JSON.stringify(slug)}, { contentDir: ${JSON.stringify(contentDir)}, themesDir: ${JSON.stringify(path.join(root, 'themes'))}, outDir: ${JSON.stringify(path.join(contentDir, 'out'))} });
    const ms = performance.now() - t0;
    process.stdout.write(JSON.stringify({ ms, slides: r.deck?.slides.length ?? 0, errors: r.diagnostics.filter((d) => d.severity === 'error').length, rssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}
