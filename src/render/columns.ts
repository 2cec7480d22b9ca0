import type PptxGenJS from 'pptxgenjs';
import type { PlannedCallout } from '../model/columns.js';
import type { ColumnsSlide } from '../model/deck.js';
import type { PlannedImage } from '../model/deck.js';
import { colorRef } from './colors.js';
import type { FrameWriter, RenderContext } from './renderers.js';
import { tableToPptx } from './table.js';
import { place } from './units.js';
import { xmlSafe } from './package/xml.js';

/**
 * A column set: the title, the lead, then column by column its header, its body (in its content placeholder when
 * the plan put it in one) and what follows it, so the reading order goes down each column in turn. An empty body
 * in a text box is not written.
 */
export function columnsToPptx(slide: PptxGenJS.Slide, s: ColumnsSlide, ctx: RenderContext, w: FrameWriter): void {
  w.text(s.titleFrame);
  if (s.lead) w.text(s.lead);
  for (const c of s.columns) {
    if (c.header) w.text(c.header);
    if (c.body.paragraphs.length > 0 || c.body.placeholder) w.text(c.body);
    for (const p of c.more) {
      if (p.kind === 'text') w.text(p.frame);
      else if (p.kind === 'table') tableToPptx(slide, p.table, ctx.theme, ctx.language);
      else imageToPptx(slide, p.image);
    }
  }
}

/** A callout: its label, then its text, two text boxes filled alike that meet at the label's foot. */
export function calloutToPptx(c: PlannedCallout, ctx: RenderContext, w: FrameWriter): void {
  const fill = { color: colorRef(c.fill, ctx.theme) };
  w.text(c.label, { fill });
  w.text(c.body, { fill });
}

export function imageToPptx(slide: PptxGenJS.Slide, image: PlannedImage): void {
  slide.addImage({
    data: `${image.mime};base64,${Buffer.from(image.data).toString('base64')}`,
    ...place(image.box),
    altText: xmlSafe(image.alt),
  });
}
