/**
 * What changed, in the terms of columns, callouts and builds: `Column "Beijing" · bullet added`, the callout's own
 * label, builds turned on or off; a column split over slides folds back into one column.
 */
import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import { deckToVersion } from '../../src/history/deck-to-version.js';
import { diffVersions } from '../../src/history/diff-versions.js';
import { formatDiff, summarizeDiff } from '../../src/history/format-diff.js';
import type { DeckVersion } from '../../src/history/version.js';
import { columnsStressDeck } from '../fixtures/columns-stress-deck.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

async function versionOf(yaml: string, files: Record<string, string>): Promise<DeckVersion> {
  const r = await checkDeck(
    'd',
    deckOpts(makeContent({ d: { yaml: `title: D\ndate: "2026-01-02"\n${yaml}`, files } })),
  );
  expect(r.deck, JSON.stringify(r.diagnostics)).toBeDefined();
  return deckToVersion(r.deck!, r.article!, 'v');
}

const sides = (beijing: string[]) =>
  `# Options\n\n:::: columns\n::: column\n### Washington\n- Sanctions enforcement\n:::\n::: column\n### Beijing\n${beijing.map((b) => `- ${b}`).join('\n')}\n:::\n::::\n\n- Talks resume\n\n> [!IMPORTANT]\n> Beijing will hedge.\n`;

describe('what changed, for columns, callouts and builds', () => {
  it('names the column, the callout label and the builds', async () => {
    const before = await versionOf('', { '01-options.md': sides(['Selective enforcement']) });
    const after = await versionOf('incremental: true\ncallouts:\n  IMPORTANT: Key judgment\n', {
      '01-options.md': sides(['Selective enforcement', 'Port access for the fleet']).replace(
        'Beijing will hedge.',
        'Beijing will hedge, then side with Moscow.',
      ),
    });
    const d = diffVersions(before, after);
    const lines = formatDiff(d);
    expect(lines).toContain('Column "Beijing" · bullet added · Options: "Port access for the fleet" (slide 3)');
    expect(
      lines.some((l) => l.startsWith('Callout changed · Options') || l.startsWith('Key judgment changed · Options')),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('Builds turned on · Options'))).toBe(true);
    expect(summarizeDiff(d)).toContain('builds in 1 section');
  });

  it('folds a column carried over three slides back into one column, in order', async () => {
    const r = await checkDeck('stress', deckOpts(makeContent({ stress: columnsStressDeck })));
    const v = deckToVersion(r.deck!, r.article!, 'v');
    const block = v.sections.find((s) => s.slug === 'long-column')!.blocks[0];
    if (block.kind !== 'columns') throw new Error(`columns expected, got ${block.kind}`);
    expect(block.slides).toHaveLength(3);
    expect(block.builds).toBe(true);
    expect(block.lead).toBe('The two capitals compared:');
    expect(block.columns.map((c) => [c.name, c.bullets.length])).toEqual([
      ['Washington', 11],
      ['Beijing', 2],
    ]);
    expect(block.columns[0].bullets.map((b) => b.slides[0])).toEqual([
      ...Array(4).fill(block.slides[0]),
      ...Array(4).fill(block.slides[1]),
      ...Array(3).fill(block.slides[2]),
    ]);
    const callouts = v.sections.find((s) => s.slug === 'callouts')!.blocks.filter((b) => b.kind === 'callout');
    expect(callouts.map((b) => (b.kind === 'callout' ? b.label : ''))).toEqual([
      'Key judgment',
      'Bottom line',
      'Tip',
      'Warning',
      'Caution',
    ]);
  });
});
