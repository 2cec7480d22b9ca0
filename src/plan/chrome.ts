import { measureFrame } from '../measure/measure-frame.js';
import { diagnostic, type Position } from '../model/diagnostic.js';
import type { DeckChrome, DeckInfo } from '../model/deck.js';
import type { Rect, TextFrame } from '../model/text-frame.js';
import { bannerBox, FOOTER_BOX, NO_INSETS, slideNumberBox, TEXT_INSETS } from '../theme/geometry.js';
import type { PlanContext } from './context.js';
import { plain, textFrame } from './frames.js';

/** The smallest size footer and banner text may shrink to before it is cut. */
const MIN_CHROME_SIZE = 7;

/**
 * The text every slide of a layout carries, measured like any other: the
 * footer, the classification banners and the slide number. A footer or
 * banner too long for its box shrinks (to 7 pt at least), and is then cut
 * with an ellipsis and a warning, so it never runs into the slide number.
 */
export function planChrome(info: DeckInfo, slides: number, ctx: PlanContext, at: Position): DeckChrome {
  const { theme } = ctx;
  const footer = theme.footer.show && info.footer ? fitLine(info.footer, FOOTER_BOX, { anchor: 'middle', color: 'muted', placeholder: 'footer' }, 'footer', ctx, at) : undefined;
  const banners = info.classification
    ? (['top', 'bottom'] as const).map((w) => fitLine(info.classification!, bannerBox(w), { anchor: 'middle', color: 'bannerText', align: 'center', bold: true }, 'classification banner', ctx, at))
    : [];
  // The widest number the deck shows, as the slide number box's text: it must fit too.
  const slideNumber: TextFrame = {
    ...textFrame(theme, [plain([{ text: String(slides).replace(/\d/g, '8') }])], slideNumberBox(!!theme.logo), { size: theme.sizes.footer, tight: true, color: 'muted', align: 'right', placeholder: 'slideNumber' }),
    insets: { ...TEXT_INSETS },
  };
  if (!measureFrame(slideNumber, ctx.fonts).fits) ctx.diagnostics.push(diagnostic('warning', 'slide-number-too-wide', at, `Unexpected slide number \`${slides}\` wider than its box at ${theme.sizes.footer} pt`, 'lower `sizes.footer` in the theme'));
  return { footer, banners, slideNumber };
}

function fitLine(text: string, box: Rect, o: { anchor: TextFrame['anchor']; color: TextFrame['color']; align?: TextFrame['align']; bold?: boolean; placeholder?: TextFrame['placeholder'] }, what: string, ctx: PlanContext, at: Position): TextFrame {
  const frame = (t: string, size: number): TextFrame => ({
    ...textFrame(ctx.theme, [plain([{ text: t, ...(o.bold ? { bold: true } : {}) }])], box, { size, tight: true, anchor: o.anchor, color: o.color, align: o.align, placeholder: o.placeholder }),
    insets: { ...NO_INSETS },
  });
  const fits = (f: TextFrame) => measureFrame(f, ctx.fonts).fits;
  const start = ctx.theme.sizes.footer;
  for (let size = start; size >= Math.min(start, MIN_CHROME_SIZE); size--) {
    const f = frame(text, size);
    if (fits(f)) return f;
  }
  // Still too long at the smallest size: keep as many whole characters as fit, with an ellipsis.
  const size = Math.min(start, MIN_CHROME_SIZE);
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(frame(`${text.slice(0, mid).trimEnd()}…`, size))) lo = mid;
    else hi = mid - 1;
  }
  ctx.diagnostics.push(diagnostic('warning', 'chrome-text-cut', at, `Unexpected ${what} \`${text}\` too long for its box even at ${size} pt: it is cut short`, `shorten it`));
  return frame(`${text.slice(0, lo).trimEnd()}…`, size);
}
