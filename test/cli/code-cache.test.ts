/**
 * The command runs its compiled bundle from V8's code cache (src/bin.ts): the
 * first run of a command writes the cache, later runs use it, a day-old one
 * is made again, a cache V8 cannot use is replaced, one others can write is
 * not used, and a cache folder that cannot be written costs nothing but the
 * cache. The deck is the same byte for byte in every case.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';

const DECK = 'us-policy-response';

describe('the code cache of the command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-code-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cacheHome = path.join(dir, 'cache');
  const cacheDir = path.join(cacheHome, 'briefdeck', 'code-cache');
  let runs = 0;
  /** One cold `build --force`, its stderr and the deck it wrote. */
  const build = (env: NodeJS.ProcessEnv = {}) => {
    const out = path.join(dir, `out-${++runs}`);
    const r = runCli(['build', DECK, '--force', '--content', FIXTURE_DECKS, '--themes', REPO_THEMES, '--out', out], {
      env: { BRIEFDECK_CACHE_DIR: '', XDG_CACHE_HOME: cacheHome, BRIEFDECK_CODE_CACHE: 'debug', ...env },
    });
    expect(r.status, r.stderr).toBe(0);
    return {
      said: r.stderr.split('\n').filter((l) => l.startsWith('briefdeck: code cache:')),
      deck: readFileSync(path.join(out, `${DECK}.pptx`)),
    };
  };

  it('is written by the first run of a command and used by the next, for the same deck', () => {
    const first = build();
    expect(first.said.join('\n')).toMatch(/none at .*-build\.bin/);
    expect(first.said.join('\n')).toMatch(/wrote .*-build\.bin/);
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    // the functions the build compiled, not only the top level
    expect(readFileSync(path.join(cacheDir, files[0])).length).toBeGreaterThan(100_000);
    const second = build();
    expect(second.said).toEqual([expect.stringMatching(/^briefdeck: code cache: used .*-build\.bin$/)]);
    expect(second.deck.equals(first.deck)).toBe(true);
  });

  it('makes a cache again when it is a day old (one made by a run that compiled little does not stay)', () => {
    const [file] = readdirSync(cacheDir);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(path.join(cacheDir, file), twoDaysAgo, twoDaysAgo);
    const r = build();
    expect(r.said.join('\n')).toMatch(/used .*-build\.bin \(a day old: made again\)/);
    expect(r.said.join('\n')).toMatch(/wrote .*-build\.bin/);
    expect(build().said).toEqual([expect.stringMatching(/used .*-build\.bin$/)]);
  });

  it('replaces a cache V8 rejects', () => {
    const [file] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, file), Buffer.alloc(4096, 7));
    const r = build();
    expect(r.said.join('\n')).toMatch(/rejected .*-build\.bin/);
    expect(r.said.join('\n')).toMatch(/wrote .*-build\.bin/);
    expect(build().said).toEqual([expect.stringMatching(/used/)]);
  });

  it('uses no cache that others can write, and uses $BRIEFDECK_CACHE_DIR before $XDG_CACHE_HOME', () => {
    const [file] = readdirSync(cacheDir);
    chmodSync(path.join(cacheDir, file), 0o666);
    expect(build().said.join('\n')).toMatch(/not used: .*-build\.bin or its folder can be written by others/);
    chmodSync(path.join(cacheDir, file), 0o600);
    expect(build().said).toEqual([expect.stringMatching(/used/)]);
    const own = path.join(dir, 'own-cache');
    expect(build({ BRIEFDECK_CACHE_DIR: own }).said.join('\n')).toMatch(new RegExp(`wrote ${own}/code-cache/`));
  });

  it('builds the same deck with the cache off, and with a cache folder it cannot write', () => {
    const cached = build().deck;
    const off = build({ BRIEFDECK_CODE_CACHE: '0' });
    expect(off.said).toEqual([]);
    expect(off.deck.equals(cached)).toBe(true);
    const blocked = path.join(dir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const unwritable = build({ XDG_CACHE_HOME: blocked });
    expect(unwritable.said.join('\n')).toMatch(/not written: /);
    expect(unwritable.deck.equals(cached)).toBe(true);
  });
});
