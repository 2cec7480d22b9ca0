import type { Insets, Rect } from './text-frame.js';

/**
 * The slide layout of briefdeck's own themes, in points (72 per inch): every
 * number that places something on a slide, read by the planner (which
 * measures text into these boxes) and the renderer (which draws them) alike.
 */

/** 16:9 slide, 13.333 × 7.5 in. */
export const SLIDE = { w: 960, h: 540 } as const;
export const MARGIN_X = 36;
export const CONTENT_W = SLIDE.w - 2 * MARGIN_X;
export const GAP = 10;

/** Text box insets: the DrawingML defaults (91440 / 45720 EMU), written explicitly. */
export const TEXT_INSETS: Readonly<Insets> = { left: 7.2, right: 7.2, top: 3.6, bottom: 3.6 };
/** Table cell margins (0.08 in left and right, 0.05 in top and bottom). */
export const CELL_INSETS: Readonly<Insets> = { left: 5.76, right: 5.76, top: 3.6, bottom: 3.6 };
/** Footer, slide number and banner text sit on their box edges. */
export const NO_INSETS: Readonly<Insets> = { left: 0, right: 0, top: 0, bottom: 0 };
/**
 * Hanging indent per bullet level: text starts at `marL = 27 × (level + 1)`
 * and the bullet hangs 27 pt to its left (pptxgenjs's default bullet margin).
 */
export const BULLET_INDENT = 27;

/** Titles on content slides: the box starts here; the body starts below it (at least at BODY_TOP). */
export const TITLE_Y = 24;
/** The title placeholder on the content layout (a slide's title box is measured, this is the layout's default). */
export const TITLE_BOX: Readonly<Rect> = { x: MARGIN_X, y: TITLE_Y, w: CONTENT_W, h: 80 };
/** Where the body starts when the title takes at most two lines. */
export const BODY_TOP = 112;
/** The body never reaches into the footer. */
export const BODY_BOTTOM = 492;

/** The title slide's title placeholder: the title sits at its foot, right above the subtitle. */
export const TITLE_SLIDE_AREA: Readonly<Rect> = { x: MARGIN_X, y: 120, w: CONTENT_W, h: 170 };

export const FOOTER_Y = 498;
export const FOOTER_H = 20;
/** The footer text (organisation · date), left; it must stay clear of the slide number. */
export const FOOTER_BOX: Readonly<Rect> = { x: MARGIN_X, y: FOOTER_Y, w: CONTENT_W * 0.4, h: FOOTER_H };

/** The classification banner, full width at the top and bottom of every slide. */
export const BANNER_H = 18;
export const bannerBox = (where: 'top' | 'bottom', slide: { w: number; h: number } = SLIDE): Rect => ({
  x: 0,
  y: where === 'top' ? 0 : slide.h - BANNER_H,
  w: slide.w,
  h: BANNER_H,
});

/**
 * The accent mark: above the title on the title slide, beside it elsewhere (it can never collide with a wrapped title).
 */
/** The title slide's accent rule: under the title (bottom-anchored in its area), above the subtitle. */
export const ACCENT_TITLE_SLIDE: Readonly<Rect> = {
  x: MARGIN_X + 7.2,
  y: TITLE_SLIDE_AREA.y + TITLE_SLIDE_AREA.h + GAP / 2 - 2,
  w: 120,
  h: 4,
};
export const ACCENT_CONTENT: Readonly<Rect> = { x: MARGIN_X - 16, y: TITLE_Y + 6, w: 5, h: 32 };

/**
 * The logo's box for its pixel size: 48 pt high at the top right of the title slide, 24 pt beside the footer elsewhere.
 */
export function logoBox(kind: 'title' | 'content', logo: { width: number; height: number }): Rect {
  const h = kind === 'title' ? 48 : 24;
  const w = (logo.width / logo.height) * h;
  return { x: SLIDE.w - MARGIN_X - w, y: kind === 'title' ? 40 : FOOTER_Y - 1, w, h };
}

/** The slide number, right-aligned in the footer band, left of a logo when there is one. */
export function slideNumberBox(hasLogo: boolean): Rect {
  return { x: SLIDE.w - MARGIN_X - 60 - (hasLogo ? 40 : 0), y: FOOTER_Y, w: 60, h: FOOTER_H };
}
