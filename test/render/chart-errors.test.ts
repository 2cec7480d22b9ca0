import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { formatDiagnostic } from '../../src/util/format-diagnostic.js';
import { CHART_TABLE } from '../fixtures/chart-deck.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

describe('a chart that cannot be drawn is an error at its place, and nothing is written', () => {
  const cases: [string, string, string, string, string][] = [
    [
      'a cell that is not a number',
      CHART_TABLE.replace('|   28 |', '|  n/a |'),
      ': Designations {chart=column}',
      '01-figures.md:6:20',
      'Unexpected `n/a` in DPRK · 2022, expected a number',
    ],
    [
      'mixed units in a series',
      CHART_TABLE.replace('|     41 |', '|    41% |'),
      ': Designations {chart=column}',
      '01-figures.md:6:13',
      'expected one unit per series',
    ],
    ['a chart with no series', '| Year |\n|---|\n| 2021 |', ': Years {chart=line}', '01-figures.md:7:3', 'no series'],
    [
      'an unknown chart kind',
      CHART_TABLE,
      ': Designations {chart=area}',
      '01-figures.md:9:23',
      'Unexpected chart kind `area`, expected one of `column`',
    ],
  ];

  it.each(cases)('%s', async (_name, table, caption, at, says) => {
    const c = makeContent({
      brief: { files: { '01-figures.md': `# Figures\n\n${CHART_TABLE}\n\n: Good {chart=column}\n` } },
    });
    const file = path.join(c.out, 'brief.pptx');
    expect((await buildDeck('brief', deckOpts(c))).file).toBe(file);
    const before = readFileSync(file);
    writeFileSync(path.join(c.content, 'brief', '01-figures.md'), `# Figures\n\n${table}\n\n${caption}\n`);
    const r = await buildDeck('brief', deckOpts(c));
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    const line = formatDiagnostic(errors[0]);
    expect(line).toContain(at);
    expect(line).toContain(says);
    expect(r.file).toBeUndefined();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(path.join(c.out, 'brief.pptx'))).toBe(true);
  });
});
