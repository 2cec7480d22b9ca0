import type { Obstacle } from '../model/layout-set.js';
import type { Rect } from '../model/text-frame.js';
import type { LayoutInfo, MasterInfo } from './read-masters.js';
import { attr, child, children, descendants, NS, path, type Element } from './xml.js';

const EMU = 12700;
/** PowerPoint's size for text that says none, and the pitch of a single-spaced line (as measured in LibreOffice). */
const DEFAULT_SIZE = 18;
const LINE_PITCH = 1.2;
/** A shape covering this share of the slide or more is a background: text sits on it by design. */
const BACKGROUND_SHARE = 0.5;
/** Drawing elements of a shape tree that draw something (connectors, thin lines, are not obstacles to text). */
const DRAWN = new Set(['sp', 'pic', 'grpSp', 'graphicFrame']);

/**
 * The boxes of what a layout draws besides its placeholders: its own
 * pictures, logos and decorative shapes, and its master's unless the layout
 * hides them (`showMasterSp="0"`). Backgrounds (half the slide or more) and
 * empty or unreadable boxes are left out; a group counts as its whole box.
 * Shapes that show words of their own (a master's title bar with the
 * course name, a column of menu buttons, a table or diagram) are marked
 * `text`: a slide's text may sit on a coloured bar by design, never on
 * other words (keyframes.pptx in Apache POI's corpus draws both).
 */
export function layoutObstacles(layout: LayoutInfo, master: MasterInfo, size: { w: number; h: number }): Obstacle[] {
  const trees = [layout.xml, ...(attr(layout.xml, 'showMasterSp') === '0' ? [] : [master.xml])];
  return trees
    .flatMap((part) => {
      const tree = path(part, [
        [NS.p, 'cSld'],
        [NS.p, 'spTree'],
      ]);
      return tree ? children(tree, NS.p).filter((e) => DRAWN.has(e.localName ?? '') && !isPlaceholder(e)) : [];
    })
    .flatMap((shape): Obstacle[] => {
      const b = boxOf(shape);
      if (!b || b.w <= 0 || b.h <= 0 || b.w * b.h >= BACKGROUND_SHARE * size.w * size.h) return [];
      const words = wordsOf(shape);
      return [words ? { ...b, h: b.h + growth(shape), text: words } : b];
    });
}

/**
 * How much taller a shape that grows with its text (`spAutoFit`) may be drawn than its saved box: a line of its
 * largest text. Where its face is not installed, LibreOffice sets it in a wider stand-in, wraps it once more and
 * grows the shape (keyframes.pptx: a 40 pt two-line title bar drawn on three lines, over the slide's title).
 */
function growth(shape: Element): number {
  const body = path(shape, [
    [NS.p, 'txBody'],
    [NS.a, 'bodyPr'],
  ]);
  if (!child(body, NS.a, 'spAutoFit')) return 0;
  const sizes = descendants(shape, NS.a, 'rPr').map((r) => Number(attr(r, 'sz')) / 100);
  return LINE_PITCH * Math.max(DEFAULT_SIZE, ...sizes.filter((n) => Number.isFinite(n) && n > 0));
}

/** What a graphic frame holds, by `a:graphicData@uri`, when it shows words: tables, charts, SmartArt diagrams. */
const WORDY_GRAPHICS = /\/(table|chart|diagram)$/;

/**
 * The words a shape shows, if any: its text (runs joined), or what a table, chart or diagram frame is (an embedded
 * object's frame shows a picture of it, which counts as a picture).
 */
function wordsOf(shape: Element): string | undefined {
  if (shape.localName === 'graphicFrame') {
    const kind = descendants(shape, NS.a, 'graphicData')
      .map((g) => WORDY_GRAPHICS.exec(attr(g, 'uri') ?? '')?.[1])
      .find(Boolean);
    return kind && `a ${kind}`;
  }
  const text = descendants(shape, NS.a, 't')
    .map((t) => t.textContent ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
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
