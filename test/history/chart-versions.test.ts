import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import { deckToVersion } from '../../src/history/deck-to-version.js';
import { diffVersions } from '../../src/history/diff-versions.js';
import { diffHtml, formatDiff, summarizeDiff } from '../../src/history/format-diff.js';
import { DeckVersionSchema } from '../../src/history/version.js';
import { CHART_TABLE } from '../fixtures/chart-deck.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

async function version(table: string, caption = ': Designations per year {chart=column}') {
  const files = { '01-figures.md': `# Figures\n\n${table}\n\n${caption}\n` };
  const r = await checkDeck('brief', deckOpts(makeContent({ brief: { files } })));
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return deckToVersion(r.deck!, r.article!, `v-${Math.random()}`);
}

describe('what changed knows charts', () => {
  it('a version record holds each chart’s numbers, and reads back through its schema', async () => {
    const v = await version(CHART_TABLE);
    const block = v.sections[0].blocks[0];
    expect(block).toMatchObject({
      kind: 'chart',
      chart: 'Designations per year',
      chartKind: 'column',
      categories: ['2021', '2022', '2023'],
      series: [
        { name: 'Russia', values: [12, 41, 67] },
        { name: 'DPRK', values: [30, 28, null] },
        { name: 'Third-country', values: [4, 9, 22] },
      ],
    });
    expect(DeckVersionSchema.parse(JSON.parse(JSON.stringify(v)))).toEqual(v);
  });

  it('diff names a changed figure by chart, series and category', async () => {
    const a = await version(CHART_TABLE);
    const b = await version(CHART_TABLE.replace('|     67 |      |', '|     71 |   35 |'));
    const d = diffVersions(a, b);
    const lines = formatDiff(d);
    expect(lines).toContain('Chart "Designations per year" · Russia · 2023: 67 → 71 (slide 3)');
    expect(lines).toContain('Chart "Designations per year" · DPRK · 2023: none → 35 (slide 3)');
    expect(summarizeDiff(d)).toBe('updated: 1 chart');
    // The slides the gallery outlines.
    expect(d.slides).toEqual([3]);
    expect(diffHtml(d)).toContain('<strong>Chart &quot;Designations per year&quot; · Russia · 2023</strong>: 67 → 71');
  });

  it('series and categories added or removed, a new kind and a new caption', async () => {
    const a = await version(CHART_TABLE);
    const table = CHART_TABLE.split('\n')
      .map((l) => l.replace(/\|[^|]*\|$/, '|'))
      .concat('| 2024 | 70 | 31 |')
      .join('\n');
    const b = await version(table, ': Designations by year {chart=line}');
    expect(formatDiff(diffVersions(a, b))).toEqual([
      'Chart changed · Figures: "Designations per year" → "Designations by year" (slide 3)',
      'Chart changed · Figures: "column" → "line" (slide 3)',
      'Chart series removed: "Designations by year" · "Third-country" (slide 3)',
      'Chart category added: "Designations by year" · "2024" (slide 3)',
      'Slides with changes: 3',
    ]);
  });
});
