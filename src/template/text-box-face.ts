import type { MasterInfo } from './read-masters.js';
import { listStyle } from './text-props.js';
import type { Element } from './xml.js';

/**
 * The face a slide's own text box (not a placeholder) shows without direct
 * formatting: the presentation's default text style, else the theme's minor
 * font. It is not the body placeholder's: a template whose default text
 * style says Arial and whose body says Calibri draws an unformatted lead-in
 * in Arial, wider than the Calibri it was measured in, and its last word
 * wraps onto the list below it (sample.pptx in Apache POI's corpus).
 */
export function textBoxFace(defaults: Element | undefined, master: MasterInfo): string {
  const latin = listStyle(defaults, () => undefined)[0].latin;
  if (latin === '+mj-lt') return master.majorFont;
  if (latin === undefined || latin === '+mn-lt') return master.minorFont;
  return latin;
}
