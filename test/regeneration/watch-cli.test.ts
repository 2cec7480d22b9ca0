import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DARK, LIGHT, tempProject, until } from './project.js';
import { startCli, type Running } from '../helpers/cli.js';

type Project = Awaited<ReturnType<typeof tempProject>>;
let p: Project;
let w: Running | undefined;
beforeEach(async () => {
  p = await tempProject();
});
afterEach(async () => {
  if (w && w.child.exitCode === null) {
    w.child.kill('SIGKILL');
    await w.exit;
  }
  await p.cleanup();
});

const lines = (re: RegExp) =>
  w!
    .stdout()
    .split('\n')
    .filter((l) => re.test(l));

describe('briefdeck watch', { timeout: 90_000 }, () => {
  it('prints one line per rebuild, shows diagnostics for an invalid edit, and ends cleanly on Ctrl-C', async () => {
    w = startCli(['watch', '--debounce', '100'], p.dir);
    await until('the watcher to start', () => w!.stdout().includes('watching '), 30_000);
    expect(lines(/✓ \S+ +built +\d+ slides · \d+ ms · \d+ warnings?/)).toHaveLength(2);

    await appendFile(p.deck(LIGHT, '01-introduction.md'), '\nAn edit made while watching.\n');
    await until('the rebuild line', () => lines(/rebuilt/).length === 1);
    expect(lines(/rebuilt/)[0]).toMatch(
      new RegExp(`^\\d\\d:\\d\\d:\\d\\d ✓ ${LIGHT} +rebuilt +\\d+ slides · \\d+ ms · \\d+ warnings?$`),
    );

    const yamlFile = p.deck(DARK, 'deck.yaml');
    const yaml = await readFile(yamlFile, 'utf8');
    await writeFile(yamlFile, yaml.replace('theme: briefing-dark', 'theme: nope'));
    await until('the failure', () => lines(/✗/).length === 1);
    expect(w.stderr()).toMatch(/deck\.yaml:\d+:\d+ error Unknown theme `nope`/);
    expect(w.stdout()).toMatch(/the last good deck stays in place/);
    // Reverting needs no build (the last good deck is current) but is still reported.
    await writeFile(yamlFile, yaml);
    await until('the recovery line', () => lines(new RegExp(`✓ ${DARK} +up to date`)).length === 1);

    w.child.kill('SIGINT');
    const e = await w.exit;
    expect(e.code, w.stderr()).toBe(0);
    expect(w.stdout()).toMatch(/stopped \(SIGINT\)\n$/);
  });

  it('reports up-to-date decks on start when nothing changed since the last build', async () => {
    w = startCli(['watch'], p.dir);
    await until('the first watcher', () => w!.stdout().includes('watching '), 30_000);
    w.child.kill('SIGTERM');
    await w.exit;
    w = startCli(['watch'], p.dir);
    await until('the second watcher', () => w!.stdout().includes('watching '), 30_000);
    expect(lines(/up to date +\d+ slides/)).toHaveLength(2);
    w.child.kill('SIGINT');
    expect((await w.exit).code).toBe(0);
  });
});
