import type PptxGenJS from 'pptxgenjs';
import type { Slide, SlideKind, TextFrame } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { INSET } from '../plan/geometry.js';
import { pptxMargin } from '../plan/measure/text-box.js';
import { tableToPptx } from './table.js';
import { frameOptions, paragraphsToRuns } from './text-props.js';
import { place, xmlSafe } from './units.js';

export type Renderer<S extends Slide = Slide> = (slide: PptxGenJS.Slide, s: S, theme: Theme) => void;
type ByKind = { [K in SlideKind]: Renderer<Extract<Slide, { kind: K }>> };

/** One renderer per slide kind: a new kind that is not drawn here fails to compile. */
export const renderers = {
  title: (slide, s, theme) => {
    title(slide, s, theme, 'title');
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

function title(slide: PptxGenJS.Slide, s: Slide, theme: Theme, kind: 'title' | 'content' = 'content'): void {
  slide.addText(xmlSafe(s.title), {
    placeholder: 'title',
    ...place(s.titleBox),
    fontFace: theme.fonts.heading,
    fontSize: s.titleSize,
    bold: true,
    color: theme.colors.title,
    align: 'left',
    valign: kind === 'title' ? 'bottom' : 'top',
    lineSpacingMultiple: 1,
    margin: pptxMargin(INSET),
    fit: 'none',
  });
}

function text(slide: PptxGenJS.Slide, f: TextFrame, theme: Theme): void {
  slide.addText(paragraphsToRuns(f.paragraphs, theme), { ...place(f.box), ...frameOptions(f, theme, theme.fonts.body) });
}
