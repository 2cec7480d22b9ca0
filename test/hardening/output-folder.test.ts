/**
 * The output folder is protected from what others plant in it: writes never
 * follow a symbolic link (the link's target is left unchanged, and the link is
 * named), a lock naming a reused pid or pid 1 is not mistaken for a holder, a
 * folder at the lock's path is an error at once, and kill -9 during an export
 * leaves debris the next run removes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/drivers/lock.js';
import { outputLockFile } from '../../src/drivers/output-lock.js';
import { processStart } from '../../src/util/process-identity.js';
import { runCli, startCli } from '../helpers/cli.js';
import { makeContent } from '../helpers/decks.js';
import { haveTools } from '../helpers/tools.js';

const DECK_YAML = 'title: D\ndate: "2026-01-02"\nemail:\n  to: [desk@example.org]\n';

const project = () => {
  const c = makeContent({ d: { yaml: DECK_YAML, files: { '01-a.md': '# Alpha\n\n- first point\n' } } });
  const flags = ['--content', c.content, '--out', c.out];
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'elsewhere-'));
  return { c, flags, elsewhere };
};

describe('writes under output/ never follow a link', () => {
  it('a link at output/outbox: send refuses it, naming it, and writes nothing through it', () => {
    const { c, flags, elsewhere } = project();
    expect(runCli(['build', 'd', ...flags]).status).toBe(0);
    symlinkSync(elsewhere, path.join(c.out, 'outbox'));
    const r = runCli(['send', 'd', ...flags]);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain(path.join(c.out, 'outbox'));
    expect(r.stdout + r.stderr).toMatch(/symbolic link where briefdeck writes/);
    expect(readdirSync(elsewhere)).toEqual([]);
  }, 120_000);

  it('a link at output/runs.log: schedule leaves its target unchanged', () => {
    const { c, flags, elsewhere } = project();
    const target = path.join(elsewhere, 'precious.txt');
    writeFileSync(target, 'precious\n');
    mkdirSync(c.out, { recursive: true });
    symlinkSync(target, path.join(c.out, 'runs.log'));
    const r = runCli(['schedule', '--once', 'd', ...flags]);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain(path.join(c.out, 'runs.log'));
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
  }, 120_000);

  it('a link at output/versions/<deck>: build refuses to write the version record through it', () => {
    const { c, flags, elsewhere } = project();
    mkdirSync(path.join(c.out, 'versions'), { recursive: true });
    symlinkSync(elsewhere, path.join(c.out, 'versions', 'd'));
    const r = runCli(['build', 'd', ...flags]);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain(path.join(c.out, 'versions', 'd'));
    expect(readdirSync(elsewhere)).toEqual([]);
  }, 120_000);

  it.runIf(haveTools('soffice', 'pdftoppm', 'pdfinfo'))(
    'a link at output/<deck>/: export leaves its target unchanged and names it',
    () => {
      const { c, flags, elsewhere } = project();
      expect(runCli(['build', 'd', ...flags]).status).toBe(0);
      symlinkSync(elsewhere, path.join(c.out, 'd'));
      const r = runCli(['export', 'd', '--png', ...flags]);
      expect(r.status).toBe(1);
      expect(r.stdout + r.stderr).toContain(path.join(c.out, 'd'));
      expect(readdirSync(elsewhere)).toEqual([]);
    },
    180_000,
  );
});

describe('a lock that cannot wedge', () => {
  const lockDir = () => mkdtempSync(path.join(tmpdir(), 'lock-'));
  const holder = (pid: number, extra: object = {}) =>
    JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00Z', token: 'planted', ...extra });

  it('takes over a lock naming a live pid whose start time is not the holder’s, pid 1, or pid -1', async () => {
    // A live process that is not the holder: the pid is reused.
    const other = spawn('sleep', ['30']);
    try {
      const start = processStart(other.pid!);
      expect(start).toBeDefined();
      for (const planted of [holder(other.pid!, { start: String(Number(start) + 1) }), holder(1), holder(-1)]) {
        const file = path.join(lockDir(), '.briefdeck.lock');
        writeFileSync(file, planted);
        const lock = await acquireLock(file, { waitMs: 0 });
        expect(lock, planted).toBeDefined();
        expect(lock!.tookOverFrom?.token).toBe('planted');
        await lock!.release();
      }
      // The same live process with its own start time is a holder: not taken.
      const file = path.join(lockDir(), '.briefdeck.lock');
      writeFileSync(file, holder(other.pid!, { start }));
      expect(await acquireLock(file, { waitMs: 0 })).toBeUndefined();
    } finally {
      other.kill();
    }
  });

  it('a folder at the lock path is an error at once, naming it', () => {
    const { c, flags } = project();
    mkdirSync(outputLockFile(c.out), { recursive: true });
    const r = runCli(['build', 'd', ...flags], { timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Unexpected a folder at \`${outputLockFile(c.out)}\``);
  }, 120_000);
});

describe.runIf(haveTools('soffice', 'pdftoppm', 'pdfinfo'))('crashes leave no debris', () => {
  it('kill -9 during export, then a clean run: no .export-* folder and no LibreOffice profile left', async () => {
    const { c, flags } = project();
    expect(runCli(['build', 'd', ...flags]).status).toBe(0);
    const run = startCli(['export', 'd', '--png', ...flags]);
    const work = () => readdirSync(c.out).filter((n) => n.startsWith('.export-'));
    // Wait (by polling the folder, not by time) until LibreOffice's profile exists in the run's work folder.
    const profiled = () =>
      work().some((w) => readdirSync(path.join(c.out, w)).some((n) => n.startsWith('briefdeck-lo-')));
    while (!profiled()) {
      if (run.child.exitCode !== null) throw new Error(`export ended first: ${run.stderr()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    run.child.kill('SIGKILL');
    await run.exit;
    expect(work()).toHaveLength(1);
    // LibreOffice runs in a process group of its own and outlives its parent: wait until it is gone.
    const dead = work()[0];
    while (spawnSync('pgrep', ['-f', dead]).status === 0) await new Promise((r) => setTimeout(r, 50));
    const again = runCli(['export', 'd', '--png', ...flags]);
    expect(again.status, again.stderr).toBe(0);
    expect(work()).toEqual([]);
    expect(existsSync(path.join(c.out, dead))).toBe(false);
  }, 240_000);
});
