#!/usr/bin/env node
/**
 * The `briefdeck` command: runs the compiled CLI (dist/briefdeck.cjs, one
 * CommonJS bundle of src/cli.ts) from V8's code cache, so a command does not
 * parse and compile the same 3 MB of JavaScript every time it starts.
 *
 * Why by hand: Node 20 has no compile cache for modules (`module.
 * enableCompileCache` is Node 22), but `vm.Script` takes and makes V8 code
 * caches. The cache is made after the command ran (`createCachedData` then
 * holds every function the command compiled, not only the top level), once
 * per command, Node and bundle, in the user's cache folder
 * (`$XDG_CACHE_HOME/briefdeck/code-cache`, else `~/.cache/…`). V8 checks a
 * cache against its own version and flags and ignores one that does not fit;
 * the bundle's sha256 is in the file name because V8 checks only the
 * source's length. A cache that cannot be read or written is simply not
 * used: it is never needed for a correct run. `BRIEFDECK_CODE_CACHE=0` turns
 * it off; `BRIEFDECK_CODE_CACHE=debug` says on stderr what it did.
 *
 * Measured on a cold `build` of a content deck: about 0.8× the time of the
 * same bundle compiled from source (the bench's "vs pandoc" section).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

interface CliBundle {
  main(argv: string[]): Promise<number>;
}

const bundle = fileURLToPath(new URL('./briefdeck.cjs', import.meta.url));
const mode = process.env.BRIEFDECK_CODE_CACHE;
const debug = (message: string) => {
  if (mode === 'debug') process.stderr.write(`briefdeck: code cache: ${message}\n`);
};

// harfbuzzjs is an ES module with top-level await, which Node 20 cannot
// `require`; it is imported here and handed to the bundle's `require`.
// Started first, so it loads while the bundle compiles; not for the version
// (which measures nothing: a `require` of it there would throw).
const measuresNothing = ['--version', '-v'].includes(process.argv[2]);
const harfbuzz = measuresNothing ? undefined : import('harfbuzzjs');

const bytes = readFileSync(bundle);
const source = bytes.toString('utf8');
const command = /^[a-z]{1,16}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const flavour = createHash('sha256').update(`${process.version}\0${process.arch}\0${process.execArgv.join('\0')}`).digest('hex').slice(0, 8);
const cacheDir = mode === '0' ? undefined : userCacheDir();
const cacheFile = cacheDir && path.join(cacheDir, `${digest}-${flavour}-${command}.bin`);

let cachedData: Buffer | undefined;
if (cacheFile) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    debug(`none at ${cacheFile}`);
  }
}
// The wrapper Node itself puts around a CommonJS module.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.replace(/^#!.*/, '')}\n})`, { filename: bundle, cachedData });
if (cachedData) debug(script.cachedDataRejected ? `rejected ${cacheFile}` : `used ${cacheFile}`);
if (cacheDir && cacheFile && (!cachedData || script.cachedDataRejected)) process.on('exit', () => saveCache(script, cacheDir, cacheFile));

const hb = await harfbuzz;
const nodeRequire = createRequire(bundle);
const require = Object.assign((id: string): unknown => {
  if (id !== 'harfbuzzjs') return nodeRequire(id);
  if (!hb) throw new Error(`briefdeck bug: \`${process.argv[2]}\` measures text, but src/bin.ts did not load HarfBuzz for it`);
  return hb;
}, nodeRequire);
const module = { exports: {} as CliBundle };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, bundle, path.dirname(bundle));
process.exit(await module.exports.main(process.argv.slice(2)));

/**
 * The cache, written whole or not at all (another command may be reading it).
 * Caches not written for a week (an older briefdeck's) are removed; a cache
 * in use is rewritten only when missing, so this is not on every run.
 */
function saveCache(s: vm.Script, cacheDir: string, cacheFile: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, s.createCachedData());
    renameSync(tmp, cacheFile);
    const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
    for (const f of readdirSync(cacheDir)) {
      const file = path.join(cacheDir, f);
      if (!f.startsWith(digest) && statSync(file).mtimeMs < weekAgo) unlinkSync(file);
    }
    debug(`wrote ${cacheFile}`);
  } catch (e) {
    debug(`not written: ${(e as Error).message}`);
  }
}

/** `$XDG_CACHE_HOME/briefdeck/code-cache`, else under the home folder; none when there is no home to find. */
function userCacheDir(): string | undefined {
  try {
    return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'briefdeck', 'code-cache');
  } catch (e) {
    debug(`off: ${(e as Error).message}`);
    return undefined;
  }
}
