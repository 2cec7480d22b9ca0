import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import { deckToVersion } from '../../src/history/deck-to-version.js';
import { diffVersions } from '../../src/history/diff-versions.js';
import { formatDiff } from '../../src/history/format-diff.js';
import { encodeVersion } from '../../src/history/version-store.js';
import type { DeckVersion } from '../../src/history/version.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { deckOpts, makeContent, FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';

async function versionOf(decks: Parameters<typeof makeContent>[0], slug: string): Promise<DeckVersion> {
  const r = await checkDeck(slug, deckOpts(makeContent(decks)));
  expect(r.deck, JSON.stringify(r.diagnostics)).toBeDefined();
  return deckToVersion(r.deck!, r.article!, `version-of-${slug}`);
}

const sentence = (i: number) =>
  `Sentence ${i} explains a consequence for regional stability and the alliances involved.`;
const section = (v: DeckVersion, slug: string) => v.sections.find((s) => s.slug === slug)!;

describe('deckToVersion', () => {
  it('folds continuation slides back into one block: 18 bullets over 3 slides, 24 rows over 3', async () => {
    const v = await versionOf({ stress: stressDeck }, 'stress');
    const bullets = section(v, 'bullets');
    expect(bullets.slides).toEqual([3, 4, 5]);
    expect(bullets.blocks).toHaveLength(1);
    const list = bullets.blocks[0];
    expect(list).toMatchObject({ kind: 'bullets', slides: [3, 4, 5], lead: 'The following list is long:' });
    expect(list).not.toHaveProperty('title'); // `Eighteen bullets (cont.)` is the section's own title continued
    if (list.kind !== 'bullets') throw new Error('bullets expected');
    expect(list.bullets).toHaveLength(18);
    expect(list.bullets[0]).toEqual({ text: `Point 1: ${sentence(0)}`, level: 0, slides: [3] });
    expect(list.bullets.at(-1)!.slides).toEqual([5]);
    const table = section(v, 'long-table').blocks[0];
    expect(table).toMatchObject({
      kind: 'table',
      slides: [6, 7, 8],
      header: ['Nation', 'Current Stance', 'Potential Shift post-Treaty'],
    });
    if (table.kind !== 'table') throw new Error('table expected');
    expect(table.rows.map((r) => r.cells[0])).toEqual(Array.from({ length: 24 }, (_, i) => `Nation ${i + 1}`));
    expect(table.rows[23]).toMatchObject({
      cells: ['Nation 24', expect.stringMatching(/^Row 23 carries/), 'Shift 24'],
      slides: [8],
    });
  });

  it('a bullet split over two slides is one bullet, and a table row split over two slides is one row', async () => {
    const v = await versionOf({ stress: stressDeck }, 'stress');
    const long = section(v, 'one-long-bullet').blocks[0];
    if (long.kind !== 'bullets') throw new Error('bullets expected');
    expect(long.bullets).toEqual([
      { text: Array.from({ length: 40 }, (_, i) => sentence(i)).join(' '), level: 0, slides: [15, 16] },
    ]);
    const huge = section(v, 'huge-cell').blocks[0];
    if (huge.kind !== 'table') throw new Error('table expected');
    expect(huge.rows).toEqual([
      { cells: ['Huge', Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ')], slides: [11, 12] },
      { cells: ['Small', 'After the huge one'], slides: [12] },
    ]);
  });

  it('keeps nesting, quotes, the title slide and every slide title; numbering is not text', async () => {
    const v = await versionOf({ stress: stressDeck }, 'stress');
    const nested = section(v, 'nested');
    expect(nested.blocks.map((b) => b.kind)).toEqual(['bullets', 'quote']);
    const list = nested.blocks[0];
    if (list.kind !== 'bullets') throw new Error('bullets expected');
    expect(list.bullets.map((b) => [b.level, b.text])).toEqual([
      [0, 'First'],
      [1, 'child a'],
      [1, 'child b'],
      [0, 'Second'],
      [0, 'Third with code and a link'],
    ]);
    expect(nested.blocks[1]).toMatchObject({
      kind: 'quote',
      text: '“A quotation from the article stands alone.”',
      slides: [18],
    });
    expect(v).toMatchObject({
      title: 'Stress test — tables, bullets & titles',
      subtitle: 'Quotes " < > & \' survive',
      details: ['R&D <Unit>', 'February 3, 2026'],
      titleSlides: [1],
      agendaSlides: [2],
    });
    // The link's address is listed on a Sources slide before the closing slide (issue 21).
    expect(v.slideTitles).toHaveLength(20);
    expect(v.slideTitles.at(-2)).toBe('Sources');
    expect(v.sources).toEqual([
      { kind: 'link', key: 'https://example.org/?a=1&b=2', text: 'a link: https://example.org/?a=1&b=2', slides: [19] },
    ]);
    expect(v.slideTitles[3]).toBe('Eighteen bullets (cont.)');
  });

  it('an image keeps its alt text, caption and a fingerprint; a `##` heading is a slide title', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const v = await versionOf(
      {
        d: {
          files: {
            '01-map.md': '# Maps\n\n## The region\n\n![A map of the Korean peninsula](images/map.png "Sea lanes")\n',
            'images/map.png': png,
          },
        },
      },
      'd',
    );
    expect(section(v, 'map').blocks).toEqual([
      {
        kind: 'image',
        slides: [3],
        title: 'The region',
        alt: 'A map of the Korean peninsula',
        image: expect.stringMatching(/^[0-9a-f]{16}$/),
        caption: 'Sea lanes',
      },
    ]);
  });

  it('moving bullets onto other slides is not a change; editing one names its new slide', async () => {
    const files = (n: number, edit?: number) => ({
      '01-list.md': `# A long list\n\n${Array.from({ length: n }, (_, i) => `- **Point ${i + 1}:** ${i === edit ? sentence(i).replace('consequence', 'risk') : sentence(i)}`).join('\n')}\n`,
    });
    const a = await versionOf({ d: { files: files(18) } }, 'd');
    const b = await versionOf(
      {
        d: {
          files: {
            '00-intro.md': '# Intro\n\n- A new first slide pushes every other slide along.\n',
            ...files(18, 16),
          },
        },
      },
      'd',
    );
    expect(formatDiff(diffVersions(a, b))).toEqual([
      'Section added: "Intro" (slides 2, 3)',
      'Bullet changed · A long list: Point 17: …a consequence for → a risk for… (slide 6)',
      'Slides with changes: 2, 3, 6',
    ]);
  });

  it('the content decks’ records are a few KB (gzip JSON) and the same deck gives the same bytes', async () => {
    for (const slug of ['russia-north-korea-treaty', 'us-policy-response']) {
      const opts = { contentDir: FIXTURE_DECKS, themesDir: REPO_THEMES, outDir: '/nonexistent' };
      const [x, y] = await Promise.all([checkDeck(slug, opts), checkDeck(slug, opts)]);
      const bytes = encodeVersion(deckToVersion(x.deck!, x.article!, 'v'));
      expect(bytes.byteLength, slug).toBeLessThan(6 * 1024);
      expect(Buffer.compare(bytes, encodeVersion(deckToVersion(y.deck!, y.article!, 'v')))).toBe(0);
    }
  });
});
