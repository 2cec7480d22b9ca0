import { measureFrame } from '../measure/measure-frame.js';
import { diagnostic, type Position } from '../model/diagnostic.js';
import type { DeckChrome, DeckInfo } from '../model/deck.js';
import type { TextFrame } from '../model/text-frame.js';
import { NO_INSETS } from '../model/geometry.js';
import type { PlanContext } from './context.js';
import { plain, slotFrame, textFrame } from './frames.js';
import { bannerPlace, footerPlace } from './chrome-place.js';

/** The smallest size footer and banner text may shrink to before it is cut. */
const MIN_CHROME_SIZE = 7;
/** Banner text at most this size: the band is 18 pt high, and a template's footer size (14 pt, say) would fill it. */
const BANNER_TEXT_MAX = 10;

/**
 * The text every slide of a layout carries, measured like any other: the
 * footer, the classification banners and the slide number. A footer or
 * banner too long for its box shrinks (to 7 pt at least), and is then cut
 * with an ellipsis and a warning, so it never runs into the slide number.
 */
export function planChrome(info: DeckInfo, slides: number, ctx: PlanContext, at: Position): DeckChrome {
  const { theme, layouts } = ctx;
  // Footers are planned once, in the content layout's placeholders; every slide's footer copies them.
  const layout = layouts.layouts[layouts.byNeed.content];
  const footerSlot = layout.slots.footer;
  const footer =
    theme.footer.show && info.footer && footerSlot
      ? fitLine(
          info.footer,
          (t, size) =>
            slotFrame(theme, layout, 'footer', [plain([{ text: t }])], footerPlace(ctx, layout, footerSlot.box), {
              size,
              tight: true,
              color: 'muted',
            }),
          footerSlot.levels[0].size,
          'footer',
          ctx,
          at,
        )
      : undefined;
  const banners = info.classification
    ? (['top', 'bottom'] as const).map((w) =>
        fitLine(
          info.classification!,
          (t, size) => ({
            ...textFrame(theme, [plain([{ text: t, bold: true }])], bannerPlace(ctx, w), {
              size,
              tight: true,
              anchor: 'middle',
              color: 'bannerText',
              align: 'center',
            }),
            insets: { ...NO_INSETS },
          }),
          Math.min(theme.sizes.footer, BANNER_TEXT_MAX),
          'classification banner',
          ctx,
          at,
        ),
      )
    : [];
  // The widest number the deck shows, as the slide number box's text: it must fit too.
  const numberSlot = layout.slots.slideNumber;
  const slideNumber = numberSlot
    ? slotFrame(
        theme,
        layout,
        'slideNumber',
        [plain([{ text: String(slides).replace(/\d/g, '8') }])],
        footerPlace(ctx, layout, numberSlot.box),
        { tight: true, color: 'muted' },
      )
    : undefined;
  if (slideNumber && !measureFrame(slideNumber, ctx.fonts).fits)
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        'slide-number-too-wide',
        at,
        `Unexpected slide number \`${slides}\` wider than its box at ${slideNumber.levels[0].size} pt`,
        'lower `sizes.footer` in the theme',
      ),
    );
  return { footer, banners, ...(slideNumber ? { slideNumber } : {}) };
}

/** A one-line frame of `text` at a size. */
type LineFrame = (text: string, size: number) => TextFrame;

function fitLine(
  text: string,
  frame: LineFrame,
  start: number,
  what: string,
  ctx: PlanContext,
  at: Position,
): TextFrame {
  const fits = (f: TextFrame) => measureFrame(f, ctx.fonts).fits;
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
  ctx.diagnostics.push(
    diagnostic(
      'warning',
      'chrome-text-cut',
      at,
      `Unexpected ${what} \`${text}\` too long for its box even at ${size} pt: it is cut short`,
      `shorten it`,
    ),
  );
  return frame(`${text.slice(0, lo).trimEnd()}…`, size);
}
