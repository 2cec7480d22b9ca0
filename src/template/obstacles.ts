import type { Rect } from '../model/text-frame.js';
import type { LayoutInfo, MasterInfo } from './read-masters.js';
import { attr, child, children, NS, path, type Element } from './xml.js';

const EMU = 12700;
/** A shape covering this share of the slide or more is a background: text sits on it by design. */
const BACKGROUND_SHARE = 0.5;
/** Drawing elements of a shape tree that draw something (connectors, thin lines, are not obstacles to text). */
const DRAWN = new Set(['sp', 'pic', 'grpSp', 'graphicFrame']);

/**
 * The boxes of what a layout draws besides its placeholders: its own
 * pictures, logos and decorative shapes, and its master's unless the layout
 * hides them (`showMasterSp="0"`). Backgrounds (half the slide or more) and
 * empty or unreadable boxes are left out; a group counts as its whole box.
 */
export function layoutObstacles(layout: LayoutInfo, master: MasterInfo, size: { w: number; h: number }): Rect[] {
  const trees = [layout.xml, ...(attr(layout.xml, 'showMasterSp') === '0' ? [] : [master.xml])];
  return trees
    .flatMap((part) => {
      const tree = path(part, [
        [NS.p, 'cSld'],
        [NS.p, 'spTree'],
      ]);
      return tree ? children(tree, NS.p).filter((e) => DRAWN.has(e.localName ?? '') && !isPlaceholder(e)) : [];
    })
    .map(boxOf)
    .filter((b): b is Rect => !!b && b.w > 0 && b.h > 0 && b.w * b.h < BACKGROUND_SHARE * size.w * size.h);
}

function isPlaceholder(shape: Element): boolean {
  const nv = children(shape, NS.p).find((e) => (e.localName ?? '').startsWith('nv'));
  return !!path(nv, [
    [NS.p, 'nvPr'],
    [NS.p, 'ph'],
  ]);
}

function boxOf(shape: Element): Rect | undefined {
  const props = child(shape, NS.p, 'spPr') ?? child(shape, NS.p, 'grpSpPr');
  const xfrm = props ? child(props, NS.a, 'xfrm') : child(shape, NS.p, 'xfrm');
  const off = child(xfrm, NS.a, 'off');
  const ext = child(xfrm, NS.a, 'ext');
  if (!off || !ext) return undefined;
  const [x, y, w, h] = [attr(off, 'x'), attr(off, 'y'), attr(ext, 'cx'), attr(ext, 'cy')].map((v) => Number(v) / EMU);
  return [x, y, w, h].every(Number.isFinite) ? { x, y, w, h } : undefined;
}
