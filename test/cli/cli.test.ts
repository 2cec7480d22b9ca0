import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { cliFlags, makeContent } from '../helpers/decks.js';

const good = { files: { '01-a.md': '# Good\n\n- one\n- two\n' } };
const bad = { files: { '01-a.md': '# Bad\n\n| A | B |\n| - | - |\n| 1 | 2 | 3 |\n' } };

describe('briefdeck CLI', () => {
  it('check: exit 0 and one line per deck for the content decks', () => {
    const r = runCli(['check']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✓ russia-north-korea-treaty {2}checked {2}16 slides · 3 warnings/);
    expect(r.stdout).toContain('2 decks checked: 0 failed');
    expect(r.stderr).toMatch(
      /^content\/russia-north-korea-treaty\/06-recommendations-for-strengthening-security-cooperation-in-the-region\.md:13:79 warning Unexpected `\*\*`/m,
    );
  });

  it('build: an invalid deck writes nothing, keeps its previous output, and the others still build', () => {
    const c = makeContent({ good, bad });
    mkdirSync(c.out, { recursive: true });
    writeFileSync(path.join(c.out, 'bad.pptx'), 'previous deck');
    const r = runCli(['build', ...cliFlags(c)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/bad\/01-a\.md:5:11 error Unexpected 3 cells in this row, expected 2/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('✗ bad  1 error  (nothing written)');
    expect(r.stdout).toMatch(/✓ good {2}built {2}4 slides/);
    expect(readFileSync(path.join(c.out, 'bad.pptx'), 'utf8')).toBe('previous deck');
    const files = readdirSync(c.out);
    expect(files).toEqual(expect.arrayContaining(['bad.pptx', 'good.pptx']));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('check reports how many continuation slides a deck needed and why', () => {
    const c = makeContent({ stress: stressDeck });
    const r = runCli(['check', ...cliFlags(c)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /✓ stress {2}checked {2}\d+ slides · \d+ continued: \d+× bullets did not fit on one slide; \d+× table rows did not fit on one slide/,
    );
    expect(r.stderr).toMatch(/05-huge-cell\.md:3:1 warning Unexpected table row taller than a slide even at 11 pt/);
  });

  it('check writes nothing', () => {
    const c = makeContent({ good });
    expect(runCli(['check', ...cliFlags(c)]).status).toBe(0);
    expect(() => readdirSync(c.out)).toThrow();
  });

  it('--json prints diagnostics as data', () => {
    const c = makeContent({ bad });
    const r = runCli(['check', '--json', ...cliFlags(c)]);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.decks[0]).toMatchObject({
      deck: 'bad',
      ok: false,
      diagnostics: [{ severity: 'error', code: 'table-extra-cells', position: { line: 5, column: 11 } }],
    });
  });

  it('--strict fails on warnings', () => {
    const c = makeContent({ w: { files: { '01-a.md': '# W\n\n- **open\n' } } });
    expect(runCli(['check', ...cliFlags(c)]).status).toBe(0);
    expect(runCli(['check', '--strict', ...cliFlags(c)]).status).toBe(1);
  });

  it('usage errors exit 2 with a message', () => {
    const unknownCommand = runCli(['frobnicate']);
    expect(unknownCommand.status).toBe(2);
    expect(unknownCommand.stderr).toContain(
      'briefdeck: Unknown command `frobnicate`; the commands are `new`, `build`, `check`',
    );
    const unknownFlag = runCli(['build', '--colour']);
    expect(unknownFlag.status).toBe(2);
    expect(unknownFlag.stderr).toContain(
      'briefdeck build: Unknown option `--colour` for `briefdeck build` (see `briefdeck build --help`)',
    );
    expect(unknownFlag.stderr).toContain('usage: briefdeck build');
    const unknownDeck = runCli(['build', 'no-such-deck']);
    expect(unknownDeck.status).toBe(2);
    expect(unknownDeck.stderr).toContain(
      'Unknown deck `no-such-deck`; expected one of `russia-north-korea-treaty`, `us-policy-response`',
    );
    expect(runCli([]).status).toBe(2);
  });

  it('did you mean: the nearest flag, command, deck and theme', () => {
    const flag = runCli(['build', '--forse']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain(
      'briefdeck build: Unknown option `--forse` for `briefdeck build`; did you mean `--force`? (see `briefdeck build --help`)',
    );
    expect(flag.stderr).not.toMatch(/positional argument|'--forse'/);
    const command = runCli(['biuld']);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('briefdeck: Unknown command `biuld`; did you mean `build`?');
    const deck = runCli(['check', 'us-policy-respons']);
    expect(deck.stderr).toContain('Unknown deck `us-policy-respons`; did you mean `us-policy-response`?');
    const missingValue = runCli(['build', '--theme']);
    expect(missingValue.status).toBe(2);
    expect(missingValue.stderr).toContain('Missing value for `--theme`, expected `--theme <value>`');
    const valued = runCli(['build', '--force=yes']);
    expect(valued.status).toBe(2);
    expect(valued.stderr).toContain('Unexpected value `yes` for `--force`');
  });

  it('usage errors under --json are JSON on stdout, with the same exit status', () => {
    const flag = runCli(['build', '--forse', '--json']);
    expect(flag.status).toBe(2);
    expect(JSON.parse(flag.stdout)).toEqual({
      ok: false,
      error: {
        kind: 'usage',
        code: 'unknown-option',
        message: expect.stringContaining('did you mean `--force`?'),
        command: 'build',
        usage: expect.stringMatching(/^briefdeck build /),
      },
    });
    const command = runCli(['biuld', '--json']);
    expect(command.status).toBe(2);
    expect(JSON.parse(command.stdout).error).toMatchObject({ code: 'unknown-command' });
    const theme = runCli(['check', '--theme', 'briefing-dakr', '--json']);
    expect(theme.status).toBe(2);
    expect(JSON.parse(theme.stdout).error).toMatchObject({ code: 'unknown-theme', command: 'check' });
    const deck = runCli(['check', 'nope', '--json']);
    expect(JSON.parse(deck.stdout).error).toMatchObject({ code: 'unknown-deck' });
    expect(deck.stderr).toBe('');
  });

  it('--help and --version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/build +build decks into \.pptx files/);
    expect(runCli(['build', '--help']).stdout).toContain('--theme NAME');
  });

  it('--theme overrides the deck theme; an unknown one is an error', () => {
    const c = makeContent({ good });
    expect(runCli(['build', '--theme', 'briefing-dark', ...cliFlags(c)]).status).toBe(0);
    const r = runCli(['build', '--theme', 'briefing-dakr', ...cliFlags(c)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'Unknown theme `briefing-dakr` (from --theme); did you mean `briefing-dark`? The themes in',
    );
    expect(r.stderr).toMatch(/are `briefing-dark`, `briefing-light`/);
    expect(r.stderr).not.toContain('briefing-dakr.yaml');
  });
});
