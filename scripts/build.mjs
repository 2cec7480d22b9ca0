#!/usr/bin/env node
/**
 * Compile briefdeck once, and only when something that goes into it changed.
 *
 *   node scripts/build.mjs            bundle src/ into dist/ if stale (every npm script runs this)
 *   node scripts/build.mjs --types    also emit dist/**\/*.d.ts with tsc if stale (npm install: `prepare`)
 *   node scripts/build.mjs --bench    bundle bench/ into dist-bench/ if stale (`npm run bench`)
 *   --force                           rebuild even when fresh
 *
 * Plain JavaScript, so it runs before anything is compiled. Freshness is a
 * sha256 over the inputs' bytes (sources, tsconfigs, package.json, the
 * installed dependency tree, this script), not their mtimes: a checkout or an
 * editor that touches files without changing them costs nothing, and an edit
 * that keeps the mtime is still seen. With nothing changed this takes a few
 * milliseconds; a rebuild with esbuild (three bundles) about a second.
 *
 * The CLI is bundled because resolving and loading hundreds of small modules
 * was a large share of a cold command: one CommonJS file (dist/briefdeck.cjs)
 * that dist/cli.js runs from V8's code cache (src/bin.ts says why), and the
 * library API as ES modules with shared chunks (dist/index.js). Packages that
 * load files from their own folder at run time stay
 * external and are resolved from node_modules as usual: sharp (a native
 * addon), harfbuzzjs (it reads its hb.wasm next to itself) and linebreak.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALIASES } from './aliases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTERNAL = ['sharp', 'harfbuzzjs', 'linebreak'];
// ESM output with bundled CommonJS dependencies needs a `require` for Node's built-ins.
const BANNER =
  "import { createRequire as __briefdeckRequire } from 'node:module';\nconst require = __briefdeckRequire(import.meta.url);";
const ESM = { format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]', banner: { js: BANNER } };

/**
 * What each target bundles, from which inputs, into which folder. The CLI is
 * one CommonJS file, `briefdeck.cjs`, that `cli.js` (src/bin.ts) runs from
 * V8's code cache; the library (`index.js`) stays ES modules.
 */
const TARGETS = {
  cli: {
    out: 'dist',
    inputs: ['src'],
    builds: () => [
      { entryPoints: { index: 'src/index.ts' }, ...ESM },
      { entryPoints: { cli: 'src/bin.ts' }, format: 'esm' },
      {
        entryPoints: { briefdeck: 'src/cli.ts' },
        format: 'cjs',
        outExtension: { '.js': '.cjs' },
        // `import.meta.url` is the bundle's own URL, as it was each module's in dist/.
        define: { 'import.meta.url': '__briefdeckUrl' },
        banner: { js: "const __briefdeckUrl = require('node:url').pathToFileURL(__filename).href;" },
        // Every import() becomes a require: V8 drops a script's dynamic-import hook when the script comes from a code
        // cache.
        supported: { 'dynamic-import': false },
      },
    ],
  },
  bench: {
    out: 'dist-bench',
    inputs: ['src', 'bench'],
    builds: () => [
      {
        entryPoints: Object.fromEntries(
          readdirSync(path.join(ROOT, 'bench'))
            .filter((f) => f.endsWith('.ts'))
            .map((f) => [`bench/${f.slice(0, -3)}`, `bench/${f}`]),
        ),
        ...ESM,
      },
    ],
  },
};
const COMMON_INPUTS = [
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'node_modules/.package-lock.json',
  'package-lock.json',
  'scripts/build.mjs',
  'scripts/aliases.mjs',
];

const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const t0 = performance.now();
const done = [];
if (bundle('cli')) done.push('dist/');
if (args.has('--bench') && bundle('bench')) done.push('dist-bench/');
if (args.has('--types') && types()) done.push('type declarations');
if (done.length)
  process.stderr.write(`briefdeck: compiled ${done.join(', ')} in ${Math.round(performance.now() - t0)} ms\n`);

/** Bundle one target if its inputs changed; true when it did. */
function bundle(name) {
  const t = TARGETS[name];
  const outDir = path.join(ROOT, t.out);
  const stampFile = path.join(outDir, `.${name}-stamp.json`);
  const hash = inputsHash([...t.inputs, ...COMMON_INPUTS]);
  const stamp = readJson(stampFile);
  if (!force && stamp?.hash === hash && stamp.outputs.every((f) => existsSync(path.join(outDir, f)))) return false;

  // Bundle in memory, then write each file atomically (temporary name, then
  // rename): chunks first, entries next and the command (`cli.js`) last, so a
  // process starting meanwhile never finds an entry without what it loads.
  const esbuild = loadEsbuild();
  const outputFiles = t.builds().flatMap(
    (b) =>
      esbuild.buildSync({
        absWorkingDir: ROOT,
        outdir: outDir,
        bundle: true,
        platform: 'node',
        target: 'node20.19',
        external: EXTERNAL,
        alias: Object.fromEntries(Object.entries(ALIASES).map(([name, file]) => [name, `./${file}`])),
        sourcemap: 'linked',
        sourcesContent: false,
        write: false,
        logLevel: 'warning',
        ...b,
      }).outputFiles,
  );
  const files = outputFiles.map((f) => ({ rel: path.relative(outDir, f.path).split(path.sep).join('/'), f }));
  const order = ({ rel }) => (rel.startsWith('chunks/') ? 0 : rel.startsWith('cli.js') ? 2 : 1);
  for (const { rel, f } of [...files].sort((a, b) => order(a) - order(b))) {
    const file = path.join(outDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, file);
  }
  const outputs = files.map((x) => x.rel);
  removeStale(outDir, new Set(outputs));
  writeFileSync(stampFile, `${JSON.stringify({ hash, outputs }, null, 2)}\n`);
  return true;
}

/** tsc's declarations for the library API (`types` in package.json); true when it emitted. */
function types() {
  const stampFile = path.join(ROOT, 'dist', '.types-stamp.json');
  const hash = inputsHash(['src', ...COMMON_INPUTS]);
  if (!force && readJson(stampFile)?.hash === hash) return false;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stampFile, `${JSON.stringify({ hash }, null, 2)}\n`);
  return true;
}

/**
 * JavaScript in the output folder that this build did not write: chunks of
 * earlier builds, and the per-file output of the tsc-compiled layout before
 * bundling. Declarations (.d.ts) are tsc's and stay.
 */
function removeStale(outDir, keep) {
  const walk = (rel) => {
    for (const e of readdirSync(path.join(outDir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !e.name.startsWith('.')) walk(r);
      else if (/\.c?js(\.map)?$/.test(e.name) && !keep.has(r)) unlinkSync(path.join(outDir, r));
    }
  };
  walk('');
}

/** sha256 over the relative path and bytes of every file under the given paths (missing ones count as absent). */
function inputsHash(paths) {
  const h = createHash('sha256');
  const add = (rel) => {
    const full = path.join(ROOT, rel);
    let entries;
    try {
      entries = readdirSync(full, { withFileTypes: true });
    } catch (e) {
      if (e.code === 'ENOTDIR') {
        h.update(`${rel}\0`).update(readFileSync(full)).update('\0');
      } else if (e.code !== 'ENOENT') throw e;
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) add(`${rel}/${e.name}`);
  };
  for (const p of paths) add(p);
  return h.digest('hex');
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** esbuild is a devDependency: needed to compile, never to run the compiled CLI. */
function loadEsbuild() {
  try {
    return createRequire(path.join(ROOT, 'package.json'))('esbuild');
  } catch (e) {
    process.stderr.write(`briefdeck: cannot compile: esbuild is not installed (run \`npm install\`): ${e.message}\n`);
    process.exit(1);
  }
}
