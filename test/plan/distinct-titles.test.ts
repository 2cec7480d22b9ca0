/**
 * Slides of one section that would share a title are numbered on (`T (cont.)`, `T (cont. 2)`…), skipping numbers a
 * continued slide already took; the next free number is remembered per title, so thousands of repeats stay linear
 * (issue 18: 17,000 one-line quotes under one title took 28 s).
 */
import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

const titles = async (md: string) => {
  const r = await checkDeck('d', deckOpts(makeContent({ d: { files: { '01-s.md': md } } })));
  return r.deck!.slides.map((s) => s.title).filter((t) => t.startsWith('T'));
};

describe('distinct slide titles in a section', () => {
  it('numbers repeats in order, around the continuation slides of a long quote', async () => {
    const long = 'A long sentence about the treaty and its consequences for the region. '.repeat(60);
    const got = await titles(`# T\n\n> one\n\n> ${long}\n\n> three\n\n- a\n\n> four\n`);
    expect(got).toEqual(['T', 'T (cont.)', 'T (cont. 2)', 'T (cont. 3)', 'T (cont. 4)', 'T (cont. 5)']);
  });

  it('gives 990 quotes under one title 990 different titles (a deck has at most MAX_DECK_SLIDES)', async () => {
    const got = await titles(`# T\n\n${'> q\n\n'.repeat(990)}`);
    expect(got).toHaveLength(990);
    expect(new Set(got).size).toBe(990);
    expect(got.at(-1)).toBe('T (cont. 989)');
  });
});
