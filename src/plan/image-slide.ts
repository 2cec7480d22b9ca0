import type { ImageBlock } from '../model/article.js';
import type { ImageSlide, Slide } from '../model/deck.js';
import type { LayoutDef } from '../model/layout-set.js';
import type { Rect, TextFrame } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { fitHeight, plain, slotFrame, textFrame } from './frames.js';

/**
 * An image fitted inside the body keeping its aspect ratio, centred, with
 * its title as a caption: in the layout's caption placeholder when it has
 * one, else in a text box.
 */
export function imageToSlide(
  b: ImageBlock,
  base: Omit<Slide, 'kind' | 'layout'>,
  layout: LayoutDef,
  region: Rect,
  lead: TextFrame | undefined,
  ctx: PlanContext,
): ImageSlide {
  const asset = ctx.images.get(b.src);
  let caption: TextFrame | undefined;
  let area = region;
  if (b.title) {
    const runs = [plain([{ text: b.title, italic: true }])];
    const box = { ...region, h: Infinity };
    const o = { size: ctx.theme.sizes.bodyMin, color: 'muted', align: 'center' } as const;
    const f = fitHeight(
      ctx,
      layout.slots.caption ? slotFrame(ctx.theme, layout, 'caption', runs, box, o) : textFrame(ctx.theme, runs, box, o),
    );
    caption = { ...f, box: { ...f.box, y: region.y + region.h - f.box.h } };
    area = { ...region, h: region.h - f.box.h - 4 };
  }
  // The asset stage reports missing images as errors, so a missing one never reaches a build.
  const w = asset?.width ?? 4;
  const h = asset?.height ?? 3;
  const scale = Math.min(area.w / w, area.h / h);
  const box = { x: area.x + (area.w - w * scale) / 2, y: area.y, w: w * scale, h: h * scale };
  return {
    ...base,
    kind: 'image',
    layout: 'picture',
    lead,
    image: {
      box,
      data: asset?.data ?? new Uint8Array(),
      mime: asset?.mime ?? 'image/png',
      ...(asset?.svg ? { svg: asset.svg } : {}),
      alt: b.alt,
    },
    caption,
  } as ImageSlide;
}
