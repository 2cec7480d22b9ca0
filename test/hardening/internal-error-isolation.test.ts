import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { haveTools } from '../helpers/tools.js';
import { REPO_THEMES, makeContent } from '../helpers/decks.js';
import { runCli, startCli, type Running } from '../helpers/cli.js';
import { until } from '../regeneration/project.js';

/**
 * A bug met in one deck (injected through the BRIEFDECK_TEST_FAULT seam, src/util/fault-seam.ts) is that deck's
 * failure: every other deck is still processed, the failed deck's previous outputs stay byte-identical, and the run
 * exits 70 after the others are done.
 */
const yaml = (slug: string) =>
  `title: ${slug}\ndate: "2026-01-02"\nemail:\n  to: [list-${slug}@example.org]\n  subject: "Deck ${slug}"\n`;
const project = () =>
  makeContent({
    alpha: { yaml: yaml('alpha'), files: { '01-a.md': '# Alpha\n\n- one\n- two\n' } },
    beta: { yaml: yaml('beta'), files: { '01-b.md': '# Beta\n\n- three\n' } },
  });
const cli = (c: ReturnType<typeof project>, args: string[], fault?: string) =>
  runCli([...args, '--content', c.content, '--themes', REPO_THEMES, '--out', c.out], {
    cwd: c.root,
    env: fault ? { BRIEFDECK_TEST_FAULT: fault } : {},
    timeout: 120_000,
  });
const bytes = (c: ReturnType<typeof project>, file: string) => readFileSync(path.join(c.out, file));
const INTERNAL = /✗ alpha {2}internal error \(a bug in briefdeck\): injected fault: (\w+) of `alpha`/;

let w: Running | undefined;
afterEach(async () => {
  if (w && w.child.exitCode === null) {
    w.child.kill('SIGKILL');
    await w.exit;
  }
  w = undefined;
});

describe('one deck’s internal error is that deck’s failure', { timeout: 180_000 }, () => {
  it('build: the other deck builds, the failed deck’s .pptx is byte-identical, exit 70; --json says which', () => {
    const c = project();
    expect(cli(c, ['build']).status).toBe(0);
    const before = bytes(c, 'alpha.pptx');
    appendFileSync(path.join(c.content, 'alpha', '01-a.md'), '- an edit\n');
    appendFileSync(path.join(c.content, 'beta', '01-b.md'), '- an edit\n');
    const betaBefore = bytes(c, 'beta.pptx');
    const r = cli(c, ['build'], 'render:alpha');
    expect(r.status, r.stderr).toBe(70);
    expect(r.stdout).toMatch(INTERNAL);
    expect(r.stderr).toMatch(/TypeError: injected fault: render of `alpha`[^\n]*\n\s+at /);
    expect(r.stdout).toMatch(/✓ beta {2}built/);
    expect(bytes(c, 'alpha.pptx').equals(before)).toBe(true);
    expect(bytes(c, 'beta.pptx').equals(betaBefore)).toBe(false);

    const j = cli(c, ['build', '--json'], 'render:alpha');
    expect(j.status).toBe(70);
    const report = JSON.parse(j.stdout) as {
      decks: { deck: string; ok: boolean; internalError?: { stack: string } }[];
    };
    const alpha = report.decks.find((d) => d.deck === 'alpha')!;
    expect(alpha.ok).toBe(false);
    expect(alpha.internalError?.stack).toMatch(/injected fault: render of `alpha`/);
    expect(report.decks.find((d) => d.deck === 'beta')).toMatchObject({ ok: true });
  });

  it('check: the other deck is checked, exit 70', () => {
    const c = project();
    const r = cli(c, ['check'], 'check:alpha');
    expect(r.status).toBe(70);
    expect(r.stdout).toMatch(INTERNAL);
    expect(r.stdout).toMatch(/✓ beta {2}checked/);
  });

  it('send (outbox): the other deck is sent, nothing is recorded for the failed one, exit 70', () => {
    const c = project();
    expect(cli(c, ['build']).status).toBe(0);
    const r = cli(c, ['send'], 'send:alpha');
    expect(r.status, r.stderr).toBe(70);
    expect(r.stderr).toMatch(INTERNAL);
    expect(r.stdout).toMatch(/✓ beta {2}written to \S*outbox\/ for 1 recipient/);
    const outbox = readdirSync(path.join(c.out, 'outbox'));
    expect(outbox.some((f) => f.startsWith('beta'))).toBe(true);
    expect(outbox.some((f) => f.startsWith('alpha'))).toBe(false);
    // Sent again without the fault: alpha goes, beta is up to date.
    const again = cli(c, ['send']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/✓ alpha {2}written to \S*outbox\//);
    expect(again.stdout).toMatch(/· beta {2}up to date/);
  });

  it.runIf(haveTools('soffice'))(
    'export: the other deck exports, the failed deck’s previous PDF is byte-identical, exit 70',
    () => {
      const c = project();
      expect(cli(c, ['build', '--pdf']).status).toBe(0);
      const pdf = bytes(c, 'alpha.pdf');
      appendFileSync(path.join(c.content, 'alpha', '01-a.md'), '- an edit\n');
      appendFileSync(path.join(c.content, 'beta', '01-b.md'), '- an edit\n');
      expect(cli(c, ['build']).status).toBe(0);
      const betaPdf = bytes(c, 'beta.pdf');
      const r = cli(c, ['export', '--pdf'], 'export:alpha');
      expect(r.status, r.stderr).toBe(70);
      expect(r.stderr).toMatch(INTERNAL);
      expect(r.stdout).toMatch(/✓ beta {2}exported/);
      expect(bytes(c, 'alpha.pdf').equals(pdf)).toBe(true);
      expect(bytes(c, 'beta.pdf').equals(betaPdf)).toBe(false);
    },
  );

  it('watch: a rebuild that meets a bug is that deck’s failure; the watcher keeps rebuilding the others', async () => {
    const c = project();
    expect(cli(c, ['build']).status).toBe(0);
    const before = bytes(c, 'alpha.pptx');
    w = startCli(
      ['watch', '--debounce', '100', '--content', c.content, '--themes', REPO_THEMES, '--out', c.out],
      c.root,
      { BRIEFDECK_TEST_FAULT: 'render:alpha' },
    );
    await until('the watcher to start', () => w!.stdout().includes('watching '), 60_000);
    appendFileSync(path.join(c.content, 'alpha', '01-a.md'), '- an edit\n');
    await until('the failed rebuild', () => INTERNAL.test(w!.stdout()), 30_000);
    expect(w.stderr()).toMatch(/injected fault: render of `alpha`[^\n]*\n\s+at /);
    appendFileSync(path.join(c.content, 'beta', '01-b.md'), '- an edit\n');
    await until('beta’s rebuild', () => /✓ beta {2}rebuilt/.test(w!.stdout()), 30_000);
    expect(bytes(c, 'alpha.pptx').equals(before)).toBe(true);
    w.child.kill('SIGINT');
    expect((await w.exit).code).toBe(0);
  });
});
