import { attr, child, children, NS, type Element } from './xml.js';

/** A spacing as DrawingML gives it: a percentage of the line (`spcPct`) or points (`spcPts`). */
export type Spacing = { pct: number } | { pts: number };

/** What one list-style level (`a:lvlNpPr`, or a run's `a:rPr`) says, each property only when it says it. */
export interface LevelProps {
  marL?: number;
  indent?: number;
  algn?: string;
  lnSpc?: Spacing;
  spcBef?: Spacing;
  spcAft?: Spacing;
  bullet?: { char: string; font?: string } | 'none' | 'number';
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** `a:latin@typeface` as written (`+mj-lt` and `+mn-lt` name the theme fonts). */
  latin?: string;
  color?: string;
  /** `cap`: `all` and `small` set text in capitals. */
  caps?: boolean;
  /** `spc`, in points. */
  letterSpacing?: number;
  /** `buSzPct`, as a share. */
  bulletSize?: number;
}

const EMU_PER_PT = 12700;

/** A colour element (`a:srgbClr`, `a:schemeClr`, …) as hex, resolved through the master's colour map and theme. */
export type ColorOf = (fill: Element) => string | undefined;

function spacing(el: Element | undefined): Spacing | undefined {
  const pct = num(attr(child(el, NS.a, 'spcPct'), 'val'), 100000);
  if (pct !== undefined) return { pct: Math.max(0, pct) };
  const pts = num(attr(child(el, NS.a, 'spcPts'), 'val'), 100);
  return pts === undefined ? undefined : { pts: Math.max(0, pts) };
}

const bool = (v: string | undefined) => (v === undefined ? undefined : v === '1' || v === 'true');
/**
 * A number as DrawingML writes it: an integer, or (Transitional) a percentage `90%` (→ thousandths) or a universal
 * measure `1in` (→ EMU); anything else is as if absent.
 */
export function num(v: string | undefined, scale: number): number | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  let n: number;
  const pct = /^(-?\d+(?:\.\d+)?)%$/.exec(t);
  const measure = /^(-?\d+(?:\.\d+)?)(mm|cm|in|pt|pc|pi)$/.exec(t);
  if (pct) n = Number(pct[1]) * 1000;
  else if (measure)
    n =
      Number(measure[1]) * { mm: 36000, cm: 360000, in: 914400, pt: 12700, pc: 152400, pi: 152400 }[measure[2] as 'mm'];
  else n = t === '' ? NaN : Number(t);
  return Number.isFinite(n) ? n / scale : undefined;
}

/** Run properties (`a:defRPr`, `a:rPr`, `a:endParaRPr`): size, weight, slant, Latin face, fill. */
export function runProps(rPr: Element | undefined, colorOf: ColorOf): LevelProps {
  if (!rPr) return {};
  const fill = child(rPr, NS.a, 'solidFill');
  const color = fill ? colorOf(fill) : undefined;
  const latin = attr(child(rPr, NS.a, 'latin'), 'typeface');
  const cap = attr(rPr, 'cap');
  const size = num(attr(rPr, 'sz'), 100);
  return strip({
    size: size !== undefined && size > 0 ? size : undefined,
    bold: bool(attr(rPr, 'b')),
    italic: bool(attr(rPr, 'i')),
    latin: latin || undefined,
    color,
    caps: cap === undefined ? undefined : cap !== 'none',
    letterSpacing: num(attr(rPr, 'spc'), 100),
  });
}

/** One level's paragraph and run properties. */
export function levelProps(pPr: Element | undefined, colorOf: ColorOf): LevelProps {
  if (!pPr) return {};
  const font = attr(child(pPr, NS.a, 'buFont'), 'typeface');
  const bullet = child(pPr, NS.a, 'buNone')
    ? 'none'
    : child(pPr, NS.a, 'buAutoNum')
      ? 'number'
      : child(pPr, NS.a, 'buChar')
        ? { char: attr(child(pPr, NS.a, 'buChar'), 'char') || '•', ...(font ? { font } : {}) }
        : undefined;
  return strip({
    marL: num(attr(pPr, 'marL'), EMU_PER_PT),
    indent: num(attr(pPr, 'indent'), EMU_PER_PT),
    algn: attr(pPr, 'algn'),
    lnSpc: spacing(child(pPr, NS.a, 'lnSpc')),
    spcBef: spacing(child(pPr, NS.a, 'spcBef')),
    spcAft: spacing(child(pPr, NS.a, 'spcAft')),
    bullet,
    bulletSize: num(attr(child(pPr, NS.a, 'buSzPct'), 'val'), 100000),
    ...runProps(child(pPr, NS.a, 'defRPr'), colorOf),
  });
}

/** A list style (`a:lstStyle`, `p:bodyStyle`, `p:defaultTextStyle`): nine levels, each over its `a:defPPr`. */
export function listStyle(el: Element | undefined, colorOf: ColorOf): LevelProps[] {
  const base = levelProps(child(el, NS.a, 'defPPr'), colorOf);
  return Array.from({ length: 9 }, (_, i) => ({ ...base, ...levelProps(child(el, NS.a, `lvl${i + 1}pPr`), colorOf) }));
}

/**
 * What a shape's prompt text says per outline level (the first paragraph of
 * each level: its paragraph properties and its first run's): LibreOffice
 * writes a template's text styles there, not in list styles.
 */
export function promptLevels(txBody: Element | undefined, colorOf: ColorOf): LevelProps[] {
  const out: LevelProps[] = Array.from({ length: 9 }, () => ({}));
  const seen = new Set<number>();
  for (const p of txBody ? children(txBody, NS.a, 'p') : []) {
    const pPr = child(p, NS.a, 'pPr');
    const lvl = Math.min(8, Math.max(0, Math.trunc(num(attr(pPr, 'lvl'), 1) ?? 0)));
    if (seen.has(lvl)) continue;
    seen.add(lvl);
    const r = children(p, NS.a, 'r')[0];
    out[lvl] = {
      ...runProps(child(p, NS.a, 'endParaRPr'), colorOf),
      ...runProps(child(r, NS.a, 'rPr'), colorOf),
      ...levelProps(pPr, colorOf),
    };
  }
  return out;
}

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
