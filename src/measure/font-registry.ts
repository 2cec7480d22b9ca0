import { existsSync } from 'node:fs';
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

/** `themes/fonts/` of this package, from src/ (vitest), dist/ or dist-bench/ alike. */
export const DEFAULT_FONTS_DIR = join(PACKAGE_ROOT, 'themes', 'fonts');

const CARLITO: FontFiles = {
  regular: 'Carlito-Regular.ttf',
  bold: 'Carlito-Bold.ttf',
  italic: 'Carlito-Italic.ttf',
  boldItalic: 'Carlito-BoldItalic.ttf',
};
const LIBERATION_SANS: FontFiles = {
  regular: 'LiberationSans-Regular.ttf',
  bold: 'LiberationSans-Bold.ttf',
  italic: 'LiberationSans-Italic.ttf',
  boldItalic: 'LiberationSans-BoldItalic.ttf',
};
/** No italic files are shipped: a monospaced italic has the same advances as upright. */
const LIBERATION_MONO: FontFiles = {
  regular: 'LiberationMono-Regular.ttf',
  bold: 'LiberationMono-Bold.ttf',
  italic: 'LiberationMono-Regular.ttf',
  boldItalic: 'LiberationMono-Bold.ttf',
};

/** Theme face names we can measure, each with metric-compatible files. */
const FACES: ReadonlyArray<readonly [string, FontFiles]> = [
  ['Calibri', CARLITO],
  ['Carlito', CARLITO],
  ['Arial', LIBERATION_SANS],
  ['Helvetica', LIBERATION_SANS],
  ['Liberation Sans', LIBERATION_SANS],
  ['Courier New', LIBERATION_MONO],
  ['Liberation Mono', LIBERATION_MONO],
];

/** `" Liberation  SANS "` → `liberation sans`. */
export const faceKey = (face: string): string => face.trim().replace(/\s+/g, ' ').toLowerCase();

const BY_KEY = new Map(FACES.map(([name, files]) => [faceKey(name), files]));

/** The face names `resolveFontFiles` accepts (matching is case-insensitive). */
export function measurableFaces(): string[] {
  return FACES.map(([name]) => name);
}

/**
 * Absolute paths of the files that measure `face`, or `undefined` when the face
 * is unknown or a file is missing (then the theme must refuse the font).
 */
export function resolveFontFiles(face: string, fontsDir: string = DEFAULT_FONTS_DIR): FontFiles | undefined {
  const names = BY_KEY.get(faceKey(face));
  if (!names) return undefined;
  const files: FontFiles = {
    regular: join(fontsDir, names.regular),
    bold: join(fontsDir, names.bold),
    italic: join(fontsDir, names.italic),
    boldItalic: join(fontsDir, names.boldItalic),
  };
  return Object.values(files).every((f) => existsSync(f)) ? files : undefined;
}

export const variantOf = (bold?: boolean, italic?: boolean): FontVariant =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
