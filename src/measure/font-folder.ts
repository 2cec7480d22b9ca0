import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isIoError } from '../util/io-error.js';
import { fontNames, FONT_FILE, type FontName } from './font-names.js';
import { familiesOf, type Family } from './font-variants.js';

/** The font families found in one folder, by `faceKey` of their family names. */
export interface FontFolder {
  /** Changes whenever the folder's fonts change, so answers derived from it know to recompute. */
  readonly version: number;
  readonly families: ReadonlyMap<string, Family>;
}

/**
 * Folders indexed in this process. Builds under `watch` ask many times a
 * second, so a folder is listed and its files stat-ed at most once per
 * second (as `openFont` checks a font file), and a file's names are read
 * again only when its size or mtime changed.
 */
const folders = new Map<string, FontFolder & { checked: number; stamps: string }>();
let versions = 0;

/**
 * The `.ttf`/`.otf`/`.ttc`/`.otc` files directly in `dir`, read by family
 * name (never by file name). A missing folder has no fonts; a file that
 * cannot be read, or is not a font, is no font either.
 */
export function fontFolder(dir: string): FontFolder {
  const hit = folders.get(dir);
  const now = Date.now();
  if (hit && now - hit.checked < 1000) return hit;
  const files = fontFilesIn(dir);
  const stamps = files.map((f) => `${f.file}\u0000${f.stamp}`).join('\n');
  if (hit && hit.stamps === stamps) {
    hit.checked = now;
    return hit;
  }
  const names: FontName[] = [];
  for (const f of files) names.push(...namesOf(f.file, f.stamp));
  const folder = { version: ++versions, families: familiesOf(names), checked: now, stamps };
  folders.set(dir, folder);
  return folder;
}

/** Regular font files in `dir`, sorted by name so the first file of a style wins the same way everywhere. */
function fontFilesIn(dir: string): { file: string; stamp: string }[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).filter((n) => FONT_FILE.test(n));
  } catch (e) {
    if (isIoError(e)) return [];
    throw e;
  }
  const out: { file: string; stamp: string }[] = [];
  for (const name of entries.sort()) {
    const file = join(dir, name);
    try {
      const st = statSync(file);
      if (st.isFile()) out.push({ file, stamp: `${st.size}\u0000${st.mtimeMs}` });
    } catch (e) {
      if (!isIoError(e)) throw e; // vanished or unreadable since the listing: not a font of this folder
    }
  }
  return out;
}

function namesOf(file: string, stamp: string): readonly FontName[] {
  try {
    return fontNames(file, stamp);
  } catch (e) {
    if (isIoError(e)) return [];
    throw e;
  }
}
