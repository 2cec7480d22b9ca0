import type { Run } from '../model/article.js';
import type { ColorRole, LevelStyle, Paragraph, PlaceholderRole, Rect, TextFrame } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import { BULLET_INDENT, CONTENT_W, MARGIN_X, TEXT_INSETS, TITLE_Y } from '../theme/geometry.js';
import { measureFrame } from '../measure/measure-frame.js';
import type { PlanContext } from './context.js';

/** Outline levels a list may use (DrawingML has 9; deeper Markdown nesting is set at the last). */
const LEVELS = 5;

export interface FrameOptions {
  size: number;
  /** Titles: the heading face, set tight. */
  heading?: boolean;
  /** Single spacing and no paragraph spacing (titles, table cells, footers and banners). */
  tight?: boolean;
  color?: ColorRole;
  align?: TextFrame['align'];
  anchor?: TextFrame['anchor'];
  italic?: boolean;
  /** The layout placeholder the frame fills; a plain text box when absent. */
  placeholder?: PlaceholderRole;
}

/** Placeholders of body text: PowerPoint refits their text after a briefer's edit (`normAutofit`), as its own masters do. */
const REFITTED: ReadonlySet<PlaceholderRole> = new Set(['content', 'content2', 'text', 'caption', 'subTitle']);

/**
 * The one place a text frame is planned: a box, the theme's faces and
 * spacing, and a level style per outline level (bulleted text hangs from
 * `BULLET_INDENT × (level + 1)`; a paragraph without a bullet starts at the
 * inset). `measureFrame` measures exactly this value and the renderer writes
 * exactly it.
 */
export function textFrame(theme: Theme, paragraphs: Paragraph[], box: Rect, o: FrameOptions): TextFrame {
  const tight = o.heading || o.tight;
  const level = (l: number): LevelStyle => ({
    size: o.size,
    marL: BULLET_INDENT * (l + 1),
    indent: -BULLET_INDENT,
    lineSpacing: tight ? 1 : theme.lineSpacing,
    spaceBefore: 0,
    spaceAfter: tight ? 0 : theme.paragraphSpacing,
    bulletChar: '•',
  });
  return {
    box,
    insets: { ...TEXT_INSETS },
    anchor: o.anchor ?? 'top',
    autofit: o.placeholder && REFITTED.has(o.placeholder) ? 'shrink' : 'none',
    ...(o.placeholder ? { placeholder: o.placeholder } : {}),
    face: o.heading ? theme.fonts.heading : theme.fonts.body,
    monoFace: theme.fonts.mono,
    align: o.align ?? 'left',
    color: o.color ?? 'text',
    ...(o.italic ? { italic: true } : {}),
    levels: Array.from({ length: LEVELS }, (_, l) => level(l)),
    paragraphs,
  };
}

export const plain = (runs: Run[]): Paragraph => ({ runs, level: 0, bullet: 'none' });

/** Height the frame's text needs (insets included), as the plan measures it. */
export const heightOf = (ctx: PlanContext, f: TextFrame): number => measureFrame(f, ctx.fonts).height;

/** The frame with its box exactly as tall as its text, moved to `y` (when given). */
export function fitHeight(ctx: PlanContext, f: TextFrame, y = f.box.y): TextFrame {
  return { ...f, box: { ...f.box, y, h: heightOf(ctx, f) } };
}

/**
 * The slide title: the theme size while it fits on two lines, shrinking to the
 * theme minimum, and below that wrapping onto more lines (the body then starts
 * lower). The box is as tall as the lines. A title never runs into the body.
 */
export function fitTitle(title: string, ctx: PlanContext): TextFrame {
  const { theme } = ctx;
  const at = (size: number) => textFrame(theme, [plain([{ text: title, bold: true }])], { x: MARGIN_X, y: TITLE_Y, w: CONTENT_W, h: Infinity }, { size, heading: true, color: 'title', placeholder: 'title' });
  let f = at(theme.sizes.titleMin);
  for (let size = theme.sizes.title; size >= theme.sizes.titleMin; size -= 2) {
    const candidate = at(size);
    if (measureFrame(candidate, ctx.fonts).lines[0] <= 2) {
      f = candidate;
      break;
    }
  }
  return fitHeight(ctx, f);
}

/**
 * The title of page `k` of `n` of one piece of content, numbered so that no
 * two slides share a title (PowerPoint's accessibility checker flags
 * duplicates): tables `Title (2 of 3)`; text `Title (cont.)`, `Title (cont. 2)`.
 */
export function continuedTitle(title: string, k: number, n: number, style: 'cont' | 'of'): string {
  if (n === 1) return title;
  if (style === 'of') return `${title} (${k + 1} of ${n})`;
  return k === 0 ? title : k === 1 ? `${title} (cont.)` : `${title} (cont. ${k})`;
}
