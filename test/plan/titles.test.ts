/** Title fitting and continuation titles on the slide model alone: no deck is written. */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureFrame } from '../../src/measure/measure-frame.js';
import type { LayoutDef } from '../../src/model/layout-set.js';
import type { PlanContext } from '../../src/plan/context.js';
import { plain, slotFrame } from '../../src/plan/frames.js';
import { continuedTitle, fitTitle } from '../../src/plan/titles.js';
import { planContext } from '../helpers/plan-context.js';

let ctx: PlanContext;
let layout: LayoutDef;
beforeAll(async () => {
  ctx = await planContext();
  layout = ctx.layouts.layouts[ctx.layouts.byNeed.content];
});

const words = (n: number) => Array.from({ length: n }, (_, i) => `Word${i + 1}`).join(' ');
const linesAt = (title: string) => measureFrame(fitTitle(title, ctx, layout), ctx.fonts).lines[0];

describe('fitTitle', () => {
  it('sets a short title at the placeholder size, in the placeholder box', () => {
    const slot = layout.slots.title!;
    const f = fitTitle('Outlook', ctx, layout);
    expect(f.levels[0].size).toBe(slot.levels[0].size);
    expect(f.box).toEqual(slot.box);
    expect(f.placeholder).toBe('title');
    expect(f.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))).toEqual(['Outlook']);
  });

  it('shrinks in 2 pt steps to the largest size that holds the title on two lines', () => {
    const slot = layout.slots.title!;
    const full = slot.levels[0].size;
    // Find a title that takes three lines at the placeholder size but two at 2 pt less.
    const at = (t: string, size: number) =>
      measureFrame(
        slotFrame(ctx.theme, layout, 'title', [plain([{ text: t }])], { ...slot.box, h: Infinity }, { size }),
        ctx.fonts,
      ).lines[0];
    const title = Array.from({ length: 40 }, (_, n) => words(n + 1)).find(
      (t) => at(t, full) === 3 && at(t, full - 2) === 2,
    );
    expect(title).toBeDefined();
    const f = fitTitle(title!, ctx, layout);
    expect(f.levels[0].size).toBe(full - 2);
    expect(linesAt(title!)).toBe(2);
    expect(f.box).toEqual(slot.box);
  });

  it('goes no smaller than the theme minimum: a longer title wraps and its box grows downwards', () => {
    const slot = layout.slots.title!;
    const title = words(40);
    const f = fitTitle(title, ctx, layout);
    expect(f.levels[0].size).toBe(ctx.theme.sizes.titleMin);
    expect(linesAt(title)).toBeGreaterThan(2);
    const need = measureFrame({ ...f, box: { ...f.box, h: Infinity } }, ctx.fonts).height;
    expect(f.box).toEqual({ ...slot.box, h: need });
    expect(need).toBeGreaterThan(slot.box.h);
  });

  it('shrinks below the theme minimum only when the title would otherwise leave its body no room (it cannot continue)', () => {
    // 250 words take about 25 lines at the minimum: more than the slide holds; at 10 pt they fit.
    const title = words(250);
    const f = fitTitle(title, ctx, layout);
    expect(f.levels[0].size).toBeLessThan(ctx.theme.sizes.titleMin);
    // It leaves a quarter of the slide below it for the body.
    expect(f.box.y + f.box.h).toBeLessThanOrEqual(ctx.safe.bottom - 0.25 * ctx.layouts.size.h);
    // One that fits at the minimum stays there.
    expect(fitTitle(words(40), ctx, layout).levels[0].size).toBe(ctx.theme.sizes.titleMin);
  });
});

describe('continuedTitle', () => {
  it('numbers table pages `(k of n)` and text pages `(cont.)`, `(cont. 2)`; a single page keeps its title', () => {
    expect(continuedTitle('Costs', 0, 1, 'of')).toBe('Costs');
    expect([0, 1, 2].map((k) => continuedTitle('Costs', k, 3, 'of'))).toEqual([
      'Costs (1 of 3)',
      'Costs (2 of 3)',
      'Costs (3 of 3)',
    ]);
    expect([0, 1, 2].map((k) => continuedTitle('Risks', k, 3, 'cont'))).toEqual([
      'Risks',
      'Risks (cont.)',
      'Risks (cont. 2)',
    ]);
  });
});
