import { frameFits } from '../measure/measure-frame.js';
import { frozenRuns } from '../model/safe-text.js';
import type { Paragraph, Rect, TextFrame } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { splitToPages } from './split-paragraph.js';

export interface ParagraphPage {
  paragraphs: Paragraph[];
  size: number;
}

export interface PaginateInput {
  /** Top-level items with their nested paragraphs: kept together where they fit. */
  groups: Paragraph[][];
  /** Where the text may go on the first page (after any lead) and on later pages. */
  first: Rect;
  next: Rect;
  /** The frame these paragraphs are set in, at a size, in a box. */
  frame: (paragraphs: Paragraph[], box: Rect, size: number) => TextFrame;
  size: number;
  minSize: number;
  /** Whether everything may go on one page a little smaller (default); columns set side by side keep one size. */
  shrink?: boolean;
}

export interface PaginateResult {
  pages: ParagraphPage[];
  /** Set when a single paragraph had to be split: the caller turns it into a warning. */
  splitParagraph: boolean;
}

/**
 * Fill pages with paragraph groups. Everything on one page at a slightly
 * smaller size (never below 80% or the minimum) beats a continuation slide;
 * otherwise pages are filled at the full size, breaking between groups, then
 * between paragraphs; a paragraph taller than a page shrinks to the minimum
 * size, then splits at sentences, then between lines. Nothing is dropped.
 */
export function paginateParagraphs(inp: PaginateInput, ctx: PlanContext): PaginateResult {
  const { groups } = inp;
  const all = groups.flat();
  // A paragraph is measured many times (at each size tried, alone and with its page) as one frozen copy, whose
  // prepared text measure/ keeps by identity: keyed by its whole content on every try, a 1.6 MB paragraph took seconds.
  const twins = new Map<Paragraph, Paragraph>();
  const measured = (p: Paragraph): Paragraph => {
    let twin = twins.get(p);
    if (!twin) twins.set(p, (twin = { ...p, runs: frozenRuns(p.runs) }));
    return twin;
  };
  const fitsAt = (ps: Paragraph[], size: number, box: Rect) =>
    frameFits(inp.frame(ps.map(measured), box, size), ctx.fonts);
  const floor = inp.shrink === false ? inp.size : Math.max(inp.minSize, Math.ceil(inp.size * 0.8));
  for (let s = inp.size; s >= floor; s--)
    if (fitsAt(all, s, inp.first)) return { pages: [{ paragraphs: all, size: s }], splitParagraph: false };

  const pages: ParagraphPage[] = [];
  let cur: Paragraph[] = [];
  let splitParagraph = false;
  const avail = () => (pages.length === 0 ? inp.first : inp.next);
  const flush = () => {
    if (cur.length > 0) pages.push({ paragraphs: cur, size: inp.size });
    cur = [];
  };
  const place = (p: Paragraph) => {
    if (fitsAt([...cur, p], inp.size, avail())) return void cur.push(p);
    flush();
    if (fitsAt([p], inp.size, avail())) return void cur.push(p);
    // Too tall for an empty page: its own page at the largest size that fits…
    for (let s = inp.size - 1; s >= inp.minSize; s--) {
      if (fitsAt([p], s, avail())) return void pages.push({ paragraphs: [p], size: s });
    }
    // …or split it, at the minimum size, into pieces that each fill a page.
    splitParagraph = true;
    const box = avail();
    const pieces = splitToPages(measured(p), (_k, q) => inp.frame([q], box, inp.minSize), ctx.fonts, {
      sentences: true,
    });
    for (const piece of pieces) {
      pages.push({ paragraphs: [piece], size: inp.minSize });
    }
  };
  for (const g of groups) {
    // Past the slides the section may still make, the deck is refused (slide-limit.ts): the rest is not laid out.
    if (ctx.slidesLeft !== undefined && pages.length > ctx.slidesLeft) break;
    if (cur.length > 0 && !fitsAt([...cur, ...g], inp.size, avail())) {
      if (fitsAt(g, inp.size, inp.next)) flush();
    }
    g.forEach(place);
  }
  flush();
  return { pages, splitParagraph };
}
