/**
 * Columns and callouts read back from the .pptx as PowerPoint shows them: columns in the layout's placeholders
 * ("Comparison" with its header placeholders, "Two Content") or side-by-side text boxes of the planned widths, each
 * column's header, `(cont.)` only on a column that carries on, tables and images inside their column; callout labels
 * as real text, on the theme's accent or its shading.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { BODY_BOTTOM } from '../../src/model/geometry.js';
import { columnsStressDeck } from '../fixtures/columns-stress-deck.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { NS, parseXml, readPptx, type PptxView, type SlideView, type XmlElement } from '../helpers/pptx.js';
import { attr, descendants, textContent } from '../helpers/xml.js';

const EMU = 12700;

interface Shape {
  kind: 'sp' | 'pic' | 'graphicFrame';
  text: string;
  /** `<p:ph>` as written, '' for a text box. */
  ph: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
}

/** The slide's shapes in document order, with their text, placeholder, box (points) and scheme fill. */
function shapes(slide: SlideView): Shape[] {
  const tree = descendants(parseXml(slide.xml), NS.p, 'spTree')[0];
  return tree.children.flatMap((c): Shape[] => {
    if (typeof c === 'string' || !['sp', 'pic', 'graphicFrame'].includes(c.local)) return [];
    const off = descendants(c, NS.a, 'off')[0];
    const ext = descendants(c, NS.a, 'ext').find((e) => attr(e, 'cx') !== undefined);
    const ph = descendants(c, NS.p, 'ph')[0];
    const spPr = descendants(c, NS.p, 'spPr')[0];
    const fill = spPr && descendants(spPr, NS.a, 'solidFill')[0];
    const scheme = fill && (descendants(fill, NS.a, 'schemeClr')[0] ?? descendants(fill, NS.a, 'srgbClr')[0]);
    return [
      {
        kind: c.local as Shape['kind'],
        text: descendants(c, NS.a, 'p')
          .map((p: XmlElement) => textContent(p))
          .join('\n'),
        ph: ph ? `${attr(ph, 'type') ?? 'obj'}:${attr(ph, 'idx') ?? ''}` : '',
        x: Number(attr(off, 'x')) / EMU,
        y: Number(attr(off, 'y')) / EMU,
        w: Number(attr(ext!, 'cx')) / EMU,
        h: Number(attr(ext!, 'cy')) / EMU,
        ...(scheme ? { fill: attr(scheme, 'val') } : {}),
      },
    ];
  });
}

const shapeWith = (slide: SlideView, text: string) => shapes(slide).find((s) => s.text.startsWith(text))!;

describe('columns and callouts, read back', () => {
  let r: BuildResult;
  let view: PptxView;
  let small: PptxView;
  const slide = (v: PptxView, title: string) => v.slides.find((s) => s.title === title)!;
  beforeAll(async () => {
    r = await buildDeck('stress', deckOpts(makeContent({ stress: columnsStressDeck })));
    view = await readPptx(r.pptx!);
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const two = (a: string, b: string) => `:::: columns\n::: column\n${a}\n:::\n::: column\n${b}\n:::\n::::\n`;
    const c = makeContent({
      d: {
        files: {
          '01-cmp.md': `# Compared\n\n${two('### Before\n- one\n- two', '### After\n- three')}`,
          '02-two.md': `# Plain two\n\n${two('- one', '- two')}`,
          '03-three.md':
            '# Three\n\n:::: columns\n::: {.column width="50%"}\n- half\n:::\n::: {.column width="25%"}\n- quarter\n:::\n::: column\n- rest\n:::\n::::\n',
          '04-image.md': `# Picture\n\n${two('![Map of the region](map.png)', '- beside it')}`,
          'map.png': png,
        },
      },
    });
    const rs = await buildDeck('d', deckOpts(c));
    expect(rs.diagnostics).toEqual([]);
    small = await readPptx(rs.pptx!);
  });

  it('builds the stress deck without a problem, schema-valid', async () => {
    expect(r.diagnostics).toEqual([]);
    const errors = await validatePptx(r.pptx!);
    expect(errors, formatValidation(errors)).toEqual([]);
  });

  it('puts two headed columns in "Comparison": headers and bodies in its placeholders, left to right', () => {
    const s = slide(small, 'Compared');
    expect(s.layoutName).toBe('Comparison');
    const [before, after] = [shapeWith(s, 'Before'), shapeWith(s, 'After')];
    const [one, three] = [shapeWith(s, 'one'), shapeWith(s, 'three')];
    expect([before.ph, one.ph, after.ph, three.ph]).toEqual(['body:13', 'obj:1', 'body:14', 'obj:2']);
    expect(one.text).toBe('one\ntwo');
    expect(before.x).toBeCloseTo(one.x, 1);
    expect(after.x).toBeGreaterThan(one.x + one.w);
    expect(before.y + before.h).toBeLessThanOrEqual(one.y + 0.5);
  });

  it('puts two columns without headers in "Two Content", and three as text boxes of the planned widths', () => {
    const two = slide(small, 'Plain two');
    expect(two.layoutName).toBe('Two Content');
    expect([shapeWith(two, 'one').ph, shapeWith(two, 'two').ph]).toEqual(['obj:1', 'obj:2']);
    const three = slide(small, 'Three');
    expect(three.layoutName).toBe('Title Only');
    const [half, quarter, rest] = ['half', 'quarter', 'rest'].map((t) => shapeWith(three, t));
    expect([half.ph, quarter.ph, rest.ph]).toEqual(['', '', '']);
    expect(half.w / quarter.w).toBeCloseTo(2, 1);
    expect(rest.w).toBeCloseTo(quarter.w, 1);
    expect(half.x + half.w).toBeLessThan(quarter.x);
    expect(quarter.x + quarter.w).toBeLessThan(rest.x);
  });

  it('measures an image in its column', () => {
    const s = slide(small, 'Picture');
    const pic = shapes(s).find((x) => x.kind === 'pic')!;
    const beside = shapeWith(s, 'beside it');
    expect(pic.x + pic.w).toBeLessThan(beside.x);
    expect(pic.w / pic.h).toBeCloseTo(4 / 3, 1);
    expect(s.xml).toContain('descr="Map of the region"');
  });

  it('continues the set together: every column on every slide, `(cont.)` only on the column that carries on', () => {
    const titles = view.slides.map((s) => s.title).filter((t) => t?.startsWith('One column over three slides'));
    expect(titles).toEqual([
      'One column over three slides',
      'One column over three slides (cont.)',
      'One column over three slides (cont. 2)',
    ]);
    const headers = titles.map((t) => {
      const s = slide(view, t!);
      return shapes(s)
        .filter((x) => /^(Washington|Beijing)/.test(x.text))
        .map((x) => x.text);
    });
    expect(headers).toEqual([
      ['Washington', 'Beijing'],
      ['Washington (cont.)', 'Beijing'],
      ['Washington (cont.)', 'Beijing'],
    ]);
    // Every claim of the long column, once, in order.
    const claims = titles.flatMap((t) => slide(view, t!).texts.filter((x) => /^Claim (4\d|50) /.test(x)));
    expect(claims.map((c) => Number(/Claim (\d+)/.exec(c)![1]))).toEqual(Array.from({ length: 11 }, (_, i) => 40 + i));
    // The wider column is the 60% one.
    const first = slide(view, titles[0]!);
    expect(shapeWith(first, 'Washington').w / shapeWith(first, 'Beijing').w).toBeCloseTo(1.5, 1);
  });

  it('sets four uneven columns level, left to right, at one size, and continues only the long one', () => {
    const s = slide(view, 'Four uneven columns');
    const heads = ['Moscow', 'Pyongyang', 'Seoul', 'Tokyo'].map((t) => shapeWith(s, t));
    expect(heads.map((h) => Math.round(h.y))).toEqual(heads.map(() => Math.round(heads[0].y)));
    for (let i = 1; i < 4; i++) expect(heads[i].x).toBeGreaterThan(heads[i - 1].x + heads[i - 1].w);
    const plan = r.deck!.slides.filter((x) => x.baseTitle === 'Four uneven columns');
    expect(plan.map((x) => x.kind)).toEqual(['columns', 'columns']);
    const sizes = plan.flatMap((x) => (x.kind === 'columns' ? x.columns : [])).filter((c) => c.body.paragraphs.length);
    expect(new Set(sizes.map((c) => c.body.levels[0].size)).size).toBe(1);
    const next = slide(view, 'Four uneven columns (cont.)');
    expect(
      shapes(next)
        .filter((x) => /^(Moscow|Pyongyang|Seoul|Tokyo)/.test(x.text))
        .map((x) => x.text),
    ).toEqual(['Moscow', 'Pyongyang', 'Seoul (cont.)', 'Tokyo']);
  });

  it('measures a table in its column, within the column and above the footer', () => {
    const s = slide(view, 'A table in a column');
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0][0]).toEqual(['Measure', 'Status']);
    expect(s.tables[0]).toHaveLength(7);
    const table = shapes(s).find((x) => x.kind === 'graphicFrame')!;
    const reading = shapeWith(s, 'Reading');
    expect(table.x + table.w).toBeLessThan(reading.x);
    const plan = r.deck!.slides.find((x) => x.title === 'A table in a column');
    if (plan?.kind !== 'columns') throw new Error('not a columns slide');
    const t = plan.columns[0].more.find((p) => p.kind === 'table');
    expect(t && t.kind === 'table' && t.table.box.y + t.table.rowHeights.reduce((a, b) => a + b)).toBeLessThan(
      BODY_BOTTOM,
    );
  });

  it('opens a section with its key judgment on the accent, label first, as real text', () => {
    const s = slide(view, 'Every callout');
    const texts = s.texts;
    expect(texts[0]).toBe('Every callout');
    expect(texts[1]).toBe('Key judgment');
    expect(texts[2]).toMatch(/^The treaty commits/);
    const [label, body] = [shapeWith(s, 'Key judgment'), shapeWith(s, 'The treaty commits')];
    // The theme's accent (accent2 in briefdeck's colour scheme), on both parts of the frame.
    expect([label.fill, body.fill]).toEqual(['accent2', 'accent2']);
    expect(label.y + label.h).toBeGreaterThanOrEqual(body.y);
    expect(label.x).toBe(body.x);
  });

  it("shades the other callouts with the theme and labels each by its kind or the deck's name for it", () => {
    const slides = view.slides.filter((s) => s.title?.startsWith('Every callout'));
    const all = slides.flatMap((s) => shapes(s));
    for (const label of ['Bottom line', 'Tip', 'Warning', 'Caution']) {
      const l = all.find((x) => x.text === label);
      expect(l, label).toBeDefined();
      // The theme's table banding: lt2 of briefdeck's light colour scheme, shown through bg2.
      expect(l!.fill).toBe('bg2');
    }
    expect(slides.flatMap((s) => s.texts)).toContain('Watch the rail link at Tumangang.');
  });

  it('continues a callout too long for a slide instead of overflowing it', () => {
    const titles = r
      .deck!.slides.filter((s) => s.kind === 'callout' && s.title.startsWith('A long key judgment'))
      .map((s) => s.title);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.slice(0, 2)).toEqual(['A long key judgment', 'A long key judgment (cont.)']);
    const text = titles.flatMap((t) => slide(view, t!).texts).join(' ');
    for (let i = 0; i < 7; i++) expect(text).toContain(`Claim ${100 + i} `);
    for (const t of titles) {
      const body = shapes(slide(view, t!)).filter((x) => x.fill === 'accent2');
      for (const b of body) expect(b.y + b.h).toBeLessThanOrEqual(BODY_BOTTOM + 0.5);
    }
  });
});
