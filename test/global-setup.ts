import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Compile dist/ the way every npm script does (scripts/build.mjs: a no-op
 * when nothing changed), so tests that run the real `briefdeck` binary (exit
 * codes, stdout, atomic writes across processes) run the bundle users run.
 * Type errors are `npm test`'s typecheck step's business.
 */
export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/build.mjs failed:\n${r.stdout}${r.stderr}`);
}
