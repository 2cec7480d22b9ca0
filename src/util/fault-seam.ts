/**
 * A test seam, not a feature: tests prove that an unexpected exception in one
 * deck's stage is that deck's failure (isolation) by naming the stage and
 * deck in `BRIEFDECK_TEST_FAULT` (`render:<deck>`, `export:<deck>`,
 * `send:<deck>`), in the environment of the CLI they start. It is read from
 * the environment because the CLI under test is a separate process (a
 * `watch` rebuild, a real `send`). Nothing documents it to users and it
 * changes nothing else.
 */
export type FaultStage = 'check' | 'render' | 'export' | 'send';

export function faultPoint(stage: FaultStage, slug: string, env: NodeJS.ProcessEnv = process.env): void {
  const want = env.BRIEFDECK_TEST_FAULT;
  if (want && want.split(',').includes(`${stage}:${slug}`))
    throw new TypeError(`injected fault: ${stage} of \`${slug}\` (BRIEFDECK_TEST_FAULT)`);
}
