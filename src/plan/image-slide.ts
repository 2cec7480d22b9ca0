import type { ImageBlock } from '../model/article.js';
import type { ImageSlide, Slide } from '../model/deck.js';
import type { Rect, TextFrame } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { fitHeight, plain, textFrame } from './frames.js';

/** An image fitted inside the body keeping its aspect ratio, centred, with its title as a caption. */
export function imageToSlide(b: ImageBlock, base: Omit<Slide, 'kind' | 'layout'>, region: Rect, lead: TextFrame | undefined, ctx: PlanContext): ImageSlide {
  const asset = ctx.images.get(b.src);
  let caption: TextFrame | undefined;
  let area = region;
  if (b.title) {
    const f = fitHeight(ctx, textFrame(ctx.theme, [plain([{ text: b.title, italic: true }])], { ...region, h: Infinity }, { size: ctx.theme.sizes.bodyMin, color: 'muted', align: 'center', placeholder: 'caption' }));
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
    image: { box, data: asset?.data ?? new Uint8Array(), mime: asset?.mime ?? 'image/png', ...(asset?.svg ? { svg: asset.svg } : {}), alt: b.alt },
    caption,
  } as ImageSlide;
}
