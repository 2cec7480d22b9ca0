import { ThemeError } from '../model/errors.js';
import { faceKey, variantOf } from './font-files.js';
import { fontFolder } from './font-folder.js';
import { unmeasurable } from './font-problems.js';
import { resolveFace, type FontContext, type ResolvedFace } from './font-resolution.js';
import { openFont, type FontSet } from './font-set.js';

/** A font set that also tells how each face it was asked for was resolved (for `check`, reports and input hashes). */
export interface ResolvingFontSet extends FontSet {
  /** The face as resolved now, `undefined` when it cannot be measured. */
  resolve(face: string): ResolvedFace | undefined;
}

/**
 * The font set that measures any face `resolveFace` resolves in `ctx`;
 * `font()` on one it cannot throws ThemeError `unmeasurable-font` naming the
 * face. Resolutions are kept per face and redone only when a fonts folder
 * changed (folders are re-checked at most once per second, like the font
 * files themselves in `openFont`), so `font()` stays a map lookup on the
 * planner's hot path.
 */
export function resolvingFonts(ctx: FontContext): ResolvingFontSet {
  const memo = new Map<string, { version: string; face: ResolvedFace | undefined }>();
  const resolve = (face: string): ResolvedFace | undefined => {
    const key = faceKey(face);
    const version = ctx.fontsDirs.map((d) => fontFolder(d).version).join(',');
    const hit = memo.get(key);
    if (hit && hit.version === version) return hit.face;
    const r = resolveFace(face, ctx);
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
      return openFont(ref.file, ref.index);
    },
  };
}
