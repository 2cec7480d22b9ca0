import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/build.js';
import { MAX_DECK_SLIDES } from '../../src/plan/slide-limit.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

// Each one-line quote is a slide of its own: a section of n quotes makes n slides, the nth on line 1 + 2n.
const quotes = (n: number, from = 0) =>
  `# Quotes\n\n${Array.from({ length: n }, (_, k) => `> Quote number ${from + k}.\n`).join('\n')}`;

describe('a deck has at most MAX_DECK_SLIDES slides', () => {
  it('refuses sections that pass the limit at the block that passes it, and writes nothing', async () => {
    const c = makeContent({
      over: { files: { '01-a.md': quotes(600), '02-b.md': quotes(600, 600), '03-c.md': quotes(5) } },
    });
    const r = await buildDeck('over', deckOpts(c));
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['too-many-slides']);
    // 600 slides from the first section, so the second passes 1,000 at its 401st quote.
    expect(errors[0].position).toMatchObject({ file: expect.stringMatching(/02-b\.md$/), line: 1 + 2 * 401 });
    expect(r.file).toBeUndefined();
    expect(existsSync(path.join(c.out, 'over.pptx'))).toBe(false);
  });

  it('stops a single block of thousands of pages at the limit', async () => {
    const list = `# List\n\n${Array.from({ length: 6000 }, (_, k) => `- Item ${k} of a long list\n  - its detail`).join('\n')}\n`;
    const c = makeContent({ long: { files: { '01-a.md': list } } });
    const r = await checkDeck('long', deckOpts(c));
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.position.line])).toEqual([
      ['too-many-slides', 3],
    ]);
  });

  it('plans a deck just under the limit', async () => {
    const c = makeContent({ under: { files: { '01-a.md': quotes(MAX_DECK_SLIDES - 10) } } });
    const r = await checkDeck('under', deckOpts(c));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.deck!.slides.filter((s) => s.kind === 'quote')).toHaveLength(MAX_DECK_SLIDES - 10);
  });
});
