import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { FIXTURE_DECKS, REPO_THEMES, makeContent } from '../helpers/decks.js';

/** A `deck.yaml` whose aliases expand to 10^9 strings ("billion laughs"). */
function aliasBomb(): string {
  let s = 'title: Bomb\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i <= 9; i++)
    s += `lol${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return s;
}

const DECK = 'us-policy-response';
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

describe("one deck's failure never stops the others", () => {
  it("a YAML alias bomb in one deck.yaml (and in front matter) is that deck's error at the alias; the good deck beside it builds; exit 1", () => {
    const c = makeContent({
      bomb: { yaml: aliasBomb(), files: { '01-a.md': '# A\n\n- a\n' } },
      front: { files: { '01-a.md': `---\n${aliasBomb().replace('title: Bomb\n', '')}---\n# A\n\n- a\n` } },
      zgood: { files: { '01-a.md': '# Good\n\n- fine\n' } },
    });
    const r = runCli(['build', '--content', c.content, '--themes', REPO_THEMES, '--out', c.out], {
      cwd: c.root,
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toContain(
      'content/bomb/deck.yaml:3:12 error Unexpected YAML aliases that expand past 100 uses (starting with `*a0`), expected a document without alias chains',
    );
    expect(r.stderr).toMatch(/content\/front\/01-a\.md:3:12 error Unexpected YAML aliases .*\[yaml-alias-limit\]/);
    expect(r.stdout).toMatch(/✓ zgood {2}built/);
    expect(readdirSync(c.out).filter((f) => f.endsWith('.pptx'))).toEqual(['zgood.pptx']);
  });

  it("an unreadable section (EACCES) and an output path taken by a folder (EISDIR) are those decks' errors; a read-only output folder is one clear error, not a crash", () => {
    const c = makeContent({
      locked: { files: { '01-a.md': '# A\n\n- a\n', '02-b.md': '# B\n\n- b\n' } },
      open: { files: { '01-a.md': '# A\n\n- a\n' } },
      taken: { files: { '01-a.md': '# T\n\n- t\n' } },
    });
    chmodSync(c.root, 0o755);
    chmodSync(path.join(c.content, 'locked', '02-b.md'), 0o000);
    // root reads every file whatever its mode: run the CLI as `nobody` then, as a shared job's user would be.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = (out: string) =>
      spawnSync(process.execPath, [CLI, 'build', '--content', c.content, '--themes', REPO_THEMES, '--out', out], {
        cwd: c.root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 60_000,
        ...asUser,
      });
    const folder = (name: string, mode: number) => {
      const dir = path.join(c.root, name);
      mkdirSync(dir);
      chmodSync(dir, mode);
      return dir;
    };
    const out = folder('out', 0o777);
    mkdirSync(path.join(out, 'taken.pptx'));
    const r = run(out);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      'content/locked/02-b.md:1:1 error Unreadable `content/locked/02-b.md`: permission denied (EACCES) [section-unreadable]',
    );
    expect(r.stdout).toMatch(/✓ open {2}built/);
    expect(r.stderr).toMatch(
      /out\/taken\.pptx:1:1 error Unwritable `.*out\/taken\.pptx`: is a folder \(EISDIR\); the previous file is unchanged/,
    );

    const w = run(folder('read-only', 0o555));
    expect(w.stderr).not.toMatch(/internal error/);
    expect(w.status).toBe(1);
    // Not even the output folder's lock can be created: one error for the run, with the cause.
    expect(w.stderr).toMatch(
      /briefdeck build: Cannot lock the output folder: creating `.*read-only\/\.briefdeck\.lock` failed: permission denied \(EACCES\)/,
    );
  });
});

/** Mount a small tmpfs (needs root or CAP_SYS_ADMIN); false when this machine cannot. */
function smallDisk(dir: string, size: string): boolean {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return false;
  cleanups.push(() => void spawnSync('umount', ['-l', dir]));
  return true;
}

describe('a full disk (ENOSPC) on a real small tmpfs', () => {
  const c = makeContent({});
  cpSync(path.join(FIXTURE_DECKS, DECK), path.join(c.content, DECK), { recursive: true });
  cpSync(path.join(FIXTURE_DECKS, 'russia-north-korea-treaty'), path.join(c.content, 'russia-north-korea-treaty'), {
    recursive: true,
  });
  const out = path.join(c.root, 'disk');
  mkdirSync(out);
  const mounted = smallDisk(out, '512k');
  if (!mounted)
    console.warn(
      '\n*** SKIPPED: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN); test/hardening/full-disk-simulated.test.ts covers ENOSPC with a simulated write error ***\n',
    );

  it.runIf(mounted)(
    'fails the deck that cannot be written, keeps its previous .pptx, reports the others, exits 1',
    () => {
      const build = () =>
        runCli(['build', '--content', c.content, '--themes', REPO_THEMES, '--out', out], {
          cwd: c.root,
          timeout: 60_000,
        });
      const first = build();
      expect(first.status, first.stderr).toBe(0);
      const before = readFileSync(path.join(out, `${DECK}.pptx`));
      // Fill the disk but for 16 KB (room for the lock file, not for a deck), then change one deck so it must be
      // written again.
      const free = () => {
        const s = statfsSync(out);
        return s.bavail * s.bsize;
      };
      writeFileSync(path.join(out, 'filler'), Buffer.alloc(free() - 16 * 1024));
      expect(free()).toBeLessThan(64 * 1024);
      appendFileSync(path.join(c.content, DECK, '01-introduction.md'), '\nOne more line.\n');
      const full = build();
      expect(full.stderr).not.toMatch(/internal error/);
      expect(full.status).toBe(1);
      expect(full.stderr).toMatch(
        new RegExp(
          `disk/${DECK}\\.pptx:1:1 error Unwritable \`.*disk/${DECK}\\.pptx\`: no space left on the device \\(ENOSPC\\); the previous file is unchanged .*\\[output-unwritable\\]`,
        ),
      );
      expect(full.stdout).toMatch(/✓ russia-north-korea-treaty {2}up to date/);
      expect(full.stdout).toContain('0 decks built, 1 up to date, 1 failed');
      expect(readFileSync(path.join(out, `${DECK}.pptx`)).equals(before)).toBe(true);
      expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(() => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))).not.toThrow();
    },
  );
});
