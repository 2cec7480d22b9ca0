/**
 * `npm run bench -- soak`: issue 18's property (test/property/) over thousands of generated sections with a fresh
 * seed (SOAK_RUNS, default 2,000; SOAK_SEED to replay one). A failure prints its seed and the shrunk section; the
 * test suite runs a fixed seed and a few hundred cases.
 */
import fc from 'fast-check';
import { section } from '../test/property/section-grammar.js';
import { CASE_BUDGET_MS, sectionProblems } from '../test/property/section-property.js';
import type { Report } from './harness.js';

export default async function bench(report: Report): Promise<void> {
  const runs = Number(process.env.SOAK_RUNS ?? 2000);
  const seed = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);
  let built = 0;
  const t0 = performance.now();
  const result = await fc.check(
    fc.asyncProperty(section, async (s) => {
      const problems = await sectionProblems(s, { built: () => built++ });
      if (problems.length > 0) throw new Error(problems.join('\n'));
    }),
    { seed, numRuns: runs, timeout: CASE_BUDGET_MS },
  );
  const ms = performance.now() - t0;
  if (result.failed) {
    console.log(`\nFAILED at seed ${seed} (replay: SOAK_SEED=${seed} npm run bench -- soak)`);
    console.log(`counterexample: ${JSON.stringify(result.counterexample)}`);
    console.log(String(result.errorInstance).slice(0, 4000));
    process.exitCode = 1;
  }
  report({
    name: `soak: ${result.numRuns} generated sections (seed ${seed})`,
    unit: 'count',
    value: result.failed ? 1 : 0,
    note: `${result.failed ? 'FAILED' : 'no failure'}; ${built} decks built; ${(ms / Math.max(1, result.numRuns)).toFixed(0)} ms per case`,
  });
}
