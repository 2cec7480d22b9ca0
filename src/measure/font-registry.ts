import { DEFAULT_FONTS_DIR, faceKey, type FontFiles } from './font-files.js';
import { fontFolder } from './font-folder.js';
import { resolveFace } from './font-resolution.js';
import { aliasedFaces } from './metric-aliases.js';

export { DEFAULT_FONTS_DIR, faceKey, variantOf, type FontFiles, type FontVariant } from './font-files.js';

/**
 * The face names the built-in themes can use: every family shipped in
 * `fontsDir` and every face with a metric-compatible family there
 * (matching is case-insensitive).
 */
export function measurableFaces(fontsDir: string = DEFAULT_FONTS_DIR): string[] {
  const shipped = [...fontFolder(fontsDir).families.values()].map((f) => f.name);
  const aliased = aliasedFaces().filter((face) => resolveFontFiles(face, fontsDir) !== undefined);
  const out = new Map<string, string>();
  for (const f of [...aliased, ...shipped]) if (!out.has(faceKey(f))) out.set(faceKey(f), f);
  return [...out.values()];
}

/**
 * Absolute paths of the shipped files that measure `face` (a style the
 * family lacks borrows another's file, font-variants.ts), or `undefined`
 * when nothing in `fontsDir` measures it (then the theme must refuse the font).
 */
export function resolveFontFiles(face: string, fontsDir: string = DEFAULT_FONTS_DIR): FontFiles | undefined {
  const r = resolveFace(face, { fontsDirs: [fontsDir], system: false });
  return (
    r && {
      regular: r.files.regular.file,
      bold: r.files.bold.file,
      italic: r.files.italic.file,
      boldItalic: r.files.boldItalic.file,
    }
  );
}
