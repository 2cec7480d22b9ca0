import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { section } from './section-grammar.js';
import { CASE_BUDGET_MS, sectionProblems } from './section-property.js';

/**
 * Issue 18's property over generated sections, a fixed seed so a failure is reproducible (`npm run bench -- soak`
 * runs thousands with fresh seeds and prints any failing one). Every case has a time budget (`CASE_BUDGET_MS`,
 * fast-check's `timeout`): a section that takes longer fails, naming the seed, whatever it holds. Every 20th case is
 * also checked against the OOXML schemas (slow: the package check covers the rest).
 */
const SEED = 18_2026;
const RUNS = Number(process.env.PROP_RUNS ?? 200);

describe('any section builds: a deck or diagnostics, written as planned (property)', () => {
  it(`${RUNS} generated sections, seed ${SEED}`, { timeout: RUNS * CASE_BUDGET_MS }, async () => {
    let n = 0;
    let built = 0;
    await fc.assert(
      fc.asyncProperty(section, async (s) => {
        const problems = await sectionProblems(s, { schemas: n++ % 20 === 0, built: () => built++ });
        expect(problems, JSON.stringify(s)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, timeout: CASE_BUDGET_MS, endOnFailure: true },
    );
    // Not a property that holds because nothing was built: most generated sections make a deck.
    expect(built).toBeGreaterThan(RUNS / 2);
  });

  it('the grammar reaches what the issue names', () => {
    const sample = fc.sample(section, { seed: SEED, numRuns: RUNS }).join('\n');
    for (const needle of ['```', '    ', '| ', '> ', '1. ', '- ', '**', '<div>', '\u2028', '\u0000', '👩‍👩‍👧', '!['])
      expect(sample, needle).toContain(needle);
    expect(sample).toMatch(/\n {6,}(?:[-*+]|\d+[.)]) /); // lists nested three levels and more
  });
});
