import { faceKey, VARIANTS, type FontRef, type FontVariant } from './font-files.js';
import type { FontName } from './font-names.js';

/** The files a family has, by style; a family need not have all four. */
export type Faces = Partial<Record<FontVariant, FontRef>>;

export interface Family {
  /** The family's name as its files spell it. */
  readonly name: string;
  readonly faces: Faces;
}

/** A family with a file for every style: the missing ones borrowed from another style. */
export interface CompleteFaces {
  readonly files: Readonly<Record<FontVariant, FontRef>>;
  /** Styles with no file of their own, measured with the file they borrow. */
  readonly synthesized: readonly FontVariant[];
}

/**
 * Which style's file draws a style the family lacks, in order of preference.
 * Measured with LibreOffice 7.4 on families made from Carlito with styles
 * removed (PDF word boxes compared with each Carlito file): it keeps the
 * weight before the slant (a missing bold italic is drawn with the bold file,
 * slanted; a missing italic with the regular; a family of only bold and
 * italic draws regular text with the italic file), unlike fc-match, which
 * keeps the slant first. It synthesises the missing style by slanting or
 * emboldening the outlines: the advance widths are those of the borrowed file
 * exactly (synthetic bold, italic and bold italic of a regular-only family
 * gave the regular's word positions to the 1/1000 pt), so the borrowed file
 * measures it.
 */
const BORROW: Readonly<Record<FontVariant, readonly FontVariant[]>> = {
  regular: ['italic', 'bold', 'boldItalic'],
  bold: ['boldItalic', 'regular', 'italic'],
  italic: ['regular', 'boldItalic', 'bold'],
  boldItalic: ['bold', 'italic', 'regular'],
};

/**
 * Families by `faceKey` of their names. The first face seen for a style keeps
 * it, so callers list files in a fixed order (folder order, then path) and
 * the answer never depends on the order a folder is read in.
 */
export function familiesOf(names: Iterable<FontName>): Map<string, Family> {
  const out = new Map<string, { name: string; faces: Faces }>();
  for (const n of names) {
    for (const family of n.families) {
      const key = faceKey(family);
      let f = out.get(key);
      if (!f) out.set(key, (f = { name: family, faces: {} }));
      f.faces[n.variant] ??= n.ref;
    }
  }
  return out;
}

/** Every style's file, borrowing the missing ones; `undefined` for a family with no file at all. */
export function completeFaces(faces: Faces): CompleteFaces | undefined {
  const synthesized: FontVariant[] = [];
  const files = {} as Record<FontVariant, FontRef>;
  for (const v of VARIANTS) {
    const own = faces[v];
    const ref = own ?? BORROW[v].map((b) => faces[b]).find((r) => r !== undefined);
    if (!ref) return undefined;
    if (!own) synthesized.push(v);
    files[v] = ref;
  }
  return { files, synthesized };
}
