import type { Obstacle } from '../model/layout-set.js';
import type { Rect } from '../model/text-frame.js';
import { GAP } from '../model/geometry.js';

export interface Clearance {
  /** Only shapes that show words of their own (a body may sit on a decorative shape, never on other words). */
  textOnly?: boolean;
  /**
   * A box that must keep its height (a title, which grows downward from its top): a shape with words across its top
   * moves it down instead of leaving it a sliver.
   */
  keepHeight?: boolean;
  /** How low a box moved below words may reach (the banner's edge): lower than that, it is narrowed instead. */
  floor?: number;
}

/**
 * A box narrowed to keep clear of the layout's obstacles (a logo at the right
 * end of the title band, a swoosh at its left): an obstacle overlapping part of
 * the box cuts the side it is on, so text wraps before it instead of running
 * onto it. An obstacle that would leave less than half the width, or that the
 * box lies wholly on (a bar behind the title), is left as the designer meant.
 * An obstacle with words of its own is never left: the box gives up whichever
 * side keeps it the most room (above, below, left or right of the words).
 */
export function clearOf(box: Rect, obstacles: readonly Obstacle[] | undefined, how: Clearance = {}): Rect {
  let out = box;
  for (const o of obstacles ?? []) {
    if (how.textOnly && !o.text) continue;
    if (!meets(out, o)) continue;
    out = o.text ? clearOfWords(out, o, box.w, how) : clearOfShape(out, o, box.w);
  }
  return out;
}

function meets(a: Rect, b: Rect): boolean {
  const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return ix > 0 && iy > 0;
}

function clearOfShape(out: Rect, o: Rect, width: number): Rect {
  const covers = o.x <= out.x && o.x + o.w >= out.x + out.w;
  if (covers) return out;
  const mid = out.x + out.w / 2;
  const cut =
    o.x >= mid
      ? { ...out, w: o.x - GAP / 2 - out.x }
      : o.x + o.w <= mid
        ? { ...out, x: o.x + o.w + GAP / 2, w: out.x + out.w - (o.x + o.w + GAP / 2) }
        : undefined;
  return cut && cut.w >= width / 2 ? cut : out;
}

/**
 * The part of `out` above, left of, right of or below the words of `o` with the most area. A box that keeps its
 * height (a title) is narrowed to the wider side when that keeps half its width, else moved below the words.
 */
function clearOfWords(out: Rect, o: Rect, width: number, { keepHeight, floor = Infinity }: Clearance): Rect {
  const right = out.x + out.w;
  const bottom = out.y + out.h;
  const below = o.y + o.h + GAP / 2;
  const left = { ...out, w: o.x - GAP / 2 - out.x };
  const rightSide = { ...out, x: o.x + o.w + GAP / 2, w: right - (o.x + o.w + GAP / 2) };
  if (keepHeight) {
    const side = left.w >= rightSide.w ? left : rightSide;
    if (side.w >= width / 2 || (below + out.h > floor && side.w > 0)) return side;
    return below + out.h <= floor ? { ...out, y: below } : out;
  }
  const sides: Rect[] = [
    { ...out, h: o.y - GAP / 2 - out.y },
    left,
    rightSide,
    { ...out, y: below, h: bottom - below },
  ];
  const room = (r: Rect) => Math.max(0, r.w) * Math.max(0, r.h);
  const best = sides.reduce((a, b) => (room(b) > room(a) ? b : a));
  return { ...best, w: Math.max(0, best.w), h: Math.max(0, best.h) };
}
