import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cliFlags, makeContent } from '../helpers/decks.js';

describe('briefdeck new', () => {
  it('writes a deck folder that passes check with no warning, even under --strict', () => {
    const c = makeContent({});
    mkdirSync(c.content, { recursive: true });
    const made = runCli(['new', 'my-brief', ...cliFlags(c)], { cwd: c.root });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('✓ my-brief  created content/my-brief/: deck.yaml, 01-key-points.md, 02-figures.md');
    expect(made.stdout).toContain('npm run briefdeck -- check my-brief');
    expect(made.stdout).toContain('and open output/index.html');
    const dir = path.join(c.content, 'my-brief');
    expect(readdirSync(dir).sort()).toEqual(['01-key-points.md', '02-figures.md', 'deck.yaml']);
    // A comment on every key, in one column.
    const yaml = readFileSync(path.join(dir, 'deck.yaml'), 'utf8');
    const keyed = yaml.split('\n').filter((l) => /^#? ?[a-z ]*[a-z]+:/.test(l));
    expect(keyed.length).toBeGreaterThanOrEqual(12);
    for (const l of keyed) expect(l).toMatch(/\S\s{2,}# \S/);
    expect(new Set(keyed.map((l) => l.indexOf('  # '))).size).toBe(1);
    expect(yaml).toContain('title: "My Brief"');

    const checked = runCli(['check', 'my-brief', '--strict', '--json', ...cliFlags(c)], { cwd: c.root });
    expect(checked.status, checked.stdout).toBe(0);
    const [deck] = JSON.parse(checked.stdout).decks;
    expect(deck.diagnostics).toEqual([]);
    // Bullets with a lead-in, a table and speaker notes: the elements an author needs first.
    expect(deck.titles).toEqual(['My Brief', 'Agenda', 'Key points', 'Figures', expect.any(String)]);
  });

  it('refuses a slug that is not one, and a folder that exists, leaving it as it was', () => {
    const c = makeContent({ taken: { files: { '01-a.md': '# A\n\n- a\n' } } });
    const bad = runCli(['new', 'My Brief', ...cliFlags(c)], { cwd: c.root });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      'Unexpected deck slug `My Brief`, expected lowercase letters, digits and hyphens such as `my-brief`',
    );
    const none = runCli(['new', ...cliFlags(c)], { cwd: c.root });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Missing deck slug');
    const taken = runCli(['new', 'taken', ...cliFlags(c)], { cwd: c.root });
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('Existing `content/taken` left as it is');
    expect(readdirSync(path.join(c.content, 'taken')).sort()).toEqual(['01-a.md', 'deck.yaml']);
    expect(readdirSync(c.content).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(existsSync(path.join(c.content, 'my-brief'))).toBe(false);
  });
});
