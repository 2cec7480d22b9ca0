import type { Run } from '../model/article.js';
import { safeRuns } from '../model/safe-text.js';
import type { LayoutDef, TextStyle } from '../model/layout-set.js';
import type { ColorRole, LevelStyle, Paragraph, PlaceholderRole, Rect, TextFrame } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import { withNumberRoom } from './number-hang.js';
import { measureFrame } from '../measure/measure-frame.js';
import { layoutFor, layoutsOf } from '../theme/layouts-of.js';
import type { PlanContext } from './context.js';

export interface FrameOptions {
  size: number;
  /**
   * How the text is set: a layout placeholder's style, or (by default) the text box style; `heading` picks the content
   * layout's title style.
   */
  style?: TextStyle;
  heading?: boolean;
  /** Single spacing and no paragraph spacing (table cells, footers and banners). */
  tight?: boolean;
  color?: ColorRole;
  align?: TextFrame['align'];
  anchor?: TextFrame['anchor'];
  italic?: boolean;
  /** The layout placeholder the frame fills; a plain text box when absent. */
  placeholder?: PlaceholderRole;
}

/**
 * The one place a text frame is planned: a box, a style (a placeholder's
 * as its layout, master and theme give it, or the text box style) and the
 * size it is drawn at. Every level is scaled by `size` over the style's
 * first-level size, as PowerPoint's autofit scales a whole body.
 * `measureFrame` measures exactly this value and the renderer writes
 * exactly it.
 */
export function textFrame(theme: Theme, paragraphs: Paragraph[], box: Rect, o: FrameOptions): TextFrame {
  const style =
    o.style ?? (o.heading ? layoutFor(theme, 'content').slots.title : undefined) ?? layoutsOf(theme).textBox;
  const base = style.levels[0].size;
  const level = (l: LevelStyle): LevelStyle => ({
    ...l,
    size: l.size === base ? o.size : Math.round(((l.size * o.size) / base) * 100) / 100,
    ...(o.tight ? { lineSpacing: 1, spaceBefore: 0, spaceAfter: 0 } : {}),
  });
  const safeParagraphs = paragraphs.map((p) => {
    const runs = safeRuns(p.runs);
    return runs === p.runs ? p : { ...p, runs };
  });
  return {
    box,
    insets: { ...style.insets },
    anchor: o.anchor ?? style.anchor,
    autofit: o.placeholder ? style.autofit : 'none',
    ...(o.placeholder ? { placeholder: o.placeholder } : {}),
    face: style.face,
    inheritedFace: style.inheritedFace,
    monoFace: style.monoFace,
    align: o.align ?? style.align,
    color: o.color ?? 'text',
    ...(style.color ? { ink: style.color } : {}),
    ...(style.bold ? { bold: true } : {}),
    ...(o.italic || style.italic ? { italic: true } : {}),
    // Sanitised as the writer sanitises (model/safe-text.ts): measured exactly as written.
    levels: withNumberRoom(style.levels.map(level), safeParagraphs),
    paragraphs: safeParagraphs,
  };
}

/** The frame for a layout's placeholder: its style, at `size` (the style's own by default). */
export function slotFrame(
  theme: Theme,
  layout: LayoutDef,
  role: PlaceholderRole,
  paragraphs: Paragraph[],
  box: Rect | undefined,
  o: Omit<FrameOptions, 'style' | 'placeholder' | 'size'> & { size?: number },
): TextFrame {
  const slot = layout.slots[role];
  if (!slot) throw new Error(`briefdeck bug: layout \`${layout.name}\` has no ${role} placeholder`);
  return textFrame(theme, paragraphs, box ?? slot.box, {
    ...o,
    size: o.size ?? slot.levels[0].size,
    style: slot,
    placeholder: role,
  });
}

export const plain = (runs: Run[]): Paragraph => ({ runs, level: 0, bullet: 'none' });

/** Height the frame's text needs (insets included), as the plan measures it. */
export const heightOf = (ctx: PlanContext, f: TextFrame): number => measureFrame(f, ctx.fonts).height;

/** The frame with its box exactly as tall as its text, moved to `y` (when given). */
export function fitHeight(ctx: PlanContext, f: TextFrame, y = f.box.y): TextFrame {
  return { ...f, box: { ...f.box, y, h: heightOf(ctx, f) } };
}
