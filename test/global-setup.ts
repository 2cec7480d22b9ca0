import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Compile once so tests that run the real `briefdeck` binary (exit codes,
 * stdout, atomic writes across processes) test what users run.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
