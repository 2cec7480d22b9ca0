import { ThemeError } from '../model/errors.js';
import { faceKey, variantOf } from './font-files.js';
import { fontFolder } from './font-folder.js';
import { unmeasurable } from './font-problems.js';
import { resolveFace, type FontContext, type ResolvedFace } from './font-resolution.js';
import { openFont, type FontSet, type ShapingFont } from './font-set.js';
import { standInFor } from './stand-in.js';

/** A font set that also tells how each face it was asked for was resolved (for `check`, reports and input hashes). */
export interface ResolvingFontSet extends FontSet {
  /** The face as resolved now, `undefined` when it cannot be measured. */
  resolve(face: string): ResolvedFace | undefined;
}

/**
 * The font set that measures any face `resolveFace` resolves in `ctx` (or,
 * with `ctx.standIns`, its stand-in); `font()` on one it cannot throws
 * ThemeError `unmeasurable-font` naming the face. Resolutions are kept per
 * face and redone only when a fonts folder changed (folders are re-checked at
 * most once per second, like the font files themselves in `openFont`), so
 * `font()` stays a map lookup on the planner's hot path.
 */
export function resolvingFonts(ctx: FontContext): ResolvingFontSet {
  const memo = new Map<string, { version: string; face: ResolvedFace | undefined }>();
  const resolve = (face: string): ResolvedFace | undefined => {
    const key = faceKey(face);
    const version = ctx.fontsDirs.map((d) => fontFolder(d).version).join(',');
    const hit = memo.get(key);
    if (hit && hit.version === version) return hit.face;
    const r = resolveFace(face, ctx) ?? (ctx.standIns ? standInFor(face, ctx) : undefined);
    memo.set(key, { version, face: r });
    return r;
  };
  return {
    resolve,
    has: (face) => resolve(face) !== undefined,
    font(face, bold, italic) {
      const r = resolve(face);
      if (!r) {
        const p = unmeasurable(face, ctx);
        throw new ThemeError(p.code, `${p.message} (fix: ${p.fix})`);
      }
      const ref = r.files[variantOf(bold, italic)];
      const font = openFont(ref.file, ref.index);
      return r.widthScale === undefined || r.widthScale === 1 ? font : widened(font, r.widthScale);
    },
  };
}

/**
 * The font with every advance `scale` times as wide: a smaller em gives wider advances in every width computed
 * from it. A separate object per scale, so the shaping caches (keyed by font) never mix the two.
 */
function widened(font: ShapingFont, scale: number): ShapingFont {
  let byScale = WIDENED.get(font);
  if (!byScale) WIDENED.set(font, (byScale = new Map()));
  let out = byScale.get(scale);
  if (!out) byScale.set(scale, (out = { file: font.file, unitsPerEm: font.unitsPerEm / scale, hbFont: font.hbFont }));
  return out;
}

const WIDENED = new WeakMap<ShapingFont, Map<number, ShapingFont>>();
