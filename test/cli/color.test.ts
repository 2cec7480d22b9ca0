/**
 * Colour in the CLI's output: only on a terminal, never under NO_COLOR or
 * TERM=dumb. The terminal is a real pseudo-terminal (util-linux `script`),
 * so the first case shows the test can see colour at all.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { makeContent, REPO_THEMES } from '../helpers/decks.js';

const ESC = '\u001b[';
// A deck with a warning: its line is yellow and the deck's line has a green tick on a terminal.
const c = makeContent({ warned: { files: { '01-a.md': '# Warned\n\n- one **two\n- three\n' } } });
const args = ['check', '--content', c.content, '--themes', REPO_THEMES, '--out', c.out];
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** The environment without NO_COLOR (the test helpers set it) and with a terminal type that has colour. */
const plain = (env: NodeJS.ProcessEnv = {}) => ({ ...process.env, NO_COLOR: undefined, TERM: 'xterm', ...env });

/** Run the CLI on a pseudo-terminal and return what the terminal showed. */
function onTerminal(env: NodeJS.ProcessEnv): string {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  expect(r.stdout, r.stderr).toContain('warned');
  return r.stdout;
}

describe('colour', () => {
  it('is on for a terminal', () => {
    const shown = onTerminal(plain());
    expect(shown).toContain(`${ESC}33m`);
    expect(shown).toContain(`${ESC}32m✓`);
  });

  it('is off on a terminal under NO_COLOR=1, and under TERM=dumb', () => {
    expect(onTerminal(plain({ NO_COLOR: '1' }))).not.toContain(ESC);
    expect(onTerminal(plain({ TERM: 'dumb' }))).not.toContain(ESC);
  });

  it('is off when output is not a terminal (a pipe), NO_COLOR unset', () => {
    const r = runCli(args, { env: plain() });
    expect(r.stdout + r.stderr).toContain('warned');
    expect(r.stdout + r.stderr).not.toContain(ESC);
  });
});
