import type { Rect, TextFrame } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { fitHeight, plain, textFrame } from './frames.js';

/** Space between a table and its caption, in points. */
export const CAPTION_GAP = 4;

/** A table's caption line as a frame as wide as the region, measured, in the muted colour at the smallest table size. */
export function tableCaption(text: string, region: Rect, ctx: PlanContext): TextFrame {
  const runs = [plain([{ text, italic: true }])];
  return fitHeight(
    ctx,
    textFrame(ctx.theme, runs, { ...region, h: Infinity }, { size: ctx.theme.sizes.tableMin, color: 'muted' }),
  );
}

/** The caption moved just below the table's box (the table is as tall as its measured rows). */
export const below = (caption: TextFrame, box: Rect): TextFrame => ({
  ...caption,
  box: { ...caption.box, y: box.y + box.h + CAPTION_GAP },
});
