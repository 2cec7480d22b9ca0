import { faceKey } from './font-files.js';

/**
 * Faces that can be measured with another family because that family has
 * the same advance widths glyph for glyph, in order of preference (the
 * first one found is used). Every pair is one fontconfig documents as
 * metric-compatible in `30-metric-aliases.conf` (the "Microsoft fonts" and
 * "PostScript fonts" tables at its top): Liberation, Google's ChromeOS core
 * fonts (Arimo, Tinos, Cousine, Carlito, Caladea) and Gelasio for the
 * Microsoft faces; URW++ and GUST's TeX Gyre for the PostScript ones.
 * Helvetica, Times and Courier also take Arial's, Times New Roman's and
 * Courier New's clones, which fontconfig aliases to them as the same
 * metric family (its step 2, "Arial to Helvetica"). Faces merely similar in
 * design (Segoe UI, Aptos, Consolas…) are deliberately absent: their widths
 * differ, so measuring with a look-alike would promise a fit we cannot keep.
 */
const ALIASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Calibri', ['Carlito']],
  ['Cambria', ['Caladea']],
  ['Arial', ['Liberation Sans', 'Arimo']],
  ['Helvetica', ['Liberation Sans', 'Arimo', 'Nimbus Sans', 'TeX Gyre Heros']],
  ['Arial Narrow', ['Liberation Sans Narrow']],
  ['Helvetica Narrow', ['Liberation Sans Narrow', 'Nimbus Sans Narrow', 'TeX Gyre Heros Cn']],
  ['Times New Roman', ['Liberation Serif', 'Tinos']],
  ['Times', ['Liberation Serif', 'Tinos', 'Nimbus Roman', 'TeX Gyre Termes']],
  ['Courier New', ['Liberation Mono', 'Cousine']],
  ['Courier', ['Liberation Mono', 'Cousine', 'Nimbus Mono PS', 'TeX Gyre Cursor']],
  ['Georgia', ['Gelasio']],
];

const BY_KEY = new Map(ALIASES.map(([face, subs]) => [faceKey(face), subs]));

/** The metric-compatible families for `face`, best first; none for a face without a documented one. */
export const metricCompatible = (face: string): readonly string[] => BY_KEY.get(faceKey(face)) ?? [];

/** The faces that have metric-compatible substitutes, as the table spells them. */
export const aliasedFaces = (): string[] => ALIASES.map(([face]) => face);
