import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../util/display-path.js';
import { kindOf } from '../input/read-input.js';
import { isInside } from '../util/path-inside.js';
import { isIoError, ioCause } from '../util/io-error.js';
import { faceKey, VARIANTS, type FontRef, type FontVariant } from './font-files.js';
import { fontNames } from './font-names.js';
import type { Faces } from './font-variants.js';

/** One entry of a theme sidecar's `fonts:` map: a file for every style, or a file per style (regular required). */
export type SidecarFont =
  | string
  | { readonly regular: string; readonly bold?: string; readonly italic?: string; readonly boldItalic?: string };

/** The sidecar's `fonts:` map, face name → font file paths relative to the themes folder. */
export type SidecarFonts = Readonly<Record<string, SidecarFont>>;

/** A face that cannot be measured, or a sidecar font path that is wrong: data for the caller's diagnostic. */
export interface FontProblem {
  readonly code:
    | 'unmeasurable-font'
    | 'stand-in-font'
    | 'font-file-outside'
    | 'font-file-missing'
    | 'font-file-not-a-file'
    | 'font-file-not-a-font'
    | 'font-file-unreadable'
    | 'font-map-duplicate';
  /** The face name as the template or the sidecar spells it. */
  readonly face: string;
  /** Where in the sidecar, for a sidecar problem: `['fonts', face]` or `['fonts', face, 'bold']`. */
  readonly keyPath?: readonly string[];
  readonly message: string;
  readonly fix: string;
}

/** A sidecar entry's files by style, or what is wrong with its paths. */
export type SidecarEntry =
  | { readonly key: string; readonly family: string; readonly faces: Faces; readonly problems?: undefined }
  | { readonly key: string; readonly problems: readonly FontProblem[] };

/** The entry for `face` (keys match like face names), `undefined` when the sidecar does not map it. */
export function sidecarEntry(
  face: string,
  sidecar: SidecarFonts | undefined,
  themesDir: string,
): SidecarEntry | undefined {
  const key = Object.keys(sidecar ?? {}).find((k) => faceKey(k) === faceKey(face));
  return key === undefined ? undefined : readEntry(key, sidecar![key], themesDir);
}

/**
 * Every problem in the sidecar's map, whether or not a template uses the face: a wrong path is an error, never skipped.
 */
export function sidecarProblems(sidecar: SidecarFonts | undefined, themesDir: string): FontProblem[] {
  const out: FontProblem[] = [];
  const seen = new Map<string, string>();
  for (const [key, entry] of Object.entries(sidecar ?? {})) {
    const first = seen.get(faceKey(key));
    if (first !== undefined) {
      out.push({
        code: 'font-map-duplicate',
        face: key,
        keyPath: ['fonts', key],
        message: `Unexpected \`${key}\` in \`fonts:\`, already mapped as \`${first}\` (face names match whatever their case and spacing)`,
        fix: 'keep one of the two entries',
      });
      continue;
    }
    seen.set(faceKey(key), key);
    out.push(...(readEntry(key, entry, themesDir).problems ?? []));
  }
  return out;
}

function readEntry(key: string, entry: SidecarFont, themesDir: string): SidecarEntry {
  const paths: [FontVariant, string, string[]][] =
    typeof entry === 'string'
      ? [['regular', entry, ['fonts', key]]]
      : VARIANTS.flatMap((v): [FontVariant, string, string[]][] =>
          entry[v] === undefined ? [] : [[v, entry[v]!, ['fonts', key, v]]],
        );
  const faces: Faces = {};
  const problems: FontProblem[] = [];
  let family: string | undefined;
  for (const [variant, rel, keyPath] of paths) {
    const r = fontFile(key, rel, keyPath, themesDir);
    if ('problem' in r) problems.push(r.problem);
    else {
      faces[variant] = r.ref;
      family ??= r.family;
    }
  }
  return problems.length > 0 || family === undefined ? { key, problems } : { key, family, faces };
}

/** One sidecar path: inside the themes folder (links resolved), an existing regular file, and a font. */
function fontFile(
  face: string,
  rel: string,
  keyPath: string[],
  themesDir: string,
): { ref: FontRef; family: string } | { problem: FontProblem } {
  const at = `\`${rel}\` for \`${face}\` in \`fonts:\``;
  const problem = (code: FontProblem['code'], message: string, fix: string) => ({
    problem: { code, face, keyPath, message, fix },
  });
  const root = path.resolve(themesDir);
  const full = path.resolve(root, rel);
  const outside = () =>
    problem(
      'font-file-outside',
      `Unexpected font file ${at}, outside the themes folder \`${displayPath(root)}\`, expected a path inside it`,
      `copy the font into \`${displayPath(path.join(root, 'fonts'))}\` and map it as \`fonts/${path.basename(rel)}\``,
    );
  if (!isInside(root, full)) return outside();
  let real: string;
  try {
    real = realpathSync(full);
    if (!isInside(realpathSync(root), real)) return outside();
    const st = statSync(real);
    if (!st.isFile())
      return problem(
        'font-file-not-a-file',
        `Unexpected ${kindOf(st)} ${at}, expected a font file`,
        'map the face to a .ttf, .otf, .ttc or .otc file',
      );
    const names = fontNames(real);
    if (names.length === 0)
      return problem(
        'font-file-not-a-font',
        `Unexpected ${at}: not a TrueType or OpenType font, expected a .ttf, .otf, .ttc or .otc file`,
        'map the face to the font file itself (a .woff or .woff2 must be converted to .ttf first)',
      );
    return { ref: names[0].ref, family: names[0].families[0] };
  } catch (e) {
    if (!isIoError(e)) throw e;
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR' || e.code === 'ELOOP')
      return problem(
        'font-file-missing',
        `Missing font file ${at}: no file \`${displayPath(full)}\``,
        "check the path (it is relative to the themes folder) and the file name's case",
      );
    return problem('font-file-unreadable', `Unreadable font file ${at}: ${ioCause(e)}`, 'make the file readable');
  }
}
