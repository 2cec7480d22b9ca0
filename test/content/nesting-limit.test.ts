import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/build.js';
import { nestingProblems } from '../../src/content/nesting-limit.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

/** Issue 18's deep nesting: a content error at file:line:col before marked recurses, and the deck beside it builds. */
async function beside(section: string) {
  const c = makeContent({
    deep: { files: { '01-deep.md': section } },
    plain: { files: { '01-a.md': '# Plain\n\n- a valid deck beside it\n' } },
  });
  const deep = await buildDeck('deep', deckOpts(c));
  const plain = await buildDeck('plain', deckOpts(c));
  expect(plain.pptx).toBeDefined();
  return { deep, c };
}
const codes = (r: { diagnostics: { code: string; severity: string }[] }) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('nesting deeper than a slide can show is a content error (issue 18)', () => {
  it('4 KB of 2,000 `*`, an `x`, then 2,000 `*`', async () => {
    const { deep } = await beside(`# Deep\n\nText ${'*'.repeat(2000)}x${'*'.repeat(2000)}\n`);
    expect(codes(deep)).toEqual(['nesting-too-deep']);
    expect(deep.diagnostics[0].position).toMatchObject({ line: 3, column: 6 });
    expect(deep.diagnostics[0].message).toMatch(/emphasis nested more than 12 levels deep/);
    expect(deep.pptx).toBeUndefined();
  });

  it('2,000 `>` in a row, and 2,000 `> ` with spaces', async () => {
    for (const run of ['>'.repeat(2000), '> '.repeat(2000)]) {
      const { deep } = await beside(`# Deep\n\nLead.\n\n${run} x\n`);
      expect(codes(deep)).toEqual(['nesting-too-deep']);
      expect(deep.diagnostics[0].position.line).toBe(5);
      expect(deep.diagnostics[0].message).toMatch(/lists or quotes nested more than 12 levels/);
    }
  });

  it('lists nested by markers on one line and by indentation', async () => {
    const { deep } = await beside(`# Deep\n\n${'- '.repeat(2000)}x\n`);
    expect(codes(deep)).toEqual(['nesting-too-deep']);
    const indented = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const problems = nestingProblems(`${indented}\n`, 'a.md', 3);
    expect(problems.map((p) => [p.code, p.position.line])).toEqual([['nesting-too-deep', 15]]);
  });

  it('12 levels are fine; so are emphasis-dense text, thematic breaks, code and intraword underscores', async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const ok = [
      twelve,
      '**a** '.repeat(500),
      '* * *',
      '***',
      '```\n' + '*'.repeat(100) + '\n```',
      '`' + '*'.repeat(100) + '`',
      'snake_case_name and __init__ and 2 * 3 * 4',
      '>'.repeat(12) + ' twelve quotes',
    ];
    for (const body of ok) expect(nestingProblems(`${body}\n`, 'a.md', 1), body).toEqual([]);
    const c = makeContent({ ok: { files: { '01-a.md': `# Twelve\n\n${twelve}\n` } } });
    expect(codes(await checkDeck('ok', deckOpts(c)))).toEqual([]);
  });
});
