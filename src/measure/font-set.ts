import { readFileSync, statSync } from 'node:fs';
import * as hb from 'harfbuzzjs';

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
 * Opened fonts, shared by every font set in the process (by path and face
 * index), so a second deck starts with fonts loaded and their caches warm.
 * HarfBuzz reads the file's tables lazily: opening one costs about 2 ms. A
 * font file that changes while the process runs (a package update under
 * `watch`) is opened again: its size and mtime are checked once per second
 * at most.
 */
const OPENED = new Map<string, { font: ShapingFont; stamp: string; checked: number }>();

/** The font files opened so far in this process, in the order they were first opened (what a warm-up loaded). */
export const openedFonts = (): string[] => [...new Set([...OPENED.values()].map((o) => o.font.file))];

/** The font in `file` (face `index` of a .ttc/.otc collection). */
export function openFont(file: string, index = 0): ShapingFont {
  const key = index === 0 ? file : `${file}\u0000${index}`;
  const hit = OPENED.get(key);
  const now = Date.now();
  if (hit && now - hit.checked < 1000) return hit.font;
  const st = statSync(file);
  const stamp = `${st.size}\u0000${st.mtimeMs}`;
  if (hit && hit.stamp === stamp) {
    hit.checked = now;
    return hit.font;
  }
  const face = new hb.Face(new hb.Blob(readFileSync(file)), index);
  const font: ShapingFont = { file, unitsPerEm: face.upem, hbFont: new hb.Font(face) };
  OPENED.set(key, { font, stamp, checked: now });
  return font;
}
