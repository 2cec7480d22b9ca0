import type { ImageAssets } from '../model/assets.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Theme } from '../model/theme.js';
import type { Measurer } from './measurer.js';

export interface PlanContext {
  theme: Theme;
  m: Measurer;
  images: ImageAssets;
  /** Problems found while planning (too-wide tables, split paragraphs). */
  diagnostics: Diagnostic[];
}
