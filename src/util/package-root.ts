import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of briefdeck's own package.json, found by walking up from this
 * file: the same answer from src/ (tests), dist/ (the CLI) or dist-bench/.
 */
export const PACKAGE_ROOT: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'briefdeck')
      return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('briefdeck: cannot find its package.json (this is a bug)');
    dir = up;
  }
})();

let version: string | undefined;

/** briefdeck's version, from its package.json. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  return version;
}
