#!/usr/bin/env node
/**
 * The `briefdeck` command: runs the compiled CLI (dist/briefdeck.cjs, one
 * CommonJS bundle of src/cli.ts) from V8's code cache, so a command does not
 * parse and compile the same 3 MB of JavaScript every time it starts.
 *
 * Why by hand: Node 20 has no compile cache for modules (`module.
 * enableCompileCache` is Node 22), but `vm.Script` takes and makes V8 code
 * caches. The cache is made after the command ran (`createCachedData` then
 * holds every function the command compiled, not only the top level), per
 * command, Node version and flags, and bundle, in the user's cache folder
 * (`$BRIEFDECK_CACHE_DIR`, else `$XDG_CACHE_HOME/briefdeck`, else
 * `~/.cache/briefdeck`; then `code-cache/`). V8 checks a cache against its
 * own version and flags and ignores one that does not fit; the bundle's
 * sha256 is in the file name because V8 checks only the source's length. A
 * cache is made again once a day, so one made by a run that compiled little
 * (a no-op build) does not stay. It is compiled code, so only a cache the
 * user alone can write is used. A cache that cannot be read or written is
 * simply not used: it is never needed for a correct run.
 * `BRIEFDECK_CODE_CACHE=0` turns it off; `=debug` says on stderr what it did.
 *
 * Measured on a cold `build` of a content deck: about 0.8× the time of the
 * same bundle compiled from source (the bench's "vs pandoc" section).
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

interface CliBundle {
  main(argv: string[]): Promise<number>;
  commands: { name: string }[];
}

const DAY_MS = 24 * 3600 * 1000;
const bundle = fileURLToPath(new URL('./briefdeck.cjs', import.meta.url));
const mode = process.env.BRIEFDECK_CODE_CACHE;
const debug = (message: string) => {
  if (mode === 'debug') process.stderr.write(`briefdeck: code cache: ${message}\n`);
};

// harfbuzzjs is an ES module with top-level await, which Node 20 cannot
// `require`; it is imported here and handed to the bundle's `require`.
// Started first, so its files are read and its WebAssembly compiled off the
// main thread while the bundle is read. Not for the version, which measures
// nothing (a `require` of it there would throw).
const measuresNothing = ['--version', '-v'].includes(process.argv[2]);
const harfbuzz = measuresNothing ? undefined : import('harfbuzzjs');

const bytes = readFileSync(bundle);
const source = bytes.toString('utf8');
// A command's own cache; an option or a word that is no command (read as
// such first, written as `other`: a typo leaves no file of its own).
const command = /^[a-z]{1,16}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
// The bundle's path too: V8 keeps the script name a cache was made under, so a cache made by another checkout's
// identical bundle would make stack traces name that checkout's file, not the one that ran.
const flavour = createHash('sha256')
  .update(
    `${process.version}\0${process.arch}\0${process.execArgv.join('\0')}\0${process.env.NODE_OPTIONS ?? ''}\0${bundle}`,
  )
  .digest('hex')
  .slice(0, 8);
const cacheDir = mode === '0' ? undefined : userCacheDir();
const cacheName = (name: string) => `${digest}-${flavour}-${name}.bin`;
const cacheFile = cacheDir && path.join(cacheDir, cacheName(command));

let cachedData: Buffer | undefined;
let stale = false;
if (cacheDir && cacheFile) {
  try {
    const dir = statSync(cacheDir);
    const file = statSync(cacheFile);
    if (!ownOnly(dir) || !ownOnly(file)) debug(`not used: ${cacheFile} or its folder can be written by others`);
    else {
      cachedData = readFileSync(cacheFile);
      stale = Date.now() - file.mtimeMs > DAY_MS;
    }
  } catch {
    debug(`none at ${cacheFile}`);
  }
}
// The wrapper Node itself puts around a CommonJS module.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
if (cachedData)
  debug(
    script.cachedDataRejected ? `rejected ${cacheFile}` : `used ${cacheFile}${stale ? ' (a day old: made again)' : ''}`,
  );
if (cacheDir && cacheFile && (!cachedData || script.cachedDataRejected || stale)) {
  process.on('exit', () =>
    saveCache(
      script,
      cacheDir,
      module.exports.commands?.some((c) => c.name === command) ? cacheFile : path.join(cacheDir, cacheName('other')),
    ),
  );
}

const hb = await harfbuzz;
const nodeRequire = createRequire(bundle);
const require = Object.assign((id: string): unknown => {
  if (id !== 'harfbuzzjs') return nodeRequire(id);
  if (!hb)
    throw new Error(`briefdeck bug: \`${process.argv[2]}\` measures text, but src/bin.ts did not load HarfBuzz for it`);
  return hb;
}, nodeRequire);
const module = { exports: {} as CliBundle };
(script.runInThisContext() as (...args: unknown[]) => void)(
  module.exports,
  require,
  module,
  bundle,
  path.dirname(bundle),
);
process.exit(await module.exports.main(process.argv.slice(2)));

/**
 * The cache, written whole or not at all (another command may be reading it),
 * readable and writable by the user alone. Caches not written for a week (an
 * older briefdeck's) are removed.
 */
function saveCache(s: vm.Script, dir: string, file: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, s.createCachedData(), { mode: 0o600 });
    renameSync(tmp, file);
    const weekAgo = Date.now() - 7 * DAY_MS;
    for (const f of readdirSync(dir)) {
      const other = path.join(dir, f);
      if (!f.startsWith(digest) && statSync(other).mtimeMs < weekAgo) unlinkSync(other);
    }
    debug(`wrote ${file}`);
  } catch (e) {
    debug(`not written: ${(e as Error).message}`);
    try {
      unlinkSync(tmp);
    } catch {
      // never written, or already renamed
    }
  }
}

/** Owned by this user and writable by no one else (always true where there are no user ids). */
function ownOnly(st: Stats): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (st.uid === uid && (st.mode & 0o022) === 0);
}

/**
 * `$BRIEFDECK_CACHE_DIR/code-cache`, else under `$XDG_CACHE_HOME` or the home folder; none when there is no home to
 * find.
 */
function userCacheDir(): string | undefined {
  try {
    const root =
      process.env.BRIEFDECK_CACHE_DIR ||
      path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'briefdeck');
    return path.join(root, 'code-cache');
  } catch (e) {
    debug(`off: ${(e as Error).message}`);
    return undefined;
  }
}
