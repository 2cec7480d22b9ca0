import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { readPptx } from '../helpers/pptx.js';

/**
 * Issue 18's time cliff: a generated section (nested lists, a 3-column table of long unbroken words, right-to-left
 * and CJK text, control characters) whose `check` never finished: a table row that fit by line count but measured
 * a hair taller was split into itself forever. It now builds, beside a valid deck that builds in the same run. How
 * long it takes is the bench's business (`npm run bench -- markdown-limits`); here the test's own timeout bounds it.
 */
const SLOW = readFileSync(new URL('../fixtures/slow-section.md', import.meta.url), 'utf8');

describe('the slow section (issue 18)', () => {
  it('builds a deck whose slides hold its table, and the deck beside it builds too', async () => {
    const c = makeContent({
      slow: { files: { '01-slow.md': SLOW } },
      plain: { files: { '01-a.md': '# Plain\n\n- a valid deck beside it\n' } },
    });
    const slow = await buildDeck('slow', deckOpts(c));
    const plain = await buildDeck('plain', deckOpts(c));
    expect(plain.pptx).toBeDefined();
    expect(slow.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(slow.pptx).toBeDefined();
    const view = await readPptx(slow.pptx!);
    expect(view.slides.length).toBeGreaterThan(2);
    expect(view.slides.length).toBe(slow.deck!.slides.length);
  }, 120_000);
});
