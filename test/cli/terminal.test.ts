/**
 * What a person at a terminal sees, and what a pipe or --json never gets: source lines with carets under each
 * problem, and progress lines for long work.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cliFlags, makeContent } from '../helpers/decks.js';
import { hasScript, runOnTerminal } from '../helpers/terminal.js';

// 02's unclosed `**` is found while parsing, before 01's spelling variant (a rule over the whole deck): printed in
// the order found, 02 would come first.
const mixed = {
  files: {
    '01-a.md': '# North Korea\n\n- North Korea and North Korea\n- the North korea line\n',
    '02-b.md': '# B\n\n- fine\n- **open here\n',
  },
};

describe.runIf(hasScript)('on a terminal', { timeout: 60_000 }, () => {
  it('problems come in file, line and column order, each with its source line and a caret under the column', () => {
    const c = makeContent({ mixed });
    const piped = runCli(['check', ...cliFlags(c)], { cwd: c.root });
    const order = [...piped.stderr.matchAll(/^content\/mixed\/(\S+?):(\d+):(\d+) warning/gm)].map((m) => m.slice(1, 4));
    expect(order).toEqual([
      ['01-a.md', '4', '1'],
      ['02-b.md', '4', '3'],
    ]);
    expect(piped.stderr).not.toContain(' | ');

    const t = runOnTerminal(['check', ...cliFlags(c)], { cwd: c.root });
    expect(t.status).toBe(0);
    expect(t.screen).toContain(
      'content/mixed/01-a.md:4:1 warning Spelling `North korea` (1×) differs from `North Korea` used elsewhere (3×)',
    );
    expect(t.screen).toContain(' 4 | - the North korea line\n   | ^\n');
    expect(t.screen.indexOf('01-a.md:4:1')).toBeLessThan(t.screen.indexOf('02-b.md:4:3'));
    expect(t.screen).toContain(' 4 | - **open here\n   |   ^\n');
  });

  it('a missing image points at the file beside it with the nearest name', () => {
    const c = makeContent({
      pics: { files: { '01-a.md': '# A\n\n![Route map](images/route.png)\n', 'images/routes.png': png() } },
    });
    const r = runCli(['check', ...cliFlags(c)], { cwd: c.root });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /content\/pics\/01-a\.md:3:1 error Missing `content\/pics\/images\/route\.png`; did you mean `images\/routes\.png`\?/,
    );
  });

  it('build of several decks shows which deck and how far along; piped or --json, nothing extra', () => {
    const c = makeContent({
      one: { files: { '01-a.md': '# A\n\n- a\n' } },
      two: { files: { '01-a.md': '# B\n\n- b\n' } },
    });
    const t = runOnTerminal(['build', ...cliFlags(c)], { cwd: c.root });
    expect(t.status).toBe(0);
    expect(t.screen).toMatch(/\[░{16}\] 0\/2 building one/);
    expect(t.screen).toMatch(/\[█{8}░{8}\] 1\/2 building two/);
    // The progress line is cleared before the deck's own line is printed.
    expect(t.screen).toContain('\r\u001b[2K✓ two  built');

    const again = runCli(['build', '--force', ...cliFlags(c)], { cwd: c.root });
    expect(again.stdout).not.toMatch(/building|\r|\u001b/);
    const json = runOnTerminal(['build', '--force', '--json', ...cliFlags(c)], { cwd: c.root });
    expect(json.screen).not.toMatch(/building|\u001b\[2K/);
    expect(JSON.parse(json.screen).decks).toHaveLength(2);
  });

  it('export names its step (the LibreOffice run) on a terminal, and only there', () => {
    const c = makeContent({ one: { files: { '01-a.md': '# A\n\n- a\n' } } });
    expect(runCli(['build', ...cliFlags(c)], { cwd: c.root }).status).toBe(0);
    // No LibreOffice on this PATH: the run stops at the step it names, quickly.
    const noTools = path.join(c.root, 'no-tools');
    mkdirSync(noTools);
    const env = { PATH: noTools };
    const t = runOnTerminal(['export', '--pdf', ...cliFlags(c)], { cwd: c.root, env });
    expect(t.screen).toContain('PDF of one (LibreOffice)');
    const piped = runCli(['export', '--pdf', ...cliFlags(c)], { cwd: c.root, env });
    expect(piped.stdout + piped.stderr).not.toContain('(LibreOffice)\r');
    expect(piped.stdout).not.toContain('PDF of one');
  });

  it('send shows each deck as it goes, to the outbox', () => {
    const c = makeContent({
      one: {
        yaml: 'title: One\ndate: "2026-01-02"\nemail:\n  to: [a@example.org]\n',
        files: { '01-a.md': '# A\n\n- a\n' },
      },
      two: {
        yaml: 'title: Two\ndate: "2026-01-02"\nemail:\n  to: [b@example.org]\n',
        files: { '01-a.md': '# B\n\n- b\n' },
      },
    });
    expect(runCli(['build', ...cliFlags(c)], { cwd: c.root }).status).toBe(0);
    const t = runOnTerminal(['send', ...cliFlags(c)], { cwd: c.root, env: { BRIEFDECK_SMTP_URL: '' } });
    expect(t.status).toBe(0);
    expect(t.screen).toMatch(/0\/2 one: preparing and sending/);
    expect(t.screen).toMatch(/1\/2 two: preparing and sending/);
    expect(t.screen).toContain('✓ two  written to output/outbox/ for 1 recipient (no mail server configured)');
  });
});

/** A 1×1 PNG. */
function png(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}
