/**
 * Unsafe link targets are dropped with a warning (the text stays), bidi
 * overrides are refused in headings as in titles, and invisible characters
 * are escaped in every message and refused in what becomes a mail header.
 */
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { headerProblem } from '../../src/deliver/header-value.js';
import { formatDiagnostic } from '../../src/util/format-diagnostic.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { readZip } from '../../src/util/zip.js';

const deck = (md: string, yaml = 'title: D\ndate: "2026-01-02"\n') =>
  makeContent({ d: { yaml, files: { '01-a.md': md } } });

describe('links and invisible characters', () => {
  it('drops javascript:, file: and UNC link targets with a warning each, keeping their text and the safe links', async () => {
    const c = deck(
      '# Links\n\n- [run](javascript:alert(1)) and [local](file:///etc/passwd)\n- [share](\\\\\\\\host\\\\share) [web](https://example.org/a) [mail](mailto:desk@example.org) [here](#links)\n',
    );
    const r = await buildDeck('d', deckOpts(c));
    const unsafe = r.diagnostics.filter((d) => d.code === 'unsafe-link');
    expect(unsafe.map((d) => /`([^`]*)`/.exec(d.message)?.[1])).toEqual([
      'javascript:alert(1)',
      'file:///etc/passwd',
      '\\\\host\\share',
    ]);
    expect(unsafe.map((d) => [d.severity, d.position.line])).toEqual([
      ['warning', 3],
      ['warning', 3],
      ['warning', 4],
    ]);
    expect(unsafe[0].position).toMatchObject({ line: 3, column: 3 });
    const entries = readZip(r.pptx!);
    const all = entries.map((e) => new TextDecoder().decode(e.data)).join('\n');
    expect(all).not.toMatch(/javascript:|file:\/\/\/etc|host\\share/);
    expect(all).toContain('Target="https://example.org/a"');
    expect(all).toContain('mailto:desk@example.org');
    // The text of a dropped link is still on the slide.
    expect(all).toMatch(/<a:t>[^<]*run[^<]*<\/a:t>/);
  });

  it('refuses a right-to-left override in a section heading, at its line', async () => {
    const c = deck('# Budget \u202Efdp.exe\n\n- b\n');
    const r = await buildDeck('d', deckOpts(c));
    const e = r.diagnostics.find((d) => d.code === 'heading-bidi');
    expect(e?.severity).toBe('error');
    expect(e?.message).toContain('U+202E');
    expect(e?.position.line).toBe(1);
    expect(r.pptx).toBeUndefined();
  });

  it('refuses a zero-width space in a title or subject that becomes a mail header, and in a sender', async () => {
    for (const yaml of [
      'title: "Pay\u200Bment due"\ndate: "2026-01-02"\n',
      'title: D\ndate: "2026-01-02"\nemail:\n  to: [a@example.org]\n  subject: "Pay\u200Bment"\n',
    ]) {
      const r = await buildDeck('d', deckOpts(deck('# A\n\n- b\n', yaml)));
      const e = r.diagnostics.find((d) => d.severity === 'error');
      expect(e?.message, yaml).toContain('U+200B (zero width space)');
    }
    expect(headerProblem('Desk\u2060 <desk@example.org>')).toMatch(/invisible character U\+2060/);
    expect(headerProblem('Desk \u{1F469}\u200D\u{1F4BB} <desk@example.org>')).toBeUndefined();
  });

  it('escapes invisible characters in every message, so a file name shows what it holds', () => {
    const line = formatDiagnostic({
      severity: 'warning',
      code: 'x',
      message: 'Unexpected file `re\u200Bport\u{E0041}.png`',
      position: { file: 'd/01-a\uFEFF.md', line: 1, column: 1 },
    });
    expect(line).toBe('d/01-a\\ufeff.md:1:1 warning Unexpected file `re\\u200bport\\udb40\\udc41.png` [x]');
  });
});
