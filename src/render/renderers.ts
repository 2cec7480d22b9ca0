import type PptxGenJS from 'pptxgenjs';
import type { DeckChrome, Slide, SlideKind } from '../model/deck.js';
import type { TextFrame } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import { colorRef, hexOf } from './colors.js';
import { frameToText } from './frame-to-text.js';
import { tableToPptx } from './table.js';
import { place, xmlSafe } from './units.js';

/** What every renderer needs besides its slide. */
export interface RenderContext {
  theme: Theme;
  chrome: DeckChrome;
  language: string;
}

export type Renderer<S extends Slide = Slide> = (slide: PptxGenJS.Slide, s: S, ctx: RenderContext) => void;
type ByKind = { [K in SlideKind]: Renderer<Extract<Slide, { kind: K }>> };

/**
 * One renderer per slide kind: a new kind that is not drawn here fails to
 * compile. Each frame goes into the placeholder the planner chose for it
 * (title first, so the reading order starts with it); frames without one
 * (leads, the title slide's details) are text boxes.
 */
export const renderers = {
  title: (slide, s, ctx) => {
    text(slide, s.titleFrame, ctx);
    if (s.subtitle) text(slide, s.subtitle, ctx);
    text(slide, s.details, ctx);
  },
  agenda: titleAndBody,
  bullets: (slide, s, ctx) => {
    text(slide, s.titleFrame, ctx);
    if (s.lead) text(slide, s.lead, ctx);
    text(slide, s.body, ctx);
  },
  table: (slide, s, ctx) => {
    text(slide, s.titleFrame, ctx);
    if (s.lead) text(slide, s.lead, ctx);
    tableToPptx(slide, s.table, ctx.theme, ctx.language);
  },
  image: (slide, s, ctx) => {
    text(slide, s.titleFrame, ctx);
    if (s.lead) text(slide, s.lead, ctx);
    slide.addImage({ data: `${s.image.mime};base64,${Buffer.from(s.image.data).toString('base64')}`, ...place(s.image.box), altText: xmlSafe(s.image.alt) });
    if (s.caption) text(slide, s.caption, ctx);
  },
  quote: titleAndBody,
  statement: titleAndBody,
  closing: titleAndBody,
} satisfies ByKind;

function titleAndBody(slide: PptxGenJS.Slide, s: Slide & { body: TextFrame }, ctx: RenderContext): void {
  text(slide, s.titleFrame, ctx);
  text(slide, s.body, ctx);
}

/** A slide: its frames, then (except on the title slide) the footer and slide number placeholders, then its notes. */
export function renderSlide(slide: PptxGenJS.Slide, s: Slide, ctx: RenderContext): void {
  (renderers[s.kind] as Renderer)(slide, s, ctx);
  if (s.layout !== 'title') {
    if (ctx.chrome.footer) text(slide, ctx.chrome.footer, ctx);
    const n = ctx.chrome.slideNumber;
    slide.slideNumber = { ...place(n.box), fontSize: n.levels[0].size, color: colorRef(hexOf(n.color, ctx.theme), ctx.theme), align: n.align } as PptxGenJS.SlideNumberProps;
  }
  if (s.notes) slide.addNotes(xmlSafe(s.notes));
}

function text(slide: PptxGenJS.Slide, f: TextFrame, ctx: RenderContext): void {
  const { runs, options } = frameToText(f, ctx.theme, ctx.language);
  slide.addText(runs, options);
}
