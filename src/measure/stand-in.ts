import { faceKey } from './font-files.js';
import { resolveFace, type FontContext, type ResolvedFace } from './font-resolution.js';
import { openFont } from './font-set.js';
import { shapeText } from './shape.js';

/** The three kinds a stand-in is chosen within: a serif face is never measured with a monospaced one. */
export type FontKind = 'serif' | 'sans' | 'mono';

/**
 * How much wider than the widest face of its kind a stand-in measures. The
 * stand-in is already the widest face installed, so this only covers real
 * faces wider still (Verdana and Lucida Sans are about DejaVu Sans's width);
 * measured distances are in docs/template-fonts.md.
 */
export const STAND_IN_MARGIN = 0.05;

/**
 * Candidates for each kind, widest known first. Free families that are
 * commonly installed (DejaVu ships with LibreOffice's Debian packages) or
 * shipped in themes/fonts; which of them a machine has decides, and the
 * widest found (by the sample below) is the stand-in. A fixed list, rather
 * than every installed family, keeps symbol, display and CJK-only fonts out.
 */
const CANDIDATES: Readonly<Record<FontKind, readonly string[]>> = {
  sans: ['DejaVu Sans', 'Verdana', 'Liberation Sans', 'Arimo', 'Carlito'],
  serif: ['DejaVu Serif', 'Liberation Serif', 'Tinos', 'Caladea', 'Gelasio'],
  mono: ['DejaVu Sans Mono', 'Liberation Mono', 'Cousine'],
};

/** Briefing prose with figures and capitals: what the width of a face is judged on. */
const SAMPLE =
  'The Quick Brown Fox: outlook, options and 24 risks (12%) for 2026. WHAT CHANGED SINCE MAY? Sanctions, talks.';

/**
 * The kind of a face, from its name: PowerPoint templates name faces, and the
 * name is all a machine without the font has. Mono and serif words are
 * checked first; everything else (Calibri Light, Aptos, Segoe UI, corporate
 * faces) is taken as sans, the usual kind for slides.
 */
export function fontKind(face: string): FontKind {
  const k = faceKey(face);
  if (/\bmono\b|mono(space|type)|\bcode\b|consol|courier|typewriter|\bfixed|menlo|inconsolata|\bterminal/.test(k))
    return 'mono';
  if (/\bsans\b|sans-serif|\bgothic\b|grotesk|grotesque/.test(k)) return 'sans';
  if (
    /\bserif\b|roman|times|georgia|cambria|garamond|palatino|book antiqua|baskerville|bodoni|caslon|minion|century|didot|bookman|constantia|rockwell|charter|cochin|perpetua|goudy|sabon|tiempos|merriweather|\bslab\b|明朝|mincho|宋体|song/.test(
      k,
    )
  )
    return 'serif';
  return 'sans';
}

export interface StandIn extends ResolvedFace {
  readonly step: 'stand-in';
  readonly kind: FontKind;
  /** Advance widths are multiplied by this when measuring (1 + STAND_IN_MARGIN). */
  readonly widthScale: number;
}

/**
 * The stand-in that measures `face` when nothing measures it exactly: the
 * widest candidate of its kind that `ctx` resolves (a kind with none falls
 * back to the widest sans, which is wider than common serif faces), widened
 * by the margin. `undefined` only when no candidate resolves at all.
 */
export function standInFor(face: string, ctx: FontContext): StandIn | undefined {
  const kind = fontKind(face);
  const best = widest(kind, ctx) ?? (kind === 'sans' ? undefined : widest('sans', ctx));
  if (!best) return undefined;
  const widthScale = 1 + STAND_IN_MARGIN;
  return {
    ...best,
    face,
    step: 'stand-in',
    kind,
    widthScale,
    description: `${best.family} +${Math.round(STAND_IN_MARGIN * 100)}%, the widest ${kind === 'mono' ? 'monospaced' : kind} face here, standing in for \`${face}\``,
  };
}

const widestMemo = new Map<string, ResolvedFace | undefined>();

function widest(kind: FontKind, ctx: FontContext): ResolvedFace | undefined {
  const key = `${kind}\u0000${ctx.fontsDirs.join('\u0000')}\u0000${ctx.system === false ? 'offline' : 'system'}`;
  if (widestMemo.has(key)) return widestMemo.get(key);
  let best: { face: ResolvedFace; width: number } | undefined;
  for (const name of CANDIDATES[kind]) {
    // Candidates resolve without the sidecar: its map names the template's faces, not these.
    const r = resolveFace(name, { ...ctx, sidecar: undefined });
    if (!r) continue;
    const width = sampleWidth(r);
    if (!best || width > best.width) best = { face: r, width };
  }
  widestMemo.set(key, best?.face);
  return best?.face;
}

/** The sample's width in em, regular and bold together (headings are often bold). */
function sampleWidth(r: ResolvedFace): number {
  let em = 0;
  for (const ref of [r.files.regular, r.files.bold]) {
    const font = openFont(ref.file, ref.index);
    const shaped = shapeText(font, SAMPLE);
    for (const a of shaped.advances) em += a / shaped.unitsPerEm;
  }
  return em;
}
