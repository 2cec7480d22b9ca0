import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** CI sets CI (GitHub Actions, GitLab, .ci/run); `CI=false` or `CI=0` does not count. */
const onCi = (env: NodeJS.ProcessEnv) => !!env.CI && env.CI !== 'false' && env.CI !== '0';

/**
 * Compare `got` with a golden file. `UPDATE=1` rewrites it. A missing golden
 * file is written (and the test passes) on a developer's machine, so a new
 * golden is one run away; under CI it fails, so a golden that was never
 * committed cannot pass unseen.
 */
export function matchGolden(file: string, got: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.UPDATE) writeFileSync(file, got);
  else if (!existsSync(file)) {
    if (onCi(env))
      throw new Error(
        `missing golden file \`${path.relative(process.cwd(), file)}\`: run \`npm run test:update\` and commit it`,
      );
    writeFileSync(file, got);
  }
  expect(got).toBe(readFileSync(file, 'utf8'));
}
