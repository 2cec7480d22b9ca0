/**
 * What is found inside a block is placed where it is, in document order, and finding it stays linear (issue 18): a
 * repeated tag, marker or list item points at its own place, not at the first one like it, and a section with more
 * warnings than a call can take as spread arguments is still checked.
 */
import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

const check = (md: string) => checkDeck('d', deckOpts(makeContent({ d: { files: { '01-s.md': md } } })));
const at = (ds: Diagnostic[], code: string) =>
  ds.filter((d) => d.code === code).map((d) => `${d.position.line}:${d.position.column}`);

describe('positions inside a block, in document order', () => {
  it('puts each repeated raw HTML tag and unsafe link at its own column and line', async () => {
    const md = '# T\n\nA <b>x</b> and <b>y</b>\nthen [a](file:///a) and [a](file:///a).\n';
    const r = await check(md);
    expect(at(r.diagnostics, 'raw-html')).toEqual(['3:3', '3:7', '3:16', '3:20']);
    expect(at(r.diagnostics, 'unsafe-link')).toEqual(['4:6', '4:25']);
  });

  it('puts a repeated list item on its own line, and a nested one after its parent', async () => {
    const md = '# T\n\n- same\n- other\n- same\n  - same\n- same\n';
    const r = await check(md);
    const list = r.article!.sections[0].blocks[0];
    if (list.type !== 'list') throw new Error(`expected a list, got ${list.type}`);
    expect(list.items.map((i) => i.position.line)).toEqual([3, 4, 5, 7]);
  });

  it('places footnote markers one by one, each after the previous', async () => {
    const md = `# T\n\n${'Claim[^1] '.repeat(3)}\nand[^1] more.\n\n[^1]: A note.\n`;
    const r = await check(md);
    const runs = r.article!.sections[0].blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : []));
    const notes = runs.filter((x) => x.note).map((x) => `${x.note!.position.line}:${x.note!.position.column}`);
    expect(notes).toEqual(['3:6', '3:16', '3:26', '4:4']);
  });

  it('checks a section with 150,000 raw HTML warnings (spread into one call, they overflowed the stack)', async () => {
    const r = await check(`# T\n\n${'<b> '.repeat(150_000)}\n`);
    expect(at(r.diagnostics, 'raw-html')).toHaveLength(150_000);
    expect(at(r.diagnostics, 'raw-html').at(-1)).toBe(`3:${4 * 149_999 + 1}`);
    expect(r.deck?.slides.length).toBeGreaterThan(0);
  });
});
