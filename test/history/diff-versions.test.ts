import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/history/diff-versions.js';
import { diffHtml, formatDiff, slideList, summarizeDiff } from '../../src/history/format-diff.js';
import type { BlockVersion, DeckVersion, SectionVersion } from '../../src/history/version.js';
import { wordHunks } from '../../src/history/word-diff.js';

/** A hand-made version record: sections laid out from slide 3 on, one slide per block (and its bullets and rows). */
function deck(sections: Omit<SectionVersion, 'slides'>[], extra: Partial<DeckVersion> = {}): DeckVersion {
  let n = 3;
  const laid = sections.map((s) => {
    const blocks = s.blocks.map((b) => {
      const slides = [n++];
      if (b.kind === 'bullets') return { ...b, slides, bullets: b.bullets.map((x) => ({ ...x, slides })) };
      if (b.kind === 'table') return { ...b, slides, rows: b.rows.map((r) => ({ ...r, slides })) };
      return { ...b, slides };
    });
    return { ...s, blocks, slides: blocks.flatMap((b) => b.slides) };
  });
  return {
    format: 1,
    deck: 'd',
    version: `v${Math.random()}`,
    title: 'T',
    details: [],
    slideTitles: [],
    titleSlides: [1],
    agendaSlides: [2],
    sections: laid,
    ...extra,
  };
}
const sec = (
  slug: string,
  title: string,
  blocks: Omit<SectionVersion, 'slides'>['blocks'],
  notes: SectionVersion['notes'] = [],
) => ({ slug, title, blocks, notes });
const bullets = (...texts: string[]): BlockVersion => ({
  kind: 'bullets',
  slides: [],
  bullets: texts.map((text) => ({ text, level: 0, slides: [] })),
});
const table = (header: string[], ...rows: string[][]): BlockVersion => ({
  kind: 'table',
  slides: [],
  header,
  rows: rows.map((cells) => ({ cells, slides: [] })),
});
const statement = (text: string): BlockVersion => ({ kind: 'statement', slides: [], text });

describe('diffVersions', () => {
  const a = deck([
    sec('a', 'Alpha', [statement('One.')]),
    sec('b', 'Beta', [statement('Two.')]),
    sec('c', 'Gamma', [statement('Three.')]),
  ]);

  it('first version and unchanged decks say so', () => {
    const first = diffVersions(undefined, a);
    expect([summarizeDiff(first), formatDiff(first)]).toEqual([
      'first version',
      ['First version: nothing to compare it with.'],
    ]);
    const same = diffVersions(a, { ...a, version: 'other' });
    expect([summarizeDiff(same), formatDiff(same), same.slides]).toEqual(['unchanged', ['No changes.'], []]);
  });

  it('a moved section is one move, not every section after it', () => {
    const b = deck([
      sec('c', 'Gamma', [statement('Three.')]),
      sec('a', 'Alpha', [statement('One.')]),
      sec('b', 'Beta', [statement('Two.')]),
    ]);
    expect(formatDiff(diffVersions(a, b))).toEqual([
      'Section moved: "Gamma" from position 3 to 1 (slides 2, 3)',
      'Slides with changes: 2, 3',
    ]);
  });

  it('repeated sections (same file name and title): removing one in the middle does not shift the pairing', () => {
    const body = (k: number) => [statement(`Section body number ${k % 3} with enough words to compare.`)];
    const x = deck(Array.from({ length: 9 }, (_, k) => sec('s', `Title ${k % 3}`, body(k))));
    const y = deck(Array.from({ length: 9 }, (_, k) => sec('s', `Title ${k % 3}`, body(k))).filter((_, k) => k !== 4));
    expect(diffVersions(x, y).changes).toEqual([
      { type: 'section', action: 'removed', section: 'Title 1', slides: [2] },
    ]);
  });

  it('a section whose file and heading were both renamed is matched by its content', () => {
    const long = 'The alliance deepens military and economic ties across the region.';
    const x = deck([sec('old-name', 'Old heading', [statement(long)])]);
    const y = deck([sec('new-name', 'New heading', [statement(long)])]);
    expect(formatDiff(diffVersions(x, y))[0]).toBe('Section renamed: "Old heading" → "New heading" (slides 2, 3)');
  });

  it('table rows by their first column: a renamed column, an edited key, a removed and an added row', () => {
    const x = deck([
      sec('t', 'Stances', [
        table(
          ['Nation', 'Stance'],
          ['Russia', 'Aligned with China'],
          ['North korea', 'Isolated by sanctions'],
          ['Japan', 'Protective'],
        ),
      ]),
    ]);
    const y = deck([
      sec('t', 'Stances', [
        table(
          ['Nation', 'Position'],
          ['Russia', 'Aligned with China'],
          ['North Korea', 'Isolated by sanctions'],
          ['China', 'Cautious'],
        ),
      ]),
    ]);
    const d = diffVersions(x, y);
    expect(formatDiff(d)).toEqual([
      'Table column renamed: Stances: "Stance" → "Position" (slide 3)',
      'Table row removed: Stances · Japan (slide 3)',
      'Table row changed: Stances · North Korea · Nation: "North korea" → "North Korea" (slide 3)',
      'Table row added: Stances · China (slide 3)',
      'Slides with changes: 3',
    ]);
    expect(summarizeDiff(d)).toBe('updated: 3 table rows · 1 table column');
  });

  it('a reworded bullet is one change, not a removal and an addition; a nesting change is named', () => {
    const x = deck([
      sec('s', 'S', [bullets('Alpha point stays.', 'Beta point about sanctions on energy exports.', 'Gamma point.')]),
    ]);
    const y = deck([
      sec('s', 'S', [bullets('Alpha point stays.', 'Beta point about sanctions on oil exports.', 'Gamma point.')]),
    ]);
    expect(formatDiff(diffVersions(x, y))[0]).toBe(
      'Bullet changed · S: "Beta point about sanctions on energy exports." → "Beta point about sanctions on oil exports." (slide 3)',
    );
    const nested: DeckVersion = structuredClone(x);
    const list = nested.sections[0].blocks[0];
    if (list.kind === 'bullets') list.bullets[2].level = 1;
    expect(formatDiff(diffVersions(x, nested))[0]).toBe('Bullet changed · S: "Gamma point." level 1 → 2 (slide 3)');
  });

  it('the title slide, notes, images and a removed bullet (on the slide it left)', () => {
    const img = (alt: string, image: string): BlockVersion => ({ kind: 'image', slides: [], alt, image });
    const x = deck(
      [
        sec(
          's',
          'Maps',
          [bullets('Keep this.', 'Drop this one.'), img('Map of the region', 'aaaa')],
          [{ slides: [3], text: 'Old note.' }],
        ),
      ],
      { subtitle: 'Draft' },
    );
    const y = deck(
      [
        sec(
          's',
          'Maps',
          [bullets('Keep this.'), img('Map of the wider region', 'bbbb')],
          [{ slides: [3], text: 'New note.' }],
        ),
      ],
      { subtitle: 'Final' },
    );
    const d = diffVersions(x, y);
    expect(formatDiff(d)).toEqual([
      'Title slide · subtitle: "Draft" → "Final" (slide 1)',
      'Bullet removed · Maps: "Drop this one." (slide 3)',
      'Image replaced · Maps: "Map of the region" → "Map of the wider region" (slide 4)',
      'Notes changed · Maps: "Old note." → "New note." (slide 3)',
      'Slides with changes: 1, 3, 4',
    ]);
    expect(summarizeDiff(d)).toBe('updated: 1 bullet · 1 image · notes in 1 section · title slide');
  });

  it('cuts a long diff to a number of lines, and the HTML form escapes and marks edits', () => {
    const many = (w: string) =>
      deck([
        sec('s', 'S <&>', [
          bullets(
            ...Array.from(
              { length: 8 },
              (_, i) => `Point ${i}: the ${w} of a long enough bullet so that word-level edits are shown in context.`,
            ),
          ),
        ]),
      ]);
    const d = diffVersions(many('risk'), many('danger'));
    const lines = formatDiff(d, { maxLines: 3 });
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('Bullet changed · S <&>: Point 0: …the risk of → the danger of… (slide 3)');
    expect(lines.slice(3)).toEqual(['… and 5 more changes', 'Slides with changes: 3']);
    const html = diffHtml(d, { maxLines: 1 });
    expect(html).toContain(
      '<strong>Bullet changed · S &lt;&amp;&gt;</strong>: Point 0: …the <del>risk</del><ins>danger</ins> of…',
    );
    expect(html).toContain('<li class="more">… and 7 more changes</li>');
  });
});

describe('wordHunks and slideList', () => {
  it('one word replaced, with one word of context each side', () => {
    expect(
      wordHunks(
        'Enhanced arms trade and joint military exercises could lead',
        'Enhanced arms trade and joint naval exercises could lead',
      ),
    ).toEqual([
      { before: 'joint ', removed: 'military', added: 'naval', after: ' exercises', atStart: false, atEnd: false },
    ]);
  });

  it('white space alone is no hunk; distant edits are separate hunks, close ones merge', () => {
    expect(wordHunks('one two  three', 'one\ntwo three')).toEqual([]);
    expect(wordHunks('a b c d e f g h', 'a X c d e f Y h')!.map((h) => [h.removed, h.added])).toEqual([
      ['b', 'X'],
      ['g', 'Y'],
    ]);
    expect(wordHunks('a b c d e f g h', 'a X c Y e f g h')!.map((h) => [h.removed, h.added])).toEqual([
      ['b c d', 'X c Y'],
    ]);
  });

  it('slide lists compress runs', () => {
    expect(slideList([7, 2, 3, 4, 9, 10])).toBe('2–4, 7, 9, 10');
  });
});
