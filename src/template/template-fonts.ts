import { fontContextFor, type FontContext } from '../measure/font-resolution.js';
import { resolvingFonts, type ResolvingFontSet } from '../measure/resolving-fonts.js';
import type { Sidecar } from './sidecar-schema.js';

/**
 * The fonts that measure a template's faces, resolved in order: a font in
 * the themes folder's `fonts/` (then the package's), a metric-compatible
 * family, a font installed on the machine (fontconfig), then the sidecar's
 * `fonts:` map; then a never-narrower stand-in (measure/stand-in.ts).
 */
export function templateFonts(themesDir: string, sidecar: Sidecar): { fonts: ResolvingFontSet; context: FontContext } {
  // A template's faces are the organisation's: a face nothing measures is measured with a stand-in and a warning.
  const context: FontContext = { ...fontContextFor(themesDir, sidecar.fonts), standIns: true };
  return { fonts: resolvingFonts(context), context };
}
