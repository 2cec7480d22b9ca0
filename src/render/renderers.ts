import type PptxGenJS from 'pptxgenjs';
import type { DeckChrome, Slide, SlideKind } from '../model/deck.js';
import type { TextFrame } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import { colorRef, hexOf } from './colors.js';
import { FRAME_MARK, frameToText } from './frame-to-text.js';
import { chartToPptx } from './chart.js';
import { tableToPptx } from './table.js';
import { place } from './units.js';
import { xmlSafe } from './package/xml.js';
import { calloutToPptx, columnsToPptx } from './columns.js';

/** What every renderer needs besides its slide. */
export interface RenderContext {
  theme: Theme;
  chrome: DeckChrome;
  language: string;
}

/**
 * Writes a slide's text frames in order, marking each so the package stage can find it again (`FRAME_MARK` + its
 * index).
 */
export class FrameWriter {
  readonly frames: TextFrame[] = [];
  constructor(
    private readonly slide: PptxGenJS.Slide,
    private readonly ctx: RenderContext,
  ) {}

  text(f: TextFrame, extra: Partial<PptxGenJS.TextPropsOptions> = {}): void {
    const { runs, options } = frameToText(f, this.ctx.theme, this.ctx.language);
    this.slide.addText(runs, { ...options, ...extra, objectName: `${FRAME_MARK}${this.frames.length}` });
    this.frames.push(f);
  }
}

export type Renderer<S extends Slide = Slide> = (
  slide: PptxGenJS.Slide,
  s: S,
  ctx: RenderContext,
  w: FrameWriter,
) => void;
type ByKind = { [K in SlideKind]: Renderer<Extract<Slide, { kind: K }>> };

/**
 * One renderer per slide kind: a new kind that is not drawn here fails to
 * compile. Each frame goes into the placeholder the planner chose for it
 * (title first, so the reading order starts with it); frames without one
 * (leads, the title slide's details) are text boxes.
 */
export const renderers = {
  title: (_slide, s, _ctx, w) => {
    w.text(s.titleFrame);
    if (s.subtitle) w.text(s.subtitle);
    if (s.details.paragraphs.length > 0) w.text(s.details);
  },
  agenda: titleAndBody,
  bullets: (_slide, s, _ctx, w) => {
    w.text(s.titleFrame);
    if (s.lead) w.text(s.lead);
    w.text(s.body);
  },
  table: (slide, s, ctx, w) => {
    w.text(s.titleFrame);
    if (s.lead) w.text(s.lead);
    tableToPptx(slide, s.table, ctx.theme, ctx.language);
    if (s.caption) w.text(s.caption);
  },
  chart: (slide, s, _ctx, w) => {
    w.text(s.titleFrame);
    if (s.lead) w.text(s.lead);
    chartToPptx(slide, s.chart, s.title);
  },
  image: (slide, s, _ctx, w) => {
    w.text(s.titleFrame);
    if (s.lead) w.text(s.lead);
    slide.addImage({
      data: `${s.image.mime};base64,${Buffer.from(s.image.data).toString('base64')}`,
      ...place(s.image.box),
      altText: xmlSafe(s.image.alt),
    });
    if (s.caption) w.text(s.caption);
  },
  quote: titleAndBody,
  statement: titleAndBody,
  columns: columnsToPptx,
  callout: (_slide, s, ctx, w) => {
    w.text(s.titleFrame);
    calloutToPptx(s.callout, ctx, w);
  },
  sources: titleAndBody,
  closing: titleAndBody,
} satisfies ByKind;

function titleAndBody(
  _slide: PptxGenJS.Slide,
  s: Slide & { body: TextFrame },
  _ctx: RenderContext,
  w: FrameWriter,
): void {
  w.text(s.titleFrame);
  w.text(s.body);
}

/**
 * A slide: its frames, then (except on the title slide) the footer and slide
 * number placeholders, then its notes. On an organisation's template the
 * classification banners are drawn on each slide (the template's layouts
 * stay as they are); briefdeck's own layouts carry them. Returns the frames
 * in the order written.
 */
export function renderSlide(slide: PptxGenJS.Slide, s: Slide, ctx: RenderContext): TextFrame[] {
  const w = new FrameWriter(slide, ctx);
  (renderers[s.kind] as Renderer)(slide, s, ctx, w);
  for (const c of s.callouts ?? []) calloutToPptx(c, ctx, w);
  if (s.footnotes) w.text(s.footnotes);
  if (ctx.theme.template)
    for (const b of ctx.chrome.banners)
      w.text(b, { fill: { color: colorRef(ctx.theme.colors.bannerBackground, ctx.theme) } });
  if (s.layout !== 'title') {
    if (ctx.chrome.footer) w.text(ctx.chrome.footer);
    const n = ctx.chrome.slideNumber;
    if (n)
      slide.slideNumber = {
        ...place(n.box),
        fontSize: n.levels[0].size,
        color: colorRef(n.ink ?? hexOf(n.color, ctx.theme), ctx.theme),
        align: n.align,
      } as PptxGenJS.SlideNumberProps;
  }
  const notes = s.kind === 'chart' ? [s.notes, s.dataNotes].filter(Boolean).join('\n\n') : s.notes;
  if (notes) slide.addNotes(xmlSafe(notes));
  return w.frames;
}
