/**
 * Two checkouts of the same bundle sharing one code cache (the user's ~/.cache): an internal error's stack names
 * the bundle that ran, never the checkout in which a cache of the same bundle was first written (issue 18).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { REPO_THEMES } from '../helpers/decks.js';

describe('stack traces name the bundle that ran', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-checkouts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('with a code cache written by another checkout of the same bundle', () => {
    // Two checkouts: their own dist/, everything else shared with this one.
    for (const name of ['first', 'second']) {
      const co = path.join(dir, name);
      mkdirSync(co);
      cpSync(path.join(ROOT, 'dist'), path.join(co, 'dist'), { recursive: true });
      for (const e of readdirSync(ROOT))
        if (e !== 'dist' && !e.startsWith('.')) symlinkSync(path.join(ROOT, e), path.join(co, e));
    }
    const content = path.join(dir, 'content', 'd');
    mkdirSync(content, { recursive: true });
    writeFileSync(path.join(content, 'deck.yaml'), 'title: d\ndate: "2026-01-02"\n');
    writeFileSync(path.join(content, '01-d.md'), '# D\n\n- x\n');
    const run = (name: string) =>
      spawnSync(
        process.execPath,
        [
          path.join(dir, name, 'dist', 'cli.js'),
          'build',
          '--content',
          path.dirname(content),
          '--themes',
          REPO_THEMES,
          '--out',
          path.join(dir, 'out'),
        ],
        {
          encoding: 'utf8',
          env: {
            ...process.env,
            NO_COLOR: '1',
            BRIEFDECK_CACHE_DIR: path.join(dir, 'cache'),
            BRIEFDECK_CODE_CACHE: '1',
            BRIEFDECK_TEST_FAULT: 'render:d',
          },
        },
      );
    for (const name of ['first', 'second', 'first', 'second']) {
      const r = run(name);
      expect(r.status, r.stderr).toBe(70);
      const frames = r.stderr.split('\n').filter((l) => l.includes('briefdeck.cjs'));
      expect(frames.length).toBeGreaterThan(0);
      for (const f of frames) expect(f).toContain(path.join(dir, name, 'dist', 'briefdeck.cjs'));
    }
    // Each checkout made its own cache, and used it the second time.
    expect(readdirSync(path.join(dir, 'cache', 'code-cache')).filter((f) => f.endsWith('-build.bin'))).toHaveLength(2);
  });
});
