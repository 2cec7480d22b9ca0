/**
 * Golden outlines of the content decks: what a briefer sees, slide by slide,
 * read back from the .pptx. A change in planning or rendering shows up as a
 * readable diff. Regenerate with `npm run test:update`; a missing golden
 * fails under CI (test/helpers/golden.ts).
 */
import path from 'node:path';
import { describe, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { ROOT } from '../helpers/cli.js';
import { makeContent, REPO_CONTENT, REPO_THEMES } from '../helpers/decks.js';
import { matchGolden } from '../helpers/golden.js';
import { readPptx, type PptxView } from '../helpers/pptx.js';

function outline(view: PptxView): string {
  const lines: string[] = [];
  const sectionOf = new Map(view.sections.flatMap((s) => s.slideIndexes.map((i) => [i, s.name] as const)));
  view.slides.forEach((s, i) => {
    lines.push(`## ${i + 1}. ${s.title}`, `layout: ${s.layoutName} · section: ${sectionOf.get(i) ?? '-'}`);
    for (const t of s.texts.slice(1)) lines.push(`  ${t.replace(/\n/g, ' / ')}`);
    for (const table of s.tables) for (const row of table) lines.push(`  | ${row.join(' | ')} |`);
    if (s.notes) lines.push(`  notes: ${s.notes.replace(/\s+/g, ' ').slice(0, 100)}…`);
    lines.push('');
  });
  return lines.join('\n');
}

describe('golden outlines', () => {
  for (const slug of ['russia-north-korea-treaty', 'us-policy-response']) {
    it(slug, async () => {
      const r = await buildDeck(slug, {
        contentDir: REPO_CONTENT,
        themesDir: REPO_THEMES,
        outDir: makeContent({}).out,
      });
      const got = outline(await readPptx(r.pptx!));
      matchGolden(path.join(ROOT, 'test', 'golden', `${slug}.outline.md`), got);
    });
  }
});
