import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import { deckDateText } from '../../src/plan/deck-date.js';
import { quoteParagraphs } from '../../src/plan/quote-paragraphs.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

const text = (ps: ReturnType<typeof quoteParagraphs>) => ps.map((p) => p.runs.map((r) => r.text).join(''));

describe('slides set with care', () => {
  it('dates are written in the deck language', () => {
    expect(deckDateText('2026-11-20', 'en-GB')).toBe('20 November 2026');
    expect(deckDateText('2026-11-20', 'en-US')).toBe('November 20, 2026');
    expect(deckDateText('2026-11-20', 'de-DE')).toBe('20. November 2026');
  });

  it('a quote gets typographic quotes, in italic, and its attribution on a line of its own', () => {
    const runOn = quoteParagraphs([[{ text: '"The treaty changes the calculus." — Jane Doe, analyst' }]]);
    expect(text(runOn)).toEqual(['“The treaty changes the calculus.”', '— Jane Doe, analyst']);
    expect(runOn[0].runs.every((r) => r.italic)).toBe(true);
    expect(runOn[1].runs.some((r) => r.italic)).toBe(false);
    const ownLine = quoteParagraphs([[{ text: 'First.' }], [{ text: 'Second.' }], [{ text: '-- A. Author' }]]);
    expect(text(ownLine)).toEqual(['“First.', 'Second.”', '— A. Author']);
    const none = quoteParagraphs([[{ text: 'Well-known and long-standing words' }]]);
    expect(text(none)).toEqual(['“Well-known and long-standing words”']);
  });

  it('statements and quotes are large and centred in the body; the closing slide names the deck, its authors and date', async () => {
    const c = makeContent({
      d: {
        yaml: 'title: Weekly brief\ndate: "2026-11-20"\nauthor: Policy Unit\norganization: Institute\nlanguage: en-GB\n',
        files: {
          '01-a.md': '# Bottom line\n\nDeterrence holds only if the allies act together. More detail follows.\n',
          '02-b.md': '# Voices\n\n> The treaty changes the calculus.\n> — Jane Doe\n',
        },
      },
    });
    const r = await checkDeck('d', deckOpts(c));
    const slides = r.deck!.slides;
    const statement = slides.find((s) => s.kind === 'statement')!;
    const quote = slides.find((s) => s.kind === 'quote')!;
    for (const s of [statement, quote, slides[slides.length - 1]]) {
      if (!('body' in s) || !s.body) throw new Error('no body');
      expect(s.body.align).toBe('center');
      // In the middle of the body: the text's centre halfway between the title and the footer, give or take the gaps.
      const top = s.titleFrame.box.y + s.titleFrame.box.h;
      const bottom = r.deck!.chrome.footer!.box.y;
      expect(Math.abs(s.body.box.y + s.body.box.h / 2 - (top + bottom) / 2)).toBeLessThan(20);
      expect(s.body.box.y - top).toBeGreaterThan(40);
    }
    const body = (s: (typeof slides)[number]) => ('body' in s && s.body ? s.body : undefined)!;
    expect(body(statement).levels[0].size).toBeGreaterThan(r.theme!.sizes.body);
    expect(body(quote).paragraphs.map((p) => p.runs.map((x) => x.text).join(''))).toEqual([
      '“The treaty changes the calculus.”',
      '— Jane Doe',
    ]);
    const closing = slides[slides.length - 1];
    expect(body(closing).paragraphs.map((p) => p.runs.map((x) => x.text).join(''))).toEqual([
      'Weekly brief',
      'Policy Unit · Institute',
      '20 November 2026',
    ]);
    expect(r.deck!.info.footer).toBe('Institute · 20 November 2026');
  });
});
