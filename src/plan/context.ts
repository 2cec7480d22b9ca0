import type { ImageAssets } from '../model/assets.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { LayoutSet } from '../model/layout-set.js';
import type { Theme } from '../model/theme.js';
import type { FontSet } from '../measure/fonts.js';

export interface PlanContext {
  theme: Theme;
  /** The theme's layouts: where each placeholder is and how its text is set. */
  layouts: LayoutSet;
  /** The fonts that measure the theme's faces. */
  fonts: FontSet;
  images: ImageAssets;
  /** The band of the slide content may use: below and above the classification banners, when the deck has them. */
  safe: { top: number; bottom: number };
  /** Problems found while planning (too-wide tables, split paragraphs). */
  diagnostics: Diagnostic[];
  /** Points kept free at the foot of the body region for a section's footnotes (issue 21); 0 when absent. */
  footReserve?: number;
  /** Slides the section being planned may still make before the deck passes MAX_DECK_SLIDES (slide-limit.ts). */
  slidesLeft?: number;
}
