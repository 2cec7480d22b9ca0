import path from 'node:path';
import { displayPath } from '../util/display-path.js';
import { ThemeError } from '../model/errors.js';
import { isIoError } from '../util/io-error.js';
import { DEFAULT_FONTS_DIR, faceKey, VARIANTS, type FontRef, type FontVariant } from './font-files.js';
import { fontFolder } from './font-folder.js';
import { fontNames } from './font-names.js';
import { sidecarEntry, type SidecarFonts } from './font-sidecar.js';
import { completeFaces, familiesOf, type CompleteFaces, type Family } from './font-variants.js';
import { systemFonts, type SystemFonts } from './fontconfig.js';
import { metricCompatible } from './metric-aliases.js';

/** Where a face's files were found, in the order they are tried. */
export type ResolutionStep = 'themes-fonts' | 'metric-compatible' | 'fontconfig' | 'sidecar' | 'stand-in';

/** Where to look for fonts. */
export interface FontContext {
  /** Step 1 (and the first half of step 2): the build's `<themesDir>/fonts`, then briefdeck's own `themes/fonts`. */
  readonly fontsDirs: readonly string[];
  /** Step 4: the theme sidecar's `fonts:` map, parsed; its paths are relative to `themesDir`. */
  readonly sidecar?: SidecarFonts;
  readonly themesDir?: string;
  /** Installed fonts (steps 2 and 3): fontconfig by default; `false` to measure with shipped files only. */
  readonly system?: SystemFonts | false;
  /**
   * Step 5, for templates: a face nothing above resolves is measured with a never-narrower stand-in (stand-in.ts)
   * instead of being refused.
   */
  readonly standIns?: boolean;
}

/** The files that measure one face, and how they were found. */
export interface ResolvedFace {
  /** The face as asked for. */
  readonly face: string;
  /** The family that measures it (Carlito for Calibri), as its files name it. */
  readonly family: string;
  readonly step: ResolutionStep;
  /** A file for every style; a style the family lacks borrows another's file (see `synthesized`). */
  readonly files: Readonly<Record<FontVariant, FontRef>>;
  /** Styles with no file of their own, which the renderers synthesise from the borrowed file (font-variants.ts). */
  readonly synthesized: readonly FontVariant[];
  /** For people: `Carlito, metric-compatible with Calibri, from themes/fonts`. */
  readonly description: string;
  /** Advance widths are multiplied by this when measuring: above 1 for a stand-in, absent for an exact face. */
  readonly widthScale?: number;
}

/**
 * The context for a theme in `themesDir`: its `fonts/` folder, then briefdeck's, then the system, then the sidecar's
 * map.
 */
export function fontContextFor(themesDir: string, sidecar?: SidecarFonts): FontContext {
  const own = path.resolve(themesDir, 'fonts');
  const fontsDirs = own === path.resolve(DEFAULT_FONTS_DIR) ? [own] : [own, DEFAULT_FONTS_DIR];
  return { fontsDirs, sidecar, themesDir: path.resolve(themesDir) };
}

/**
 * The files that measure `face`, found in this order (issue 11):
 * 1. a font in one of the fonts folders whose family name (read from the
 *    file, never its file name) is the face;
 * 2. a metric-compatible family (metric-aliases.ts), in the fonts folders,
 *    then installed;
 * 3. an installed font of exactly that family (fontconfig's fallbacks never count);
 * 4. the sidecar's map.
 * `undefined` when nothing measures it. A sidecar path that leaves the
 * themes folder, is missing or is not a font throws a ThemeError when step
 * 4 is reached (`fontProblems` reports them all up front).
 */
export function resolveFace(face: string, ctx: FontContext): ResolvedFace | undefined {
  const system = ctx.system === false ? undefined : (ctx.system ?? systemFonts);
  const inFolders = (name: string) => {
    for (const dir of ctx.fontsDirs) {
      const f = fontFolder(dir).families.get(faceKey(name));
      const c = f && completeFaces(f.faces);
      if (f && c) return { family: f, complete: c, where: `from ${displayPath(dir)}` };
    }
    return undefined;
  };
  const installed = (name: string) => {
    const f = system && installedFamily(name, system);
    const c = f && completeFaces(f.faces);
    return f && c ? { family: f, complete: c, where: 'installed' } : undefined;
  };
  const own = inFolders(face);
  if (own) return resolved(face, 'themes-fonts', own.family.name, own.complete, `${own.family.name}, ${own.where}`);
  const subs = metricCompatible(face);
  const sub = first(subs, inFolders) ?? first(subs, installed);
  if (sub)
    return resolved(
      face,
      'metric-compatible',
      sub.family.name,
      sub.complete,
      `${sub.family.name}, metric-compatible with ${face}, ${sub.where}`,
    );
  const sys = installed(face);
  if (sys)
    return resolved(
      face,
      'fontconfig',
      sys.family.name,
      sys.complete,
      `${sys.family.name}, installed (${displayPath(path.dirname(sys.complete.files.regular.file))})`,
    );
  const entry = ctx.themesDir === undefined ? undefined : sidecarEntry(face, ctx.sidecar, ctx.themesDir);
  if (!entry) return undefined;
  if (entry.problems)
    throw new ThemeError(entry.problems[0].code, `${entry.problems[0].message} (fix: ${entry.problems[0].fix})`);
  const c = completeFaces(entry.faces)!;
  const file = path.relative(ctx.themesDir!, c.files.regular.file);
  return resolved(
    face,
    'sidecar',
    entry.family,
    c,
    `${entry.family} (${file}), mapped to ${entry.key} in the theme's \`fonts:\``,
  );
}

function resolved(face: string, step: ResolutionStep, family: string, c: CompleteFaces, where: string): ResolvedFace {
  return { face, family, step, files: c.files, synthesized: c.synthesized, description: where + borrowed(c) };
}

/** `; bold italic from the bold file (synthesised by the renderers)` for styles the family lacks. */
function borrowed(c: CompleteFaces): string {
  if (c.synthesized.length === 0) return '';
  const label = (v: FontVariant) =>
    ({ regular: 'regular', bold: 'bold', italic: 'italic', boldItalic: 'bold italic' })[v];
  const from = (v: FontVariant) => VARIANTS.find((o) => !c.synthesized.includes(o) && c.files[o] === c.files[v])!;
  return `; ${c.synthesized.map((v) => `${label(v)} from the ${label(from(v))} file`).join(', ')} (synthesised by the renderers)`;
}

function first<T>(names: readonly string[], find: (name: string) => T | undefined): T | undefined {
  for (const n of names) {
    const hit = find(n);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The installed family named exactly `name`, read from the files fontconfig lists for it (their own family names
 * decide).
 */
function installedFamily(name: string, system: SystemFonts): Family | undefined {
  const names = system.familyFiles(name).flatMap((ref) => {
    try {
      return fontNames(ref.file).filter((n) => n.ref.index === ref.index);
    } catch (e) {
      if (isIoError(e)) return [];
      throw e;
    }
  });
  return familiesOf(names).get(faceKey(name));
}
