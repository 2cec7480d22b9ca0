/**
 * Bullet pagination on the slide model alone: paragraph groups are planned
 * into pages and read back as data, with no deck written. Rooms are made
 * from measured heights, so each expectation is exact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureFrame } from '../../src/measure/measure-frame.js';
import type { Paragraph, Rect } from '../../src/model/text-frame.js';
import type { PlanContext } from '../../src/plan/context.js';
import { textFrame } from '../../src/plan/frames.js';
import { paginateParagraphs, type PaginateInput } from '../../src/plan/paginate-paragraphs.js';
import { bullet } from '../helpers/frames.js';
import { planContext } from '../helpers/plan-context.js';

let ctx: PlanContext;
let size: number;
let minSize: number;
beforeAll(async () => {
  ctx = await planContext();
  ({ body: size, bodyMin: minSize } = ctx.theme.sizes);
});

const box = (h: number): Rect => ({ x: 36, y: 120, w: 640, h });
const frame: PaginateInput['frame'] = (ps, b, s) => textFrame(ctx.theme, ps, b, { size: s });
const height = (ps: Paragraph[], s = size) => measureFrame(frame(ps, box(Infinity), s), ctx.fonts).height;
const paginate = (groups: Paragraph[][], room: number, first = room) =>
  paginateParagraphs({ groups, first: box(first), next: box(room), frame, size, minSize }, ctx);
const text = (ps: Paragraph[]) => ps.map((p) => p.runs.map((r) => r.text).join(''));
const item = (s: string) => bullet(0, s);
const items = (n: number) => Array.from({ length: n }, (_, i) => [item(`Point ${i + 1}`)]);

describe('paginateParagraphs', () => {
  it('keeps what fits on one page at the full size', () => {
    const groups = items(4);
    const r = paginate(groups, height(groups.flat()));
    expect(r).toEqual({ pages: [{ paragraphs: groups.flat(), size }], splitParagraph: false });
  });

  it('sets a little too much on one page at the largest smaller size that fits, rather than continue', () => {
    const groups = items(6);
    const room = height(groups.flat(), size - 1);
    expect(height(groups.flat())).toBeGreaterThan(room);
    expect(paginate(groups, room).pages).toEqual([{ paragraphs: groups.flat(), size: size - 1 }]);
  });

  it('shrinks no further than 80% of the size to avoid a page: below that it continues at the full size', () => {
    const groups = items(10);
    const floor = Math.max(minSize, Math.ceil(size * 0.8));
    const room = height(groups.flat(), floor) - 1;
    const r = paginate(groups, room);
    expect(r.pages.map((p) => p.size)).toEqual([size, size]);
    expect(r.pages.flatMap((p) => text(p.paragraphs))).toEqual(text(groups.flat()));
    // The first page is as full as it can be: the next item would not have fit.
    const [first, second] = r.pages;
    expect(height(first.paragraphs)).toBeLessThanOrEqual(room);
    expect(height([...first.paragraphs, second.paragraphs[0]])).toBeGreaterThan(room);
  });

  it('moves an item with its sub-items to the next page when the whole group fits there', () => {
    const lead = [item('Lead point')];
    const group = [item('Parent'), bullet(1, 'Child one'), bullet(1, 'Child two')];
    const room = height([...lead, ...group.slice(0, 2)]);
    expect(height([...lead, ...group], Math.max(minSize, Math.ceil(size * 0.8)))).toBeGreaterThan(room);
    const r = paginate([lead, group], room);
    expect(r.pages.map((p) => text(p.paragraphs))).toEqual([['Lead point'], ['Parent', 'Child one', 'Child two']]);
  });

  it('gives a paragraph taller than a page its own page at the largest size, down to the minimum, that fits', () => {
    const long = item(Array.from({ length: 12 }, (_, i) => `Clause ${i + 1} of a long point.`).join(' '));
    const room = height([long], minSize + 1);
    const r = paginate([[item('Before')], [long], [item('After')]], room);
    expect(r.pages.map((p) => [text(p.paragraphs).map((t) => t.slice(0, 9)), p.size])).toEqual([
      [['Before'], size],
      [['Clause 1 '], minSize + 1],
      [['After'], size],
    ]);
    expect(r.splitParagraph).toBe(false);
  });

  it('splits a paragraph taller than a page at the minimum size between sentences, keeping every word', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} says a little more.`);
    const long = item(sentences.join(' '));
    const room = height([item(sentences.slice(0, 8).join(' '))], minSize);
    const r = paginate([[long]], room);
    expect(r.splitParagraph).toBe(true);
    expect(r.pages.length).toBeGreaterThan(3);
    for (const p of r.pages) {
      expect(p.size).toBe(minSize);
      expect(height(p.paragraphs, minSize)).toBeLessThanOrEqual(room);
      // Every piece ends at the end of a sentence.
      expect(text(p.paragraphs)[0]).toMatch(/\.$/);
    }
    expect(r.pages.map((p) => text(p.paragraphs)[0]).join(' ')).toBe(sentences.join(' '));
    // Only the first piece carries the bullet.
    expect(r.pages.map((p) => p.paragraphs[0].bullet)).toEqual(['disc', ...r.pages.slice(1).map(() => 'none')]);
  });
});
