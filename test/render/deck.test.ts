import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { deckOpts, makeContent, FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { readPptx, type PptxView } from '../helpers/pptx.js';

const LAYOUT_NAMES = {
  title: 'Title Slide',
  content: 'Title and Content',
  section: 'Section Header',
  titleOnly: 'Title Only',
  twoContent: 'Two Content',
  comparison: 'Comparison',
  quote: 'Quote',
  picture: 'Picture with Caption',
  blank: 'Blank',
} as const;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('rendered content decks', () => {
  const built: Record<string, { r: BuildResult; view: PptxView }> = {};
  beforeAll(async () => {
    const c = makeContent({});
    for (const slug of ['russia-north-korea-treaty', 'us-policy-response']) {
      const r = await buildDeck(slug, { contentDir: FIXTURE_DECKS, themesDir: REPO_THEMES, outDir: c.out });
      built[slug] = { r, view: await readPptx(readFileSync(r.file!)) };
    }
  });

  it('writes one slide per planned slide, each with its title in a title placeholder', () => {
    for (const { r, view } of Object.values(built)) {
      expect(view.slides.map((s) => s.title)).toEqual(r.deck!.slides.map((s) => s.title));
      expect(view.slides.map((s) => s.layoutName)).toEqual(r.deck!.slides.map((s) => LAYOUT_NAMES[s.layout]));
      expect(
        view.slides.every((s, i) => new RegExp(`<p:ph type="${i === 0 ? 'ctrTitle' : 'title'}"/>`).test(s.xml)),
      ).toBe(true);
    }
    expect(built['russia-north-korea-treaty'].view.slides.length).toBe(16);
    expect(built['us-policy-response'].view.slides.length).toBe(15);
  });

  it('writes the nation-stance and sanctions tables as native tables, cell for cell', () => {
    const nation = built['russia-north-korea-treaty'].view.slides
      .flatMap((s) => s.tables)
      .find((t) => t[0][0] === 'Nation')!;
    expect(nation).toEqual([
      ['Nation', 'Current Stance', 'Potential Shift post-Treaty'],
      ['Russia', 'Traditionally aligned with China', 'Increased influence in Korean Peninsula conflicts'],
      ['North korea', 'Isolated due to sanctions', 'Strengthened military capability and economic ties'],
      ['South Korea', 'Strong US ally', 'Need for enhanced defense systems; potential closer ties with Japan'],
      [
        'Japan',
        'Protective of territorial integrity',
        'Increased military spending; more robust diplomatic initiatives',
      ],
    ]);
    const sanctions = built['us-policy-response'].view.slides.find((s) =>
      s.tables.some((t) => t[0][0] === 'Sanction Type'),
    )!;
    expect(sanctions.xml).toContain('<a:tbl>');
    expect(sanctions.tables[0][0]).toEqual(['Sanction Type', 'Description']);
    expect(sanctions.tables[0].length).toBeGreaterThan(2);
  });

  it('keeps bold lead-ins as bold runs', () => {
    const slide = built['russia-north-korea-treaty'].view.slides.find((s) =>
      s.texts.some((t) => t.startsWith('Military collaboration:')),
    )!;
    expect(slide.xml).toMatch(/<a:rPr[^>]* b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>Military collaboration:<\/a:t>/s);
    expect(slide.xml).toMatch(/<a:buChar char="/);
  });

  it('loses no word of the source: every word is on a slide or in its notes', () => {
    for (const [slug, { r, view }] of Object.entries(built)) {
      const deckWords = new Set(
        words(
          view.slides
            .map((s) => [...s.texts, ...s.tables.flat(2), s.notes ?? ''].join(' '))
            .join(' ')
            .replace(/\*\*/g, ''),
        ),
      );
      for (const section of r.article!.sections) {
        const src = readFileSync(
          path.resolve(section.file.startsWith('/') ? section.file : path.join(process.cwd(), section.file)),
          'utf8',
        );
        const plain = src
          .replace(/^#\s+/gm, '')
          .replace(/\*\*(?=\S)|(?<=\S)\*\*(?=\s|$)/g, '')
          .replace(/^\s*-\s+/gm, '')
          .replace(/^\|?\s*-{3}.*$/gm, '')
          .replace(/\|/g, ' ');
        const missing = words(plain).filter((w) => !deckWords.has(w) && w !== '**');
        expect(missing, `${slug}/${section.file}`).toEqual([]);
      }
    }
  });

  it('puts prose in the speaker notes', () => {
    const intro = built['us-policy-response'].view.slides[2];
    expect(intro.title).toBe('Introduction');
    expect(intro.notes).toContain(
      'In recent months, the alliance between Russia and North Korea has become a focal point',
    );
  });

  it('writes each prose paragraph as its own notes paragraph', async () => {
    const view = built['us-policy-response'].view;
    const slide = view.slides.find((s) => s.title === 'Understanding the Historical Context of the Alliance')!;
    const xml = await view.part(slide.notesFile!);
    const body = /<p:ph type="body"[\s\S]*?<\/p:txBody>/.exec(xml)![0];
    const texts = [...body.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^The emergence of the Russia–North Korea alliance/);
    expect(texts[1]).toMatch(/^furthermore, the geopolitical landscape/);
    expect(texts.some((t) => /[\r\n]/.test(t))).toBe(false);
  });

  it('validates against the ISO/IEC 29500 transitional schemas', async () => {
    for (const { r } of Object.values(built)) {
      const problems = await validatePptx(r.pptx!);
      expect(problems, formatValidation(problems)).toEqual([]);
    }
  });

  it('is reproducible: the same sources give the same bytes', async () => {
    const c = makeContent({});
    const again = await buildDeck('us-policy-response', {
      contentDir: FIXTURE_DECKS,
      themesDir: REPO_THEMES,
      outDir: c.out,
    });
    expect(Buffer.compare(Buffer.from(again.pptx!), Buffer.from(built['us-policy-response'].r.pptx!))).toBe(0);
    const core = await built['us-policy-response'].view.part('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T00:00:00Z</dcterms:created>');
  });
});

describe('rendered stress deck', () => {
  let view: PptxView;
  let r: BuildResult;
  beforeAll(async () => {
    const c = makeContent({ stress: stressDeck });
    r = await buildDeck('stress', deckOpts(c));
    view = await readPptx(r.pptx!);
  });

  it('keeps markup characters, Hangul, Cyrillic and emoji as text', () => {
    const all = view.slides.map((s) => [...s.texts, ...s.tables.flat(2)].join('\n')).join('\n');
    expect(all).toContain('Quotes " < > & \' survive');
    expect(all).toContain('한국어 문장이 슬라이드에 그대로 표시되어야 합니다 (Hangul).');
    expect(all).toContain('Русский текст тоже должен остаться на слайде (Cyrillic).');
    expect(all).toContain('Emoji 🛰️ and symbols & < > " \' stay as text.');
    expect(all).toContain('R&D <Unit>');
  });

  it('repeats the table header on every page of a split table', () => {
    const pages = view.slides.filter((s) => s.title?.startsWith('A table of twenty-four rows'));
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect(p.tables[0][0]).toEqual(['Nation', 'Current Stance', 'Potential Shift post-Treaty']);
  });

  it('numbers ordered lists from where the list starts', () => {
    const s = view.slides.find((x) => x.title === 'Nested and numbered')!;
    expect(s.xml).toContain('<a:buAutoNum type="arabicPeriod" startAt="1"/>');
  });

  it('validates against the schemas', async () => {
    const problems = await validatePptx(r.pptx!);
    expect(problems, formatValidation(problems)).toEqual([]);
  });

  it('uses SOURCE_DATE_EPOCH for the file dates when set', async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const c = makeContent({ stress: stressDeck });
      const again = await buildDeck('stress', deckOpts(c));
      expect(await (await readPptx(again.pptx!)).part('docProps/core.xml')).toContain('2023-11-14T22:13:20Z');
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
});

it('writes control characters out of the XML instead of corrupting it', async () => {
  const c = makeContent({ ctl: { files: { '01-a.md': '# Bell\u0007 title\n\n- form\u000cfeed\n' } } });
  const r = await buildDeck('ctl', deckOpts(c));
  const view = await readPptx(r.pptx!);
  expect(view.slides.some((s) => s.title === 'Bell title')).toBe(true);
  expect(await validatePptx(r.pptx!)).toEqual([]);
});
