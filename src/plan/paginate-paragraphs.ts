import type { Paragraph } from '../model/deck.js';
import { longestFittingHead, splitSentences } from './runs.js';
import { framedHeight, type TextStyle } from './text-fit.js';
import type { Measurer } from './measurer.js';

export interface ParagraphPage {
  paragraphs: Paragraph[];
  size: number;
}

export interface PaginateInput {
  /** Top-level items with their nested paragraphs: kept together where they fit. */
  groups: Paragraph[][];
  /** Body height available on the first page (after any lead) and on later pages. */
  firstHeight: number;
  nextHeight: number;
  boxW: number;
  style: (size: number) => TextStyle;
  size: number;
  minSize: number;
  m: Measurer;
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
 * size, then splits at sentences, then between words. Nothing is dropped.
 */
export function paginateParagraphs(inp: PaginateInput): PaginateResult {
  const { groups, boxW, style, m } = inp;
  const all = groups.flat();
  const fitsAt = (ps: Paragraph[], size: number, h: number) => framedHeight(ps, boxW, style(size), m) <= h;
  const floor = Math.max(inp.minSize, Math.ceil(inp.size * 0.8));
  for (let s = inp.size; s >= floor; s--) if (fitsAt(all, s, inp.firstHeight)) return { pages: [{ paragraphs: all, size: s }], splitParagraph: false };

  const pages: ParagraphPage[] = [];
  let cur: Paragraph[] = [];
  let splitParagraph = false;
  const avail = () => (pages.length === 0 ? inp.firstHeight : inp.nextHeight);
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
    for (const piece of splitToFit(p, (q) => fitsAt([q], inp.minSize, avail()))) pages.push({ paragraphs: [piece], size: inp.minSize });
  };
  for (const g of groups) {
    if (cur.length > 0 && !fitsAt([...cur, ...g], inp.size, avail())) {
      if (fitsAt(g, inp.size, inp.nextHeight)) flush();
    }
    g.forEach(place);
  }
  flush();
  return { pages, splitParagraph };
}

/** Split a paragraph at sentences (then words) into pieces that fit; later pieces carry no bullet. */
function splitToFit(p: Paragraph, fits: (q: Paragraph) => boolean): Paragraph[] {
  const pieces: Paragraph[] = [];
  const cont = (runs: Paragraph['runs']): Paragraph => ({ runs, level: p.level, bullet: pieces.length === 0 ? p.bullet : 'none', number: pieces.length === 0 ? p.number : undefined });
  let acc: Paragraph['runs'] = [];
  for (const sentence of splitSentences(p.runs)) {
    const joined = acc.length > 0 ? [...acc, { text: ' ' }, ...sentence] : sentence;
    if (fits(cont(joined))) {
      acc = joined;
      continue;
    }
    if (acc.length > 0) pieces.push(cont(acc));
    let rest = sentence;
    while (!fits(cont(rest))) {
      const [head, tail] = longestFittingHead(rest, (h) => fits(cont(h)));
      pieces.push(cont(head));
      rest = tail;
      if (rest.length === 0) break;
    }
    acc = rest;
  }
  if (acc.length > 0) pieces.push(cont(acc));
  return pieces;
}
