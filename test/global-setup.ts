import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Compile once so tests that run the real `briefdeck` binary (exit codes,
 * stdout, atomic writes across processes) test what users run. Type errors
 * are `npm test`'s typecheck step's business; here only missing output fails.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (!existsSync(new URL('../dist/cli.js', import.meta.url))) throw new Error(`tsc produced no dist/cli.js:\n${r.stdout}${r.stderr}`);
}
