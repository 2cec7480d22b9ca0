import { beforeAll, describe, expect, it } from 'vitest';
import { checkDeck, type CheckResult } from '../../src/build.js';
import type { Paragraph, Slide } from '../../src/model/deck.js';
import { BODY_BOTTOM, FOOTER_Y, SLIDE } from '../../src/model/geometry.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { deckOpts, makeContent, FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';

const text = (ps: Paragraph[]) => ps.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
const bySection = (r: CheckResult, section: string) => r.deck!.slides.filter((s) => s.section === section);
const boxes = (s: Slide) => {
  const out = [s.titleFrame.box];
  if ('body' in s) out.push(s.body.box);
  if ('lead' in s && s.lead) out.push(s.lead.box);
  if (s.kind === 'table') out.push(s.table.box);
  if (s.kind === 'image') out.push(s.image.box);
  return out;
};

describe('plan: content decks', () => {
  it('gives every section its slides, with title, agenda and closing', async () => {
    const r = await checkDeck('russia-north-korea-treaty', {
      contentDir: FIXTURE_DECKS,
      themesDir: REPO_THEMES,
      outDir: '/nonexistent',
    });
    const kinds = r.deck!.slides.map((s) => s.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds[1]).toBe('agenda');
    expect(kinds.at(-1)).toBe('closing');
    const agenda = r.deck!.slides[1];
    if (agenda.kind !== 'agenda') throw new Error('agenda expected');
    expect(text(agenda.body.paragraphs).split('\n')).toEqual(r.article!.sections.map((s) => s.title));
    const nation = r.deck!.slides.find(
      (s) =>
        s.kind === 'table' &&
        s.table.header.map((c) => c.runs[0].text).join('|') === 'Nation|Current Stance|Potential Shift post-Treaty',
    );
    expect(nation).toBeDefined();
  });

  it('keeps every paragraph: on a slide or in the notes', async () => {
    for (const slug of ['russia-north-korea-treaty', 'us-policy-response']) {
      const r = await checkDeck(slug, { contentDir: FIXTURE_DECKS, themesDir: REPO_THEMES, outDir: '/nonexistent' });
      const seen = r
        .deck!.slides.map((s) =>
          [
            s.notes,
            'body' in s ? text(s.body.paragraphs) : '',
            'lead' in s && s.lead ? text(s.lead.paragraphs) : '',
          ].join('\n'),
        )
        .join('\n');
      for (const section of r.article!.sections)
        for (const b of section.blocks)
          if (b.type === 'paragraph')
            expect(seen, `${section.file}:${b.position.line}`).toContain(b.runs.map((x) => x.text).join(''));
    }
  });
});

describe('plan: stress content', () => {
  let r: CheckResult;
  beforeAll(async () => {
    r = await checkDeck('stress', deckOpts(makeContent({ stress: stressDeck })));
  });

  it('keeps every box on the slide and above the footer', () => {
    for (const s of r.deck!.slides) {
      for (const b of boxes(s)) {
        expect(b.x, s.title).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w, s.title).toBeLessThanOrEqual(SLIDE.w);
        expect(b.y + b.h, `${s.kind} ${s.title}`).toBeLessThanOrEqual(
          s.kind === 'title' || s.kind === 'closing' ? FOOTER_Y : BODY_BOTTOM + 0.5,
        );
      }
      // The title never reaches into the body.
      for (const b of boxes(s).slice(1))
        expect(b.y, s.title).toBeGreaterThanOrEqual(s.titleFrame.box.y + s.titleFrame.box.h);
    }
  });

  it('continues 18 bullets on a (cont.) slide, splitting between bullets', () => {
    const slides = bySection(r, 'Eighteen bullets');
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.map((s) => s.title)).toEqual([
      'Eighteen bullets',
      'Eighteen bullets (cont.)',
      ...slides.slice(2).map((_, k) => `Eighteen bullets (cont. ${k + 2})`),
    ]);
    expect(new Set(slides.map((s) => s.baseTitle))).toEqual(new Set(['Eighteen bullets']));
    const all = slides.flatMap((s) => (s.kind === 'bullets' ? s.body.paragraphs : []));
    expect(all.map((p) => p.runs[0].text)).toEqual(Array.from({ length: 18 }, (_, i) => `Point ${i + 1}:`));
    expect(slides[1].continuation?.reason).toBe('bullets did not fit on one slide');
  });

  it('paginates a 24-row table at row boundaries, repeating the header, titled (k of n)', () => {
    const slides = bySection(r, 'A table of twenty-four rows with long cells');
    const n = slides.length;
    expect(n).toBeGreaterThan(2);
    expect(slides.map((s) => s.title)).toEqual(
      slides.map((_, k) => `A table of twenty-four rows with long cells (${k + 1} of ${n})`),
    );
    const rows = slides.flatMap((s) => {
      if (s.kind !== 'table') throw new Error('table expected');
      expect(s.table.header.map((c) => c.runs[0].text)).toEqual([
        'Nation',
        'Current Stance',
        'Potential Shift post-Treaty',
      ]);
      expect(s.table.rowHeights.reduce((a, b) => a + b, 0)).toBeCloseTo(s.table.box.h, 5);
      return s.table.rows.map((row) => row[0].runs.map((x) => x.text).join(''));
    });
    expect(rows).toEqual(Array.from({ length: 24 }, (_, i) => `Nation ${i + 1}`));
  });

  it('sizes columns from content: the long column is the widest', () => {
    const s = bySection(r, 'A table of twenty-four rows with long cells')[0];
    if (s.kind !== 'table') throw new Error('table expected');
    const [a, b, c] = s.table.columns;
    expect(b).toBeGreaterThan(a);
    expect(b).toBeGreaterThan(c);
    expect(a + b + c).toBeCloseTo(s.table.box.w, 5);
  });

  it('shrinks a very long title, and the body starts below it', () => {
    const s = r.deck!.slides.find((x) => x.title.startsWith('An exceptionally long'))!;
    expect(s.titleFrame.levels[0].size).toBe(24);
    expect(s.titleFrame.box.h).toBeGreaterThan(80);
  });

  it('splits a 5,000-character cell across a continued row, with a warning, losing nothing', () => {
    const slides = bySection(r, 'One huge cell');
    expect(slides.length).toBeGreaterThan(1);
    const cells = slides.flatMap((s) =>
      s.kind === 'table' ? s.table.rows.map((row) => row[1].runs.map((x) => x.text).join('')) : [],
    );
    const source = Array.from(
      { length: 60 },
      (_, i) => `Sentence ${i} explains a consequence for regional stability and the alliances involved.`,
    ).join(' ');
    expect(cells.slice(0, -1).join(' ')).toBe(source);
    expect(cells.at(-1)).toBe('After the huge one');
    expect(r.diagnostics.map((d) => d.code)).toContain('table-row-split');
    for (const s of slides) if (s.kind === 'table') expect(s.table.fontSize).toBeGreaterThanOrEqual(11);
  });

  it('shrinks then splits a single bullet longer than a slide, at sentence boundaries', () => {
    const slides = bySection(r, 'One bullet longer than a slide');
    expect(slides.length).toBeGreaterThan(1);
    const pieces = slides.flatMap((s) => (s.kind === 'bullets' ? s.body.paragraphs : []));
    expect(pieces[0].bullet).toBe('disc');
    expect(pieces.slice(1).every((p) => p.bullet === 'none')).toBe(true);
    for (const p of pieces) expect(p.runs.map((x) => x.text).join('')).toMatch(/\.$/);
    expect(pieces.map((p) => p.runs.map((x) => x.text).join('')).join(' ')).toBe(
      Array.from(
        { length: 40 },
        (_, i) => `Sentence ${i} explains a consequence for regional stability and the alliances involved.`,
      ).join(' '),
    );
    for (const s of slides) if (s.kind === 'bullets') expect(s.body.levels[0].size).toBe(16);
    expect(r.diagnostics.map((d) => d.code)).toContain('paragraph-split');
  });

  it('numbers ordered lists and nests children', () => {
    const s = bySection(r, 'Nested and numbered').find((x) => x.kind === 'bullets');
    if (!s || s.kind !== 'bullets') throw new Error('bullets expected');
    expect(s.body.paragraphs.map((p) => [p.level, p.bullet, p.number ?? null])).toEqual([
      [0, 'number', 1],
      [1, 'disc', null],
      [1, 'disc', null],
      [0, 'number', 2],
      [0, 'number', 3],
    ]);
  });
});
