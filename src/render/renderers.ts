import type PptxGenJS from 'pptxgenjs';
import type { Slide, SlideKind } from '../model/deck.js';
import type { TextFrame } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import { frameToText } from './frame-to-text.js';
import { tableToPptx } from './table.js';
import { place, xmlSafe } from './units.js';

export type Renderer<S extends Slide = Slide> = (slide: PptxGenJS.Slide, s: S, theme: Theme) => void;
type ByKind = { [K in SlideKind]: Renderer<Extract<Slide, { kind: K }>> };

/** One renderer per slide kind: a new kind that is not drawn here fails to compile. */
export const renderers = {
  title: (slide, s, theme) => {
    title(slide, s, theme);
    if (s.subtitle) text(slide, s.subtitle, theme);
    text(slide, s.details, theme);
  },
  agenda: titleAndBody,
  bullets: (slide, s, theme) => {
    title(slide, s, theme);
    if (s.lead) text(slide, s.lead, theme);
    text(slide, s.body, theme);
  },
  table: (slide, s, theme) => {
    title(slide, s, theme);
    if (s.lead) text(slide, s.lead, theme);
    tableToPptx(slide, s.table, theme);
  },
  image: (slide, s, theme) => {
    title(slide, s, theme);
    if (s.lead) text(slide, s.lead, theme);
    slide.addImage({ data: `${s.image.mime};base64,${Buffer.from(s.image.data).toString('base64')}`, ...place(s.image.box), altText: xmlSafe(s.image.alt) });
    if (s.caption) text(slide, s.caption, theme);
  },
  quote: titleAndBody,
  statement: titleAndBody,
  closing: titleAndBody,
} satisfies ByKind;

/** Slides that are a title and one text frame. */
function titleAndBody(slide: PptxGenJS.Slide, s: Slide & { body: TextFrame }, theme: Theme): void {
  title(slide, s, theme);
  text(slide, s.body, theme);
}

export function renderSlide(slide: PptxGenJS.Slide, s: Slide, theme: Theme): void {
  (renderers[s.kind] as Renderer)(slide, s, theme);
  if (s.notes) slide.addNotes(xmlSafe(s.notes));
}

/** The title frame, in the layout's title placeholder (what outline view and screen readers read). */
function title(slide: PptxGenJS.Slide, s: Slide, theme: Theme): void {
  const { runs, options } = frameToText(s.titleFrame, theme, { placeholder: 'title' });
  slide.addText(runs, options);
}

function text(slide: PptxGenJS.Slide, f: TextFrame, theme: Theme): void {
  const { runs, options } = frameToText(f, theme);
  slide.addText(runs, options);
}
