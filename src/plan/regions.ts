import type { LayoutDef } from '../model/layout-set.js';
import type { PlaceholderRole, Rect, TextFrame } from '../model/text-frame.js';
import { GAP } from '../model/geometry.js';
import type { PlanContext } from './context.js';
import { footerPlace } from './chrome-place.js';
import { clearOf } from './clear-of.js';
import { heightOf } from './frames.js';

/** A box moved and cut to stay inside the band the banners leave. */
export function insideSafe(box: Rect, ctx: PlanContext): Rect {
  const y = Math.max(box.y, ctx.safe.top);
  return { ...box, y, h: Math.max(0, Math.min(box.y + box.h, ctx.safe.bottom) - y) };
}

/** Where a frame's text ends: its measured lines, placed in the box by the frame's anchor. */
export function textBottom(ctx: PlanContext, f: TextFrame): number {
  const h = heightOf(ctx, f);
  if (f.anchor === 'top' || h >= f.box.h) return f.box.y + h;
  return f.anchor === 'middle' ? f.box.y + (f.box.h + h) / 2 : f.box.y + f.box.h;
}

const FOOTERS: readonly PlaceholderRole[] = ['date', 'footer', 'slideNumber'];

/**
 * The part of a layout placeholder body text may fill: its box (or the
 * master's body area, when the layout has no such placeholder), starting
 * below the text of a title above it (a title that wraps further pushes it down), and
 * ending above the layout's footer placeholders beneath it and the
 * classification banner.
 */
export function bodyRegion(
  ctx: PlanContext,
  layout: LayoutDef,
  role: PlaceholderRole,
  title: TextFrame | undefined,
): Rect {
  // A layout without the placeholder (a picture on "Title Only") uses the master's body area.
  const box = insideSafe(layout.slots[role]?.box ?? ctx.layouts.bodyArea, ctx);
  // Only a title above the body pushes it down (an old Office section header puts its text above the title); a title
  // moved down into the body's top (below a template's bar of words) counts as above it, one beside it does not.
  const above =
    title &&
    (title.box.y < box.y ||
      (title.box.y < box.y + box.h / 2 && title.box.x < box.x + box.w && title.box.x + title.box.w > box.x));
  const top = title && above ? Math.max(box.y, textBottom(ctx, title) + GAP) : box.y;
  let bottom = box.y + box.h;
  for (const r of FOOTERS) {
    const slot = layout.slots[r]?.box;
    // Where the footer is drawn: a banner moves it up (planChrome), and the body must end above it there.
    const f = slot && footerPlace(ctx, layout, slot);
    if (f && f.y > box.y && f.x < box.x + box.w && f.x + f.w > box.x) bottom = Math.min(bottom, f.y - 2);
  }
  // Footnotes sit at the foot of the region: the body ends above them. Words the template draws there stay clear.
  const region = { x: box.x, y: top, w: box.w, h: Math.max(0, bottom - top - (ctx.footReserve ?? 0)) };
  return clearOf(region, layout.obstacles, { textOnly: true });
}

/**
 * How far down a box of `layout` may grow: to the first footer placeholder beneath it, the banner, or the slide's
 * bottom edge, whichever comes first.
 */
export function floorBelow(ctx: PlanContext, layout: LayoutDef, box: Rect): number {
  let bottom = Math.min(ctx.safe.bottom, ctx.layouts.size.h);
  for (const r of FOOTERS) {
    const slot = layout.slots[r]?.box;
    const f = slot && footerPlace(ctx, layout, slot);
    if (f && f.y > box.y && f.x < box.x + box.w && f.x + f.w > box.x) bottom = Math.min(bottom, f.y - 2);
  }
  return bottom;
}
