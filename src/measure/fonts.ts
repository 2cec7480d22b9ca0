import { readFileSync, statSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { ThemeError } from '../model/errors.js';
import { DEFAULT_FONTS_DIR, faceKey, measurableFaces, resolveFontFiles, variantOf, type FontFiles } from './font-registry.js';

/** One font file, opened in HarfBuzz once per process. */
export interface ShapingFont {
  /** The file it was read from (identifies it in caches). */
  readonly file: string;
  readonly unitsPerEm: number;
  readonly hbFont: hb.Font;
}

/** How a face name in a frame finds the font file that measures it. */
export interface FontSet {
  /** The font for a face and style; throws a ThemeError naming the face when it cannot be measured. */
  font(face: string, bold?: boolean, italic?: boolean): ShapingFont;
  /** Whether `face` can be measured. */
  has(face: string): boolean;
}

/**
 * Opened fonts, shared by every font set in the process (by path), so a
 * second deck starts with fonts loaded and their caches warm. HarfBuzz reads
 * the file's tables lazily: opening one costs about 2 ms. A font file that
 * changes while the process runs (a package update under `watch`) is opened
 * again: its size and mtime are checked once per second at most.
 */
const OPENED = new Map<string, { font: ShapingFont; stamp: string; checked: number }>();

export function openFont(file: string): ShapingFont {
  const hit = OPENED.get(file);
  const now = Date.now();
  if (hit && now - hit.checked < 1000) return hit.font;
  const st = statSync(file);
  const stamp = `${st.size}\u0000${st.mtimeMs}`;
  if (hit && hit.stamp === stamp) {
    hit.checked = now;
    return hit.font;
  }
  const face = new hb.Face(new hb.Blob(readFileSync(file)));
  const font: ShapingFont = { file, unitsPerEm: face.upem, hbFont: new hb.Font(face) };
  OPENED.set(file, { font, stamp, checked: now });
  return font;
}

const sets = new Map<string, FontSet>();

/** The font set over the metric-compatible fonts shipped in `fontsDir` (see font-registry.ts). */
export function shippedFonts(fontsDir: string = DEFAULT_FONTS_DIR): FontSet {
  let set = sets.get(fontsDir);
  if (set) return set;
  const files = new Map<string, FontFiles | undefined>();
  const filesOf = (face: string): FontFiles | undefined => {
    const key = faceKey(face);
    if (!files.has(key)) files.set(key, resolveFontFiles(face, fontsDir));
    return files.get(key);
  };
  set = {
    font(face, bold, italic) {
      const f = filesOf(face);
      if (!f) throw new ThemeError('unmeasurable-font', `No metrics for font \`${face}\` in ${fontsDir}; measurable faces: ${measurableFaces().join(', ')}`);
      return openFont(f[variantOf(bold, italic)]);
    },
    has: (face) => filesOf(face) !== undefined,
  };
  sets.set(fontsDir, set);
  return set;
}
