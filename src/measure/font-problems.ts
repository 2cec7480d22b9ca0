import path from 'node:path';
import { displayPath } from '../util/display-path.js';
import { faceKey } from './font-files.js';
import { resolveFace, type FontContext } from './font-resolution.js';
import { sidecarProblems, type FontProblem } from './font-sidecar.js';
import { systemFonts } from './fontconfig.js';
import { standInFor, type StandIn } from './stand-in.js';

/**
 * Everything that stops `faces` from being measured, before anything is
 * built: each face that no step resolves, and every wrong path in the
 * sidecar's map (used or not). The caller turns each into a diagnostic
 * naming the template file; an empty list means every face measures.
 * With `ctx.standIns`, a face measured by a stand-in is `stand-in-font` (a
 * warning for the caller) instead of `unmeasurable-font`.
 */
export function fontProblems(faces: Iterable<string>, ctx: FontContext): FontProblem[] {
  const out = ctx.themesDir === undefined ? [] : sidecarProblems(ctx.sidecar, ctx.themesDir);
  const broken = new Set(out.map((p) => faceKey(p.face)));
  const seen = new Set<string>();
  for (const face of faces) {
    const key = faceKey(face);
    if (seen.has(key) || broken.has(key)) continue;
    seen.add(key);
    if (resolveFace(face, ctx)) continue;
    const standIn = ctx.standIns ? standInFor(face, ctx) : undefined;
    out.push(standIn ? standInProblem(standIn, ctx) : unmeasurable(face, ctx));
  }
  return out;
}

/** The problem for a face no step resolves, with what the renderers would draw instead and the three fixes. */
export function unmeasurable(face: string, ctx: FontContext): FontProblem {
  const system = ctx.system === false ? undefined : (ctx.system ?? systemFonts);
  const instead = system?.substitute(face);
  const fallback =
    instead && faceKey(instead) !== faceKey(face)
      ? `; this machine would draw it as \`${instead}\`, whose widths differ`
      : '';
  const folders = ctx.fontsDirs.map((d) => `\`${displayPath(d)}\``).join(', ');
  const fontsDir = displayPath(ctx.fontsDirs[0] ?? path.join(ctx.themesDir ?? 'themes', 'fonts'));
  return {
    code: 'unmeasurable-font',
    face,
    message: `Unexpected font \`${face}\`, expected one briefdeck can measure: no font of that family in ${folders || 'the fonts folders'}, no metric-compatible family, ${system ? 'not installed' : 'and installed fonts are not looked at'}${ctx.themesDir === undefined ? '' : ", not mapped in the theme sidecar's `fonts:`"}${fallback}`,
    fix: `put the font's .ttf or .otf files in \`${fontsDir}\`, install the font, or map \`${face}\` to font files under \`fonts:\` in the theme's .yaml sidecar`,
  };
}

/** A face measured with a stand-in: what measures it, what that costs, and the three ways to an exact fit. */
export function standInProblem(s: StandIn, ctx: FontContext): FontProblem {
  const exact = unmeasurable(s.face, ctx);
  return {
    code: 'stand-in-font',
    face: s.face,
    message: `Unexpected font \`${s.face}\`, expected one briefdeck can measure exactly: measured with ${s.description}, so text fits but may leave more room than it needs and break into more slides`,
    fix: exact.fix,
  };
}
