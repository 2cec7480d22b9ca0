import type { ImageAssets } from '../model/assets.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Theme } from '../model/theme.js';
import type { FontSet } from '../measure/fonts.js';

export interface PlanContext {
  theme: Theme;
  /** The fonts that measure the theme's faces. */
  fonts: FontSet;
  images: ImageAssets;
  /** Problems found while planning (too-wide tables, split paragraphs). */
  diagnostics: Diagnostic[];
}
