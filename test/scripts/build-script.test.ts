import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * scripts/build.mjs, which every npm script runs first, on a copy of the
 * project (its sources, scripts and manifests; node_modules linked): it
 * compiles when dist/ is missing, does nothing while the sources are
 * unchanged, and compiles again when one changes.
 */
describe('compile once (scripts/build.mjs)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-compile-'));
  for (const f of ['src', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'])
    cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const compile = () => spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: dir, encoding: 'utf8' });

  it('compiles a fresh checkout into a working CLI', () => {
    const r = compile();
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^briefdeck: compiled dist\/ in \d+ ms$/m);
    expect(cli('--version').stdout.trim()).toBe(
      JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version,
    );
  });

  it('does nothing while no source changed, even when files were touched', () => {
    const cliFile = path.join(dir, 'dist', 'cli.js');
    const before = readFileSync(cliFile);
    utimesSync(path.join(dir, 'src', 'cli.ts'), new Date(), new Date());
    const r = compile();
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(cliFile)).toEqual(before);
  });

  it('compiles again when a source changes, and drops the chunks it no longer uses', () => {
    const file = path.join(dir, 'src', 'commands', 'check.ts');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('validate decks and plan', 'EDITED: validate decks and plan'),
    );
    // A chunk an earlier build wrote, which this one does not.
    const stale = path.join(dir, 'dist', 'chunks', 'chunk-STALE0.js');
    writeFileSync(stale, 'export {};\n');
    const r = compile();
    expect(r.stderr).toMatch(/compiled dist\//);
    expect(cli('--help').stdout).toContain('EDITED: validate decks');
    const now = JSON.parse(readFileSync(path.join(dir, 'dist', '.cli-stamp.json'), 'utf8')) as { outputs: string[] };
    expect(now.outputs).toEqual(expect.arrayContaining(['cli.js', 'briefdeck.cjs', 'index.js']));
    expect(existsSync(stale)).toBe(false);
  });
});
