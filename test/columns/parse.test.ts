import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import { runsText } from '../../src/model/article.js';
import type { CalloutBlock, ColumnsBlock } from '../../src/model/columns.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

const check = (md: string, yaml?: string) =>
  checkDeck('d', deckOpts(makeContent({ d: { yaml, files: { '01-s.md': md } } })));
const codes = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.severity} ${d.code} ${d.position.file.split('/').pop()}:${d.position.line}:${d.position.column}`);

const TWO = [
  '# Options',
  '',
  ':::: columns',
  '::: column',
  '### Washington',
  '- Sanctions enforcement',
  ':::',
  '::: {.column width="40%"}',
  '### Beijing',
  '- Selective enforcement',
  '',
  'Some prose.',
  ':::',
  '::::',
  '',
  '- after the set',
  '',
].join('\n');

describe('columns in Markdown', () => {
  it("reads pandoc's fenced divs: columns, widths, headers and their blocks, with positions", async () => {
    const r = await check(TWO);
    expect(r.diagnostics).toEqual([]);
    const [set, after] = r.article!.sections[0].blocks as [ColumnsBlock, { type: string; position: { line: number } }];
    expect(set.type).toBe('columns');
    expect(set.position.line).toBe(3);
    expect(set.columns.map((c) => [c.heading && runsText(c.heading), c.width, c.position.line])).toEqual([
      ['Washington', undefined, 4],
      ['Beijing', 0.4, 8],
    ]);
    expect(set.columns[1].blocks.map((b) => [b.type, b.position.line])).toEqual([
      ['list', 10],
      ['paragraph', 12],
    ]);
    // The text after the set keeps its own line.
    expect([after.type, after.position.line]).toEqual(['list', 16]);
  });

  it('takes `::: column width=30%` and leaves `:::` inside code alone', async () => {
    const md = '# T\n\n:::: columns\n::: column width=30%\n```\n:::\n```\n:::\n::: column\nb\n:::\n::::\n';
    const r = await check(md);
    expect(r.diagnostics).toEqual([]);
    const set = r.article!.sections[0].blocks[0] as ColumnsBlock;
    expect(set.columns[0].width).toBe(0.3);
    expect(set.columns[0].blocks).toMatchObject([{ type: 'code', text: ':::' }]);
  });

  it('reports a stray `:::` at its line and keeps the lines after it numbered', async () => {
    const r = await check('# T\n\n- a\n:::\n\n| x |\n| - |\n| 1 | 2 |\n');
    expect(codes(r.diagnostics)).toEqual(['error div-stray-close 01-s.md:4:1', 'error table-extra-cells 01-s.md:8:7']);
  });

  it('reports an unclosed column set at its opening fence', async () => {
    const r = await check('# T\n\n:::: columns\n::: column\na\n:::\n::: column\nb\n');
    expect(codes(r.diagnostics)).toEqual(['error div-unclosed 01-s.md:7:1', 'error div-unclosed 01-s.md:3:1']);
    expect(r.diagnostics[1].message).toBe('Unclosed `:::: columns`, expected `::::` to close it');
  });

  it('reports one column, five columns, widths over 100%, a bad width, text between columns and unknown divs', async () => {
    const col = (w = '') => `::: column${w}\nx\n:::\n`;
    const md = [
      '# T',
      '',
      `:::: columns\n${col()}::::`,
      `:::: columns\n${col().repeat(5)}::::`,
      `:::: columns\n${col(' width="70%"')}${col(' width="50%"')}::::`,
      `:::: columns\n${col(' width="wide"')}stray\n${col()}::::`,
      '::: notes\nhello\n:::',
      '::: column\nx\n:::',
      '',
    ].join('\n');
    const r = await check(md);
    expect(codes(r.diagnostics)).toEqual([
      'error columns-count 01-s.md:3:1',
      'error columns-count 01-s.md:8:1',
      'error columns-width 01-s.md:25:1',
      'error column-width 01-s.md:34:12',
      'error columns-stray-text 01-s.md:37:1',
      'error div-unknown 01-s.md:42:1',
      'error div-stray-close 01-s.md:44:1',
      'error column-outside-columns 01-s.md:45:1',
      'error div-stray-close 01-s.md:47:1',
    ]);
    expect(r.diagnostics[1].message).toBe('Unexpected 5 columns in `:::: columns`, expected 2 to 4');
  });
});

describe('callouts in Markdown', () => {
  it("reads GitHub's alerts, with the deck's own labels", async () => {
    const md = [
      '# Outlook',
      '',
      '> [!IMPORTANT]',
      '> Beijing **will** act.',
      '>',
      '> - first',
      '> - second',
      '',
      '> [!note]',
      '> A note.',
      '',
      '> [!UNKNOWN]',
      '> Stays a quote.',
      '',
      '> Plain quote.',
      '',
    ].join('\n');
    const r = await check(md, 'title: D\ncallouts:\n  IMPORTANT: Key judgment\n');
    expect(r.diagnostics).toEqual([]);
    const blocks = r.article!.sections[0].blocks;
    expect(blocks.map((b) => b.type)).toEqual(['callout', 'callout', 'quote', 'quote']);
    const [key, note] = blocks as CalloutBlock[];
    expect([key.kind, key.label, key.position.line]).toEqual(['IMPORTANT', 'Key judgment', 3]);
    expect(key.paragraphs.map(runsText)).toEqual(['Beijing will act.', 'first', 'second']);
    expect(key.paragraphs[0].find((r) => r.text === 'will')?.bold).toBe(true);
    expect([note.kind, note.label]).toEqual(['NOTE', 'Note']);
  });

  it('refuses a callout kind deck.yaml does not know, at its key', async () => {
    const r = await check('# T\n\n- a\n', 'title: D\ncallouts:\n  IMPORTANT: Key judgment\n  BOTTOM: Bottom line\n');
    expect(r.diagnostics.map((d) => [d.severity, d.position.line])).toEqual([['error', 4]]);
    expect(r.diagnostics[0].message).toContain('`NOTE`, `TIP`, `IMPORTANT`, `WARNING`, `CAUTION`');
  });
});
