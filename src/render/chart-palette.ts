import type { Theme } from '../model/theme.js';
import { contrastRatio } from '../util/contrast.js';
import { type SchemeName, schemeValues, themeColors } from './colors.js';

const ACCENTS: readonly SchemeName[] = ['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'];
/** An accent this close to the background would hide its series. */
const MIN_CONTRAST = 1.4;

/**
 * The accents a chart's series take, in order, by scheme name: each colour once (a theme may give two accents one
 * colour: briefdeck's dark theme uses its accent for table headers too) and none that vanishes into the background.
 * Past the palette's end the package stage repeats it in darker and lighter shades.
 */
export function seriesPalette(theme: Theme): SchemeName[] {
  const values = schemeValues(themeColors(theme));
  const seen = new Set<string>();
  const out = ACCENTS.filter((a) => {
    const hex = values[a].toUpperCase();
    if (seen.has(hex) || contrastRatio(hex, values.bg1) < MIN_CONTRAST) return false;
    seen.add(hex);
    return true;
  });
  return out.length > 0 ? out : [...ACCENTS];
}
