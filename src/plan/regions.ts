import type { LayoutDef } from '../model/layout-set.js';
import type { PlaceholderRole, Rect, TextFrame } from '../model/text-frame.js';
import { GAP } from '../model/geometry.js';
import type { PlanContext } from './context.js';
import { heightOf } from './frames.js';

/** A box moved and cut to stay inside the band the banners leave. */
export function insideSafe(box: Rect, ctx: PlanContext): Rect {
  const y = Math.max(box.y, ctx.safe.top);
  return { ...box, y, h: Math.max(0, Math.min(box.y + box.h, ctx.safe.bottom) - y) };
}

/**
 * A box moved (not cut) into the band the banners leave: a footer placeholder under the bottom banner rises above it.
 */
export function movedInsideSafe(box: Rect, ctx: PlanContext): Rect {
  return { ...box, y: Math.max(ctx.safe.top, Math.min(box.y, ctx.safe.bottom - box.h)) };
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
  // Only a title above the body pushes it down (an old Office section header puts its text above the title).
  const top = title && title.box.y < box.y ? Math.max(box.y, textBottom(ctx, title) + GAP) : box.y;
  let bottom = box.y + box.h;
  for (const r of FOOTERS) {
    const f = layout.slots[r]?.box;
    if (f && f.y > box.y && f.x < box.x + box.w && f.x + f.w > box.x) bottom = Math.min(bottom, f.y - 2);
  }
  // Footnotes sit at the foot of the region: the body ends above them.
  return { x: box.x, y: top, w: box.w, h: Math.max(0, bottom - top - (ctx.footReserve ?? 0)) };
}
