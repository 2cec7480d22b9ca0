import { prefixPx, type PreparedParagraph } from './prepare.js';
import { toHundredthsMm } from './layout-grid.js';
import { normalizeBreaks, type BreakOpportunities } from './line-breaks.js';

/**
 * How hyperlinks wrap: `text` as PowerPoint does (like any text), `fields` as
 * LibreOffice 7.4 does (each link one unbreakable field, split by character
 * where it must be, and the line ends after a split field).
 */
export type LinkMode = 'text' | 'fields';

export interface WrapResult {
  /** Offset in the paragraph's text where each line starts (the first is 0). */
  starts: number[];
  /** Width of each line's content in points, trailing spaces excluded. */
  widths: number[];
}

/** 1/100 mm per 600-dpi pixel. */
const HMM_PER_PX = 2540 / 600;
const PT_PER_PX = 72 / 600;

const REQUIRED = 1;
const FIELD = 2;

/**
 * Greedy line breaking as PowerPoint and LibreOffice do it. Each line takes as
 * many segments (text up to the next break opportunity) as fit; spaces at a
 * line end hang (they do not count against the width); a segment that does not
 * fit moves to the next line whole, and only one wider than a whole line is
 * split between glyph clusters, as long a piece per line as fits and at least
 * one cluster; a mandatory break starts a new line. A line fits when its width,
 * compared in 1/100 mm as LibreOffice stores it, is at most `limitPt`. An empty
 * paragraph still has one line. Linear in the paragraph's length.
 *
 * `from` wraps the text from that offset on (as if it started a paragraph
 * there), and `maxLines` stops after that many lines: how pagination finds
 * where a page of a long paragraph ends without wrapping all of it again.
 */
export function wrapParagraph(
  p: PreparedParagraph,
  sizePt: number,
  limitPt: number,
  mode: LinkMode,
  from = 0,
  maxLines = Infinity,
): WrapResult {
  const P = prefixPx(p, sizePt);
  const segs = segmentsOf(p, mode);
  const limit = Number.isFinite(limitPt) ? toHundredthsMm(limitPt) : Infinity;
  const fits = (px: number) => Math.round(px * HMM_PER_PX) <= limit;
  const starts: number[] = [];
  const widths: number[] = [];
  let lineStart = from;
  let width = 0; // px of content on the line
  let glue = 0; // px of spaces after the last segment on the line
  let has = false; // the line holds something
  let spacesOnly = false; // it holds only the spaces carried over after a split link field
  let fieldEnd = -1; // after a split field: the px of the spaces that follow it, which start the next line

  const newLine = (next: number) => {
    starts.push(lineStart);
    widths.push(width * PT_PER_PX);
    lineStart = next;
    width = glue = 0;
    has = spacesOnly = false;
  };
  const n = p.text.length;
  const nextSplit = (k: number) => {
    do k++;
    while (k < n && !p.splittable[k]);
    return k;
  };

  for (let i = firstSegment(segs, from); i < segs.length && starts.length < maxLines; i += 4) {
    const s = Math.max(segs[i], from);
    const c = Math.max(segs[i + 1], s);
    const e = segs[i + 2];
    const flags = segs[i + 3];
    // Spaces at a paragraph's start or after a forced break take room.
    let w = c > s ? P[c] - P[s] : P[e] - P[s];
    const g = c > s ? P[e] - P[c] : 0;
    if (fieldEnd >= 0) {
      newLine(s);
      if (fieldEnd > 0) {
        width = fieldEnd;
        has = spacesOnly = true;
      }
      fieldEnd = -1;
    }
    if (spacesOnly && !fits(width + w)) {
      // What does not fit after those spaces does not leave them a line of their own.
      width = 0;
      has = false;
    }
    spacesOnly = false;
    if (has && !fits(width + glue + w)) newLine(s);
    if (!has && !fits(w)) {
      // Split: full lines of as many clusters as fit, then the rest stays on the line.
      let at = s;
      for (;;) {
        let k = at;
        let next = nextSplit(k);
        while (next <= c && fits(P[next] - P[at])) {
          k = next;
          next = nextSplit(next);
        }
        if (k === at) k = Math.min(next, c); // at least one cluster a line
        if (k >= c) break;
        width = P[k] - P[at];
        has = true;
        newLine(k);
        at = k;
        if (starts.length >= maxLines) return { starts, widths };
      }
      w = P[c] - P[at];
      if (flags & FIELD) fieldEnd = g;
    }
    width += (has ? glue : 0) + w;
    glue = g;
    has = true;
    if (flags & REQUIRED) {
      fieldEnd = -1;
      newLine(e);
    }
  }
  if (starts.length < maxLines) newLine(p.text.length);
  return { starts, widths };
}

/** Index (into the quadruples) of the segment holding offset `from`. */
function firstSegment(segs: Int32Array, from: number): number {
  if (from === 0) return 0;
  let lo = 0;
  let hi = segs.length / 4 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid * 4] <= from) lo = mid;
    else hi = mid - 1;
  }
  return lo * 4;
}

/** Lines of the paragraph at a size and width (memoised on the paragraph). */
export function lineCount(p: PreparedParagraph, sizePt: number, limitPt: number, mode: LinkMode): number {
  const key = `${sizePt}|${limitPt}|${mode}`;
  let n = p.lineCounts.get(key);
  if (n === undefined) {
    n = wrapParagraph(p, sizePt, limitPt, mode).starts.length;
    if (p.lineCounts.size > 256) p.lineCounts.clear();
    p.lineCounts.set(key, n);
  }
  return n;
}

/** Width of the widest unbreakable stretch in points: below it a line must split a word. */
export function longestSegment(p: PreparedParagraph, sizePt: number): number {
  const P = prefixPx(p, sizePt);
  const segs = segmentsOf(p, 'text');
  let max = 0;
  for (let i = 0; i < segs.length; i += 4) {
    const s = segs[i];
    const c = segs[i + 1];
    max = Math.max(max, c > s ? P[c] - P[s] : P[segs[i + 2]] - P[s]);
  }
  return max * PT_PER_PX;
}

const SEGMENTS = new WeakMap<PreparedParagraph, Partial<Record<LinkMode, Int32Array>>>();

/**
 * Segments as (start, content end, end, flags) quadruples: the text between
 * consecutive break opportunities, its trailing spaces (U+0020) and a line
 * feed excluded from the content.
 */
function segmentsOf(p: PreparedParagraph, mode: LinkMode): Int32Array {
  let byMode = SEGMENTS.get(p);
  if (!byMode) SEGMENTS.set(p, (byMode = {}));
  let segs = byMode[mode];
  if (segs) return segs;
  const { positions, required } = mode === 'fields' && p.links.length > 0 ? fieldBreaks(p) : p.breaks;
  const text = p.text;
  const out = new Int32Array(positions.length * 4);
  let n = 0;
  let start = 0;
  let link = 0; // index into p.links of the next field that may hold content ends
  for (let k = 0; k < positions.length; k++) {
    const end = positions[k];
    if (end <= start && !required[k] && k < positions.length - 1) continue;
    let c = end;
    if (c > start && text.charCodeAt(c - 1) === 10) c--;
    // In a field, spaces are content: strip only down to the end of a field in this segment.
    let floor = start;
    let field = false;
    if (mode === 'fields') {
      while (link < p.links.length && p.links[link + 1] <= start) link += 2;
      for (let f = link; f < p.links.length && p.links[f] < end; f += 2) {
        field = true;
        floor = Math.max(floor, Math.min(p.links[f + 1], c));
      }
    }
    while (c > floor && text.charCodeAt(c - 1) === 32) c--;
    out[n++] = start;
    out[n++] = c;
    out[n++] = end;
    out[n++] = (required[k] ? REQUIRED : 0) | (field ? FIELD : 0);
    start = end;
  }
  segs = out.subarray(0, n);
  byMode[mode] = segs;
  return segs;
}

/**
 * Break opportunities as LibreOffice 7.4 has them around link fields: none
 * inside a link; one before it when it starts with a space; one after it when
 * it ends with a space or is followed by a letter or digit (checked:
 * `link|next`, but `link,` stays together). Mandatory breaks stay.
 */
function fieldBreaks(p: PreparedParagraph): BreakOpportunities {
  const text = p.text;
  const { positions: all, required: req } = p.breaks;
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const found: [number, number][] = [];
  const drop = new Set<number>(); // link ends followed by punctuation: `link,` stays together
  for (let f = 0; f < p.links.length; f += 2) {
    const a = p.links[f];
    const b = p.links[f + 1];
    if (text[a] === ' ') found.push([a, 0]);
    if (b < text.length) {
      if (text[b - 1] === ' ' || isWord(text[b])) found.push([b, 0]);
      else if (text[b] !== ' ') drop.add(b);
    }
  }
  // One merge over the sorted opportunities and links: none inside a link.
  for (let k = 0, f = 0; k < all.length; k++) {
    while (f < p.links.length && p.links[f + 1] <= all[k]) f += 2;
    const inside = f < p.links.length && p.links[f] < all[k] && all[k] < p.links[f + 1];
    if (req[k] || (!inside && !drop.has(all[k]))) found.push([all[k], req[k]]);
  }
  return normalizeBreaks(found);
}
