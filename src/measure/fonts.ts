import { DEFAULT_FONTS_DIR } from './font-files.js';
import type { FontSet } from './font-set.js';
import { resolvingFonts } from './resolving-fonts.js';

export { openFont, type FontSet, type ShapingFont } from './font-set.js';

const sets = new Map<string, FontSet>();

/**
 * The font set of the built-in themes: the fonts shipped in `fontsDir`
 * (briefdeck's `themes/fonts/`), by family name or as the metric-compatible
 * family of the face (Calibri → Carlito, Arial → Liberation Sans, Courier
 * New → Liberation Mono…), never an installed font, so a deck measures the
 * same on every machine.
 */
export function shippedFonts(fontsDir: string = DEFAULT_FONTS_DIR): FontSet {
  let set = sets.get(fontsDir);
  if (!set) sets.set(fontsDir, (set = resolvingFonts({ fontsDirs: [fontsDir], system: false })));
  return set;
}
