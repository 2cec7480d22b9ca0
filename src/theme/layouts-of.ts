import type { LayoutDef, LayoutSet } from '../model/layout-set.js';
import type { SlideLayout } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { builtinLayouts } from './builtin-layouts.js';

const BUILT = new WeakMap<Theme, LayoutSet>();

/**
 * The theme's layouts: an organisation template's as read from it, or
 * briefdeck's own derived from the theme (once per theme object, so a theme
 * changed for a test derives its own).
 */
export function layoutsOf(theme: Theme): LayoutSet {
  if (theme.template) return theme.template.layouts;
  let set = BUILT.get(theme);
  if (!set) BUILT.set(theme, (set = builtinLayouts(theme)));
  return set;
}

/** The layout a need goes on by default. */
export const layoutFor = (theme: Theme, need: SlideLayout): LayoutDef => {
  const set = layoutsOf(theme);
  return set.layouts[set.byNeed[need]];
};
