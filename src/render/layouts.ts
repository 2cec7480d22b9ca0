import type PptxGenJS from 'pptxgenjs';
import type { SlideLayout } from '../model/deck.js';
import { layoutCatalogue } from './layout-catalogue.js';

/**
 * pptxgenjs needs a layout by name for every slide it adds. These are empty
 * stand-ins named like briefdeck's layouts: the post-pass replaces them,
 * with the master and the theme, by the real ones (package/), and points
 * each slide at the real layout of the same name.
 */
export function defineLayouts(pptx: PptxGenJS): Map<SlideLayout, string> {
  const names = new Map<SlideLayout, string>();
  for (const spec of layoutCatalogue(false)) {
    pptx.defineSlideMaster({ title: spec.name, objects: [] });
    names.set(spec.layout, spec.name);
  }
  return names;
}
