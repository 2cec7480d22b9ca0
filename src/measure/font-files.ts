import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root.js';

/** The four font files measured for one face. */
export interface FontFiles {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

export type FontVariant = keyof FontFiles;

export const VARIANTS: readonly FontVariant[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** One face in a font file: a collection (.ttc/.otc) holds several, numbered from 0. */
export interface FontRef {
  readonly file: string;
  readonly index: number;
}

/** `themes/fonts/` of this package, from src/ (vitest), dist/ or dist-bench/ alike. */
export const DEFAULT_FONTS_DIR = join(PACKAGE_ROOT, 'themes', 'fonts');

/** `" Liberation  SANS "` → `liberation sans`: face names match case- and whitespace-insensitively. */
export const faceKey = (face: string): string => face.trim().replace(/\s+/g, ' ').toLowerCase();

export const variantOf = (bold?: boolean, italic?: boolean): FontVariant =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
