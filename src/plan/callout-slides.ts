import type { Section } from '../model/article.js';
import type { CalloutBlock, PlannedCallout } from '../model/columns.js';
import type { CalloutSlide, Slide, SlideLayout } from '../model/deck.js';
import { GAP } from '../model/geometry.js';
import type { LayoutDef } from '../model/layout-set.js';
import type { Insets, Paragraph, Rect, TextFrame } from '../model/text-frame.js';
import { contrastRatio } from '../util/contrast.js';
import type { PlanContext } from './context.js';
import { fitHeight, plain, textFrame } from './frames.js';
import { paginateParagraphs } from './paginate-paragraphs.js';
import { textBottom } from './regions.js';
import { bodyBand } from './columns-slides.js';
import { continuedTitle, fitTitle } from './titles.js';

export interface CalloutPlace {
  /** The section's slides so far: a callout may join the last one. */
  slides: Slide[];
  title: string;
  notes: string[];
  section: Section;
  layoutFor: (need: SlideLayout) => LayoutDef;
  /** Nothing of the section came before it: it is the section's lead slide. */
  opening: boolean;
}

/** Room inside the shading around the label and the text. */
const PAD = 14;

/**
 * A callout where it belongs. Opening a section, it is the section's lead slide: the statement large on the
 * theme's accent, its label above it. Elsewhere it is a shaded, labelled frame below the content of the slide before
 * it when it fits there, else on a slide of its own. Measured like any text: a long one continues (`(cont.)`) rather
 * than overflow.
 */
export function calloutToSlides(b: CalloutBlock, at: CalloutPlace, ctx: PlanContext): void {
  const last = at.slides[at.slides.length - 1];
  if (!at.opening && last) {
    const room = roomBelow(last, ctx, at.layoutFor);
    if (room) {
      const [fits] = calloutFrames(b, room, false, ctx, false);
      if (fits) {
        attach(last, fits, ctx);
        last.notes = [last.notes, ...at.notes].filter(Boolean).join('\n\n');
        return;
      }
    }
  }
  const layout = at.layoutFor('titleOnly');
  const region = bodyBand(ctx, layout, fitTitle(`${at.title} (cont. 99)`, ctx, layout));
  const pages = calloutFrames(b, region, at.opening, ctx, true);
  pages.forEach((callout, k) => {
    const title = continuedTitle(at.title, k, pages.length, 'cont');
    const slide: CalloutSlide = {
      kind: 'callout',
      layout: 'titleOnly',
      layoutFile: layout.file,
      title,
      baseTitle: at.title,
      titleFrame: fitTitle(title, ctx, layout),
      notes: k === 0 ? at.notes.join('\n\n') : '',
      section: at.section.title,
      source: b.position,
      callout,
      opening: at.opening,
      ...(k > 0 ? { continuation: { reason: 'callout did not fit on one slide' } } : {}),
    };
    at.slides.push(slide);
  });
}

/**
 * The callout in `region` (its full width): label, then text, filled alike. A lead callout is set large and
 * centred in the region; a frame at the body size at the region's top. With `split`, a callout taller than the region
 * goes on over more frames; without, it is one frame or none.
 */
function calloutFrames(
  b: CalloutBlock,
  region: Rect,
  opening: boolean,
  ctx: PlanContext,
  split: boolean,
): PlannedCallout[] {
  const { theme } = ctx;
  const fill = opening ? theme.colors.accent : theme.colors.tableBand;
  const onFill = readableOn(fill, ctx);
  const size = opening ? Math.round(theme.sizes.quote * 1.25) : theme.sizes.body;
  const labelInk = opening || contrastRatio(theme.colors.accent, fill) < 3 ? onFill : theme.colors.accent;
  const labelText = [plain([{ text: b.label, bold: true }])];
  const label: TextFrame = {
    ...fitHeight(
      ctx,
      padded(textFrame(theme, labelText, { ...region, h: Infinity }, { size: theme.sizes.bodyMin }), {
        top: PAD * 0.75,
        bottom: 0,
      }),
    ),
    ink: labelInk,
  };
  const bodyInsets = { top: 4, bottom: PAD * 0.75 };
  const frame = (ps: Paragraph[], box: Rect, s: number): TextFrame => ({
    ...padded(textFrame(theme, ps, box, { size: s }), bodyInsets),
    ink: onFill,
  });
  const below = (y: number): Rect => ({ ...region, y, h: region.y + region.h - y });
  const labelH = label.box.h;
  // The label's fill runs a point under the text's, so no seam shows where they meet.
  label.box.h += 1;
  const groups = b.paragraphs.map((runs) => [plain(runs)]);
  const firstTop = region.y + labelH;
  if (!split) {
    const f = fitHeight(ctx, frame(groups.flat(), below(firstTop), size));
    if (f.box.y + f.box.h > region.y + region.h) return [];
    return [
      {
        kind: b.kind,
        box: { ...region, h: labelH + f.box.h },
        label: { ...label, box: { ...label.box, y: region.y } },
        body: f,
        fill,
      },
    ];
  }
  const r = paginateParagraphs(
    { groups, first: below(firstTop), next: below(firstTop), frame, size, minSize: theme.sizes.bodyMin },
    ctx,
  );
  return r.pages.map((page) => {
    const body = fitHeight(ctx, frame(page.paragraphs, below(firstTop), page.size));
    const h = labelH + body.box.h;
    // A lead statement sits in the middle of the slide; a callout on a slide of its own at the top.
    const y = opening ? region.y + Math.max(0, (region.h - h) / 2) : region.y;
    return {
      kind: b.kind,
      box: { ...region, y, h },
      label: { ...label, box: { ...label.box, y } },
      body: { ...body, box: { ...body.box, y: y + labelH } },
      fill,
    };
  });
}

/** A frame's insets widened to the callout's padding (the shading runs to the region's edges). */
function padded(f: TextFrame, o: Partial<Insets>): TextFrame {
  return { ...f, insets: { ...f.insets, left: PAD, right: PAD, ...o } };
}

/** The theme's background or text colour, whichever reads better on the fill. */
function readableOn(fill: string, ctx: PlanContext): string {
  const { background, text } = ctx.theme.colors;
  return contrastRatio(background, fill) >= contrastRatio(text, fill) ? background : text;
}

/** The band below a slide's content, down to its body's end, when there is one worth filling. */
function roomBelow(s: Slide, ctx: PlanContext, layoutFor: (need: SlideLayout) => LayoutDef): Rect | undefined {
  const layout = ctx.layouts.layouts.find((l) => l.file === s.layoutFile) ?? layoutFor('content');
  const region = bodyBand(ctx, layout, s.titleFrame);
  const bottom = contentBottom(s, ctx);
  if (bottom === undefined) return undefined;
  const y = bottom + 2 * GAP;
  const h = region.y + region.h - y;
  return h > 40 ? { x: region.x, y, w: region.w, h } : undefined;
}

/** Where a slide's content ends, as measured; undefined for slides a callout does not join. */
function contentBottom(s: Slide, ctx: PlanContext): number | undefined {
  const ends: number[] = (s.callouts ?? []).map((c) => c.box.y + c.box.h);
  switch (s.kind) {
    case 'bullets':
    case 'quote':
      ends.push(textBottom(ctx, s.body));
      break;
    case 'table':
      ends.push(s.table.box.y + s.table.rowHeights.reduce((a, b) => a + b, 0));
      break;
    case 'image':
      ends.push(s.caption ? s.caption.box.y + s.caption.box.h : s.image.box.y + s.image.box.h);
      break;
    case 'columns':
      for (const c of s.columns) {
        if (c.header) ends.push(c.header.box.y + c.header.box.h);
        if (c.body.paragraphs.length > 0) ends.push(textBottom(ctx, c.body));
        for (const p of c.more)
          ends.push(
            p.kind === 'text'
              ? p.frame.box.y + p.frame.box.h
              : p.kind === 'table'
                ? p.table.box.y + p.table.rowHeights.reduce((a, b) => a + b, 0)
                : p.image.box.y + p.image.box.h,
          );
      }
      break;
    case 'callout':
      if (s.opening) return undefined;
      ends.push(s.callout.box.y + s.callout.box.h);
      break;
    default:
      return undefined;
  }
  return Math.max(...ends);
}

/** The callout on the slide; text frames that kept the whole body band end above it. */
function attach(s: Slide, c: PlannedCallout, _ctx: PlanContext): void {
  const end = c.box.y - GAP;
  const cut = (f: TextFrame): TextFrame =>
    f.box.y + f.box.h > end ? { ...f, box: { ...f.box, h: end - f.box.y } } : f;
  if (s.kind === 'bullets' || s.kind === 'quote') s.body = cut(s.body);
  if (s.kind === 'columns') for (const col of s.columns) col.body = cut(col.body);
  s.callouts = [...(s.callouts ?? []), c];
}
