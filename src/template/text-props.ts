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
}

const EMU_PER_PT = 12700;

/** A colour element (`a:srgbClr`, `a:schemeClr`, …) as hex, resolved through the master's colour map and theme. */
export type ColorOf = (fill: Element) => string | undefined;

function spacing(el: Element | undefined): Spacing | undefined {
  const pct = child(el, NS.a, 'spcPct');
  if (pct) return { pct: Number(attr(pct, 'val') ?? 100000) / 100000 };
  const pts = child(el, NS.a, 'spcPts');
  if (pts) return { pts: Number(attr(pts, 'val') ?? 0) / 100 };
  return undefined;
}

const bool = (v: string | undefined) => (v === undefined ? undefined : v === '1' || v === 'true');
const num = (v: string | undefined, scale: number) => (v === undefined || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v) / scale);

/** Run properties (`a:defRPr`, `a:rPr`, `a:endParaRPr`): size, weight, slant, Latin face, fill. */
export function runProps(rPr: Element | undefined, colorOf: ColorOf): LevelProps {
  if (!rPr) return {};
  const fill = child(rPr, NS.a, 'solidFill');
  const color = fill ? colorOf(fill) : undefined;
  const latin = attr(child(rPr, NS.a, 'latin'), 'typeface');
  return strip({ size: num(attr(rPr, 'sz'), 100), bold: bool(attr(rPr, 'b')), italic: bool(attr(rPr, 'i')), latin: latin || undefined, color });
}

/** One level's paragraph and run properties. */
export function levelProps(pPr: Element | undefined, colorOf: ColorOf): LevelProps {
  if (!pPr) return {};
  const font = attr(child(pPr, NS.a, 'buFont'), 'typeface');
  const bullet = child(pPr, NS.a, 'buNone') ? 'none' : child(pPr, NS.a, 'buAutoNum') ? 'number' : child(pPr, NS.a, 'buChar') ? { char: attr(child(pPr, NS.a, 'buChar'), 'char') || '•', ...(font ? { font } : {}) } : undefined;
  return strip({
    marL: num(attr(pPr, 'marL'), EMU_PER_PT),
    indent: num(attr(pPr, 'indent'), EMU_PER_PT),
    algn: attr(pPr, 'algn'),
    lnSpc: spacing(child(pPr, NS.a, 'lnSpc')),
    spcBef: spacing(child(pPr, NS.a, 'spcBef')),
    spcAft: spacing(child(pPr, NS.a, 'spcAft')),
    bullet,
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
    const lvl = Math.min(8, Number(attr(pPr, 'lvl') ?? 0));
    if (seen.has(lvl)) continue;
    seen.add(lvl);
    const r = children(p, NS.a, 'r')[0];
    out[lvl] = { ...runProps(child(p, NS.a, 'endParaRPr'), colorOf), ...runProps(child(r, NS.a, 'rPr'), colorOf), ...levelProps(pPr, colorOf) };
  }
  return out;
}

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
