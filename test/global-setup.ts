import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Compile dist/ the way every npm script does (scripts/build.mjs: a no-op
 * when nothing changed), so tests that run the real `briefdeck` binary (exit
 * codes, stdout, atomic writes across processes) run the bundle users run.
 * Type errors are `npm test`'s typecheck step's business.
 */
export default function setup(): void {
  // The CLI's code cache (src/bin.ts) goes to a folder of the tests', not the user's ~/.cache; kept between runs, as a
  // user's is.
  process.env.BRIEFDECK_CACHE_DIR = path.join(tmpdir(), `briefdeck-tests-cache-${process.getuid?.() ?? 'user'}`);
  const script = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/build.mjs failed:\n${r.stdout}${r.stderr}`);
}
