import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

const check = (files: Record<string, string | Uint8Array>, yaml?: string | null) => {
  const c = makeContent({ d: { yaml, files } });
  return checkDeck('d', deckOpts(c));
};
const where = (d: Diagnostic) => `${d.position.file.split('/').slice(-1)[0]}:${d.position.line}:${d.position.column}`;
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code} ${where(d)}`);

describe('parsing sections', () => {
  it('keeps positions: a table row with an extra cell is an error at its line and column', async () => {
    const md =
      '# Sanctions\n\nIntro text.\n\n| Sanction Type | Description |\n| --- | --- |\n| Export | Bans | extra |\n';
    const r = await checkDeck('d', deckOpts(makeContent({ d: { files: { '01-s.md': md } } })));
    expect(codes(r.diagnostics)).toEqual(['error table-extra-cells 01-s.md:7:19']);
    expect(r.diagnostics[0].message).toContain('Unexpected 3 cells in this row, expected 2');
    expect(r.deck).toBeUndefined();
  });

  it('counts lines after front matter, CRLF line endings and a BOM', async () => {
    const md = '\uFEFF---\r\nnotes: Presenter reminder\r\n---\r\n# Title\r\n\r\nSome <span>html</span> here.\r\n';
    const r = await check({ '01-a.md': md });
    expect(codes(r.diagnostics)).toEqual(['warning raw-html 01-a.md:6:6', 'warning raw-html 01-a.md:6:16']);
    expect(r.article!.sections[0].title).toBe('Title');
    expect(r.article!.sections[0].titlePosition.line).toBe(4);
  });

  it('reports a section without its # heading', async () => {
    const r = await check({ '01-a.md': 'Just text.\n', '02-b.md': '# Fine\n\n- a\n' });
    expect(codes(r.diagnostics)).toEqual(['error section-heading-missing 01-a.md:1:1']);
  });

  it('refuses a file that is not UTF-8, naming the byte', async () => {
    const bytes = new Uint8Array([...Buffer.from('# Title\n\nCaf'), 0xe9, ...Buffer.from('\n')]);
    const r = await check({ '01-a.md': bytes });
    expect(codes(r.diagnostics)).toEqual(['error invalid-utf8 01-a.md:3:4']);
    expect(r.diagnostics[0].message).toContain('0xe9');
  });

  it('reports invalid front matter with its file line', async () => {
    const r = await check({ '01-a.md': '---\nskip: maybe\n---\n# T\n' });
    expect(codes(r.diagnostics)).toEqual(['error invalid-field 01-a.md:2:7']);
  });

  it('warns about unknown front-matter keys and deck.yaml keys', async () => {
    const r = await check({ '01-a.md': '---\nauthor: me\n---\n# S\n\n- x\n' }, 'title: T\nfoo: 1\n');
    expect(codes(r.diagnostics)).toEqual(['warning unknown-key deck.yaml:2:1', 'warning unknown-key 01-a.md:2:1']);
  });

  it('warns about an unmatched ** at its column, and not about closed ones', async () => {
    const r = await check({ '01-a.md': '# T\n\n- **Lead:** fine\n- response (HADR)** to build\n' });
    expect(codes(r.diagnostics)).toEqual(['warning unmatched-emphasis 01-a.md:4:18']);
  });

  it('keeps an escaped pipe in a cell, decodes entities, and allows empty cells', async () => {
    const r = await check({ '01-a.md': '# T\n\n| A | B |\n| :-- | --: |\n| x \\| y | AT&amp;T |\n|  | z |\n' });
    expect(r.diagnostics).toEqual([]);
    const table = r.article!.sections[0].blocks[0];
    if (table.type !== 'table') throw new Error('expected a table');
    expect(table.rows.map((row) => row.map((c) => c.map((x) => x.text).join('')))).toEqual([
      ['x | y', 'AT&T'],
      ['', 'z'],
    ]);
    expect(table.align).toEqual(['left', 'right']);
  });

  it('keeps bold lead-ins as bold runs and nested and numbered lists', async () => {
    const r = await check({ '01-a.md': '# T\n\n3. **Military:** arms\n   - nested *one*\n4. second\n' });
    const list = r.article!.sections[0].blocks[0];
    if (list.type !== 'list') throw new Error('expected a list');
    expect(list.ordered).toBe(true);
    expect(list.start).toBe(3);
    expect(list.items[0].runs).toEqual([{ text: 'Military:', bold: true }, { text: ' arms' }]);
    expect(list.items[0].children[0].items[0].runs).toEqual([{ text: 'nested ' }, { text: 'one', italic: true }]);
  });
});

describe('deck.yaml', () => {
  it('reports YAML syntax errors with line and column', async () => {
    const r = await check({ '01-a.md': '# T\n' }, 'title: T\nsubtitle: [unclosed\n');
    expect(r.diagnostics[0].code).toBe('yaml-syntax');
    expect(r.diagnostics[0].position.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a missing title, a bad date and a bad address at their lines', async () => {
    const r = await check({ '01-a.md': '# T\n' }, 'subtitle: S\ndate: 2026-13-01\nemail:\n  to: [not-an-address]\n');
    expect(codes(r.diagnostics)).toEqual([
      'error invalid-field deck.yaml:1:1',
      'error invalid-field deck.yaml:2:7',
      'error invalid-field deck.yaml:4:8',
    ]);
    expect(r.diagnostics[2].message).toContain('`not-an-address` is not an email address');
  });

  it('reports a missing deck.yaml', async () => {
    const r = await check({ '01-a.md': '# T\n' }, null);
    expect(codes(r.diagnostics)).toEqual(['error deck-yaml-missing deck.yaml:1:1']);
  });

  it('reports an unknown theme at the deck.yaml line that names it', async () => {
    const r = await check({ '01-a.md': '# T\n\n- a\n' }, 'title: T\ntheme: neon\n');
    expect(codes(r.diagnostics)).toEqual(['error unknown-theme deck.yaml:2:8']);
    expect(r.diagnostics[0].message).toContain('`briefing-light`');
  });
});
