import { BULLET_INDENT_PT, DEFAULT_INSETS } from './measure/text-box.js';

/** 16:9 slide in points (13.333 × 7.5 in). */
export const SLIDE = { w: 960, h: 540 } as const;
export const MARGIN_X = 36;
export const CONTENT_W = SLIDE.w - 2 * MARGIN_X;

/** Text box insets in points, as the renderer writes them: the ones the measurement tests check against LibreOffice. */
export const INSET = DEFAULT_INSETS;
/** Table cell margins in points. */
export const CELL = { l: 5.76, r: 5.76, t: 3.6, b: 3.6 } as const;
/** Hanging indent per bullet level, in points (marL = indent × (level + 1)). */
export const BULLET_INDENT = BULLET_INDENT_PT;

export const BANNER_H = 18;
export const TITLE_Y = 24;
/** Where the body starts when the title takes at most two lines. */
export const BODY_TOP = 112;
export const FOOTER_Y = 498;
export const FOOTER_H = 20;
/** The body never reaches into the footer. */
export const BODY_BOTTOM = 492;
export const GAP = 10;

/**
 * Fonts measure a little differently in PowerPoint (it kerns from 12 pt) than
 * in our metrics: plan with 3% less width than the box has, so predicted lines
 * are never fewer than the real ones.
 */
export const WIDTH_SAFETY = 0.97;
