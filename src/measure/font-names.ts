import { readFileSync, statSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import type { FontRef, FontVariant } from './font-files.js';
import { variantOf } from './font-files.js';

/** What a font file says about one of its faces. */
export interface FontName {
  readonly ref: FontRef;
  /**
   * Its family names (name ID 1, every language the file has). PowerPoint
   * writes this name, the Windows (GDI) family, into `typeface`: "Calibri
   * Light" is a family of its own there, not a weight of "Calibri" (that is
   * the typographic family, name ID 16, which we deliberately ignore so that
   * Calibri and Calibri Light never compete for one slot).
   */
  readonly families: readonly string[];
  /** Its style among the four a family can have (OS/2 fsSelection, else head macStyle). */
  readonly variant: FontVariant;
}

/** File name endings HarfBuzz can open (WOFF/WOFF2 need decompressing first, which it does not do). */
export const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

const read = new Map<string, { stamp: string; names: readonly FontName[] }>();

/**
 * The faces in `file`, read once per content: `stamp` (size and mtime, see
 * `fileStamp`) decides whether the cached answer still holds. A file that is
 * not an OpenType/TrueType font (or collection) has no faces.
 */
export function fontNames(file: string, stamp: string = fileStamp(file)): readonly FontName[] {
  const hit = read.get(file);
  if (hit && hit.stamp === stamp) return hit.names;
  const names = readNames(file, readFileSync(file));
  read.set(file, { stamp, names });
  return names;
}

export function fileStamp(file: string): string {
  const st = statSync(file);
  return `${st.size}\u0000${st.mtimeMs}`;
}

function readNames(file: string, bytes: Uint8Array): FontName[] {
  const count = faceCount(bytes);
  if (count === 0) return [];
  const blob = new hb.Blob(bytes);
  const out: FontName[] = [];
  for (let index = 0; index < count; index++) {
    const face = new hb.Face(blob, index);
    const families = [...new Set(face.listNames().filter((n) => n.nameId === 1).map((n) => face.getName(1, n.language).trim()))].filter(Boolean);
    if (families.length > 0) out.push({ ref: { file, index }, families, variant: styleOf(face) });
  }
  return out;
}

/** Faces in an sfnt file: 1 for a font, the header's count for a collection, 0 for anything else. */
function faceCount(b: Uint8Array): number {
  if (b.length < 12) return 0;
  const tag = String.fromCharCode(b[0], b[1], b[2], b[3]);
  if (tag === 'ttcf') return Math.min(((b[8] << 24) | (b[9] << 16) | (b[10] << 8) | b[11]) >>> 0, 256);
  return tag === '\u0000\u0001\u0000\u0000' || tag === 'OTTO' || tag === 'true' ? 1 : 0;
}

/** Windows decides bold/italic by OS/2 fsSelection (bits 5 and 0); old fonts without OS/2 by head macStyle (bits 0 and 1). */
function styleOf(face: hb.Face): FontVariant {
  const os2 = face.referenceTable('OS/2');
  if (os2 && os2.length >= 64) {
    const sel = (os2[62] << 8) | os2[63];
    return variantOf((sel & 0x20) !== 0, (sel & 0x01) !== 0);
  }
  const head = face.referenceTable('head');
  const mac = head && head.length >= 46 ? (head[44] << 8) | head[45] : 0;
  return variantOf((mac & 1) !== 0, (mac & 2) !== 0);
}
