import type { LayoutDef, Obstacle } from '../model/layout-set.js';
import type { Rect } from '../model/text-frame.js';
import { bannerBox, GAP } from '../model/geometry.js';
import { clearOf } from './clear-of.js';
import type { PlanContext } from './context.js';

/** The tallest obstacle a footer steps over, in footer heights. */
const BAR_MAX = 3;

const meets = (a: Rect, b: Rect) =>
  Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);

/**
 * Where a footer placeholder (date, footer, slide number) is drawn: its own
 * box, moved above the classification banner when the banner takes its
 * place; and when that move lands it on a logo or coloured bar of the
 * template (at most three footers tall) it did not sit on before, moved on
 * above that too (as far as the banner's band allows). A footer the
 * designer put on a bar stays there. The body ends above this box, so the
 * two always agree.
 */
export function footerPlace(ctx: PlanContext, layout: LayoutDef, box: Rect): Rect {
  const moved = { ...box, y: Math.max(ctx.safe.top, Math.min(box.y, ctx.safe.bottom - box.h)) };
  if (moved.y === box.y) return moved;
  let out = moved;
  // Highest first would skip one a lower move lands on: walk them from the bottom up. Only bars and logos about the
  // footer's height are stepped over; above a tall picture beside the footers the body would lose half the slide.
  const hit = (layout.obstacles ?? [])
    .filter((o) => !meets(box, o) && o.h <= BAR_MAX * box.h)
    .sort((a, b) => b.y + b.h - (a.y + a.h));
  for (const o of hit) if (meets(out, o)) out = { ...out, y: Math.max(ctx.safe.top, o.y - GAP / 2 - out.h) };
  return out;
}

/**
 * The classification banner at the top or bottom edge, narrowed to keep clear
 * of what the template draws there on any layout the deck uses (a logo in a
 * corner): its words stay centred in the free part. A bar across the whole
 * edge is left under it, as the footer's bar is.
 */
export function bannerPlace(ctx: PlanContext, where: 'top' | 'bottom'): Rect {
  const { layouts } = ctx;
  const used = [...new Set(Object.values(layouts.byNeed))].map((i) => layouts.layouts[i]);
  const seen = new Set<string>();
  const obstacles: Obstacle[] = [];
  for (const l of used)
    for (const o of l.obstacles ?? []) {
      const key = `${o.x},${o.y},${o.w},${o.h}`;
      if (seen.has(key)) continue;
      seen.add(key);
      obstacles.push(o);
    }
  // Words of the template under a banner are not cut around: the banner covers its band, as it does everywhere.
  return clearOf(
    bannerBox(where, layouts.size),
    obstacles.map(({ text: _t, ...box }) => box),
  );
}
