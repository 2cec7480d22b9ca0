import type { LayoutDef } from '../model/layout-set.js';
import type { Rect, TextFrame } from '../model/text-frame.js';
import { measureFrame } from '../measure/measure-frame.js';
import type { PlanContext } from './context.js';
import { heightOf, plain, slotFrame } from './frames.js';
import { insideSafe } from './regions.js';
import { clearOf } from './clear-of.js';

/** The smallest a title shrinks to, below the theme's minimum, before it would leave the slide. */
const LAST_RESORT = 10;
/** The share of the slide a title leaves below itself for the body, shrinking below the theme's minimum if it must. */
const BODY_RESERVE = 0.25;

/**
 * A slide's title in its layout's title placeholder: the placeholder's size
 * while the title fits on two lines, shrinking to the theme minimum, and
 * below that wrapping onto more lines. The box is the placeholder's, grown
 * downwards when the lines need more (the body then starts lower), so a
 * title never runs into the body.
 */
export function fitTitle(title: string, ctx: PlanContext, layout: LayoutDef): TextFrame {
  const role = layout.slots.title ? 'title' : 'ctrTitle';
  const slot = layout.slots[role];
  if (!slot) throw new Error(`briefdeck bug: layout \`${layout.name}\` has no title placeholder`);
  const placed = clearOf(insideSafe(slot.box, ctx), layout.obstacles, { keepHeight: true, floor: ctx.safe.bottom });
  const first = fitIn(title, ctx, layout, role, placed);
  // Grown, it may reach words the template draws below its box (a menu button): wrap before those too, and fit
  // again, unless that moves it, or makes it run past the banner (then words on words beat words off the slide).
  const grown = clearOf(first.box, layout.obstacles, { keepHeight: true, textOnly: true, floor: ctx.safe.bottom });
  if (grown === first.box || grown.y !== first.box.y) return first;
  const second = fitIn(title, ctx, layout, role, grown);
  return second.box.y + second.box.h <= Math.max(ctx.safe.bottom, first.box.y + first.box.h) ? second : first;
}

function fitIn(title: string, ctx: PlanContext, layout: LayoutDef, role: 'title' | 'ctrTitle', box: Rect): TextFrame {
  const slot = layout.slots[role]!;
  const min = Math.min(ctx.theme.sizes.titleMin, slot.levels[0].size);
  const at = (size: number) =>
    slotFrame(ctx.theme, layout, role, [plain([{ text: title }])], { ...box, h: Infinity }, { size, color: 'title' });
  let f = at(min);
  for (let size = slot.levels[0].size; size >= min; size -= 2) {
    const candidate = at(size);
    if (measureFrame(candidate, ctx.fonts).lines[0] <= 2) {
      f = candidate;
      break;
    }
  }
  // A title cannot continue on another slide: one that would still leave the body less than a quarter of the slide
  // at the theme's minimum (a very long title in a box a template's graphics narrow and lower) shrinks on, to
  // LAST_RESORT at most, rather than run past the banner or leave its body no line.
  const floor = ctx.safe.bottom - BODY_RESERVE * ctx.layouts.size.h;
  for (let size = min - 1; size >= LAST_RESORT && box.y + heightOf(ctx, f) > floor; size--) f = at(size);
  return { ...f, box: { ...box, h: Math.max(box.h, heightOf(ctx, f)) } };
}

/**
 * The title of page `k` of `n` of one piece of content, numbered so that no
 * two slides share a title (PowerPoint's accessibility checker flags
 * duplicates): tables `Title (2 of 3)`; text `Title (cont.)`, `Title (cont. 2)`.
 */
export function continuedTitle(title: string, k: number, n: number, style: 'cont' | 'of'): string {
  if (n === 1) return title;
  if (style === 'of') return `${title} (${k + 1} of ${n})`;
  return k === 0 ? title : k === 1 ? `${title} (cont.)` : `${title} (cont. ${k})`;
}
