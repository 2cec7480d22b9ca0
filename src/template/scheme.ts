import { SCHEME_SLOTS as SLOTS, type SchemeSlot, type TemplateTheme } from '../model/template.js';
import { attr, child, children, NS, path, type Element } from './xml.js';

const PRESET: Record<string, string> = {
  black: '000000',
  white: 'FFFFFF',
  red: 'FF0000',
  green: '008000',
  blue: '0000FF',
  gray: '808080',
  grey: '808080',
};

export type ClrMap = TemplateTheme['clrMap'];

/** A theme part's colour scheme and its major and minor Latin fonts. */
export function readThemePart(theme: Element): { scheme: Record<SchemeSlot, string>; major: string; minor: string } {
  const elements = child(theme, NS.a, 'themeElements');
  const clr = child(elements, NS.a, 'clrScheme');
  const scheme = Object.fromEntries(
    SLOTS.map((s) => {
      const slot = child(clr, NS.a, s);
      return [s, (slot && baseColor(children(slot, NS.a)[0])) ?? (s.startsWith('lt') ? 'FFFFFF' : '000000')];
    }),
  ) as Record<SchemeSlot, string>;
  const fonts = child(elements, NS.a, 'fontScheme');
  const face = (which: string) =>
    attr(
      path(fonts, [
        [NS.a, which],
        [NS.a, 'latin'],
      ]),
      'typeface',
    ) || 'Calibri';
  return { scheme, major: face('majorFont'), minor: face('minorFont') };
}

/** A master's `p:clrMap` (PowerPoint's light mapping when it has none). */
export function readClrMap(master: Element): ClrMap {
  const m = child(master, NS.p, 'clrMap');
  const slot = (k: string, d: 'lt1' | 'dk1' | 'lt2' | 'dk2') => (attr(m, k) as ClrMap['bg1'] | undefined) ?? d;
  return { bg1: slot('bg1', 'lt1'), tx1: slot('tx1', 'dk1'), bg2: slot('bg2', 'lt2'), tx2: slot('tx2', 'dk2') };
}

/**
 * The hex a colour element (`a:srgbClr`, `a:schemeClr`, `a:sysClr`, `a:prstClr`) shows under a scheme and colour map,
 * with its luminance modifiers applied.
 */
export function colorOf(el: Element | undefined, scheme: Record<SchemeSlot, string>, map: ClrMap): string | undefined {
  if (!el) return undefined;
  let hex: string | undefined;
  if (el.localName === 'schemeClr') {
    const v = attr(el, 'val') ?? '';
    const slot = (v in map ? map[v as keyof ClrMap] : v) as SchemeSlot;
    hex = scheme[slot];
  } else hex = baseColor(el);
  if (!hex) return undefined;
  const mod = (name: string) => Number(attr(child(el, NS.a, name), 'val') ?? NaN) / 100000;
  const lumMod = mod('lumMod');
  const lumOff = mod('lumOff');
  let out =
    Number.isNaN(lumMod) && Number.isNaN(lumOff)
      ? hex
      : withLuminance(hex, Number.isNaN(lumMod) ? 1 : lumMod, Number.isNaN(lumOff) ? 0 : lumOff);
  // tint mixes towards white, shade towards black (in sRGB: close to what PowerPoint shows).
  const tint = mod('tint');
  const shade = mod('shade');
  if (!Number.isNaN(tint)) out = mix(out, (c) => c * tint + 255 * (1 - tint));
  if (!Number.isNaN(shade)) out = mix(out, (c) => c * shade);
  return out;
}

const mix = (hex: string, f: (c: number) => number) =>
  [0, 2, 4]
    .map((i) =>
      Math.round(Math.min(255, Math.max(0, f(parseInt(hex.slice(i, i + 2), 16)))))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();

/** A fill element's colour (`a:solidFill` → its colour child). */
export const fillColor = (fill: Element, scheme: Record<SchemeSlot, string>, map: ClrMap) =>
  colorOf(children(fill, NS.a)[0], scheme, map);

function baseColor(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const v =
    el.localName === 'sysClr'
      ? attr(el, 'lastClr')
      : el.localName === 'prstClr'
        ? PRESET[attr(el, 'val') ?? '']
        : attr(el, 'val');
  return v && /^[0-9a-f]{6}$/i.test(v) ? v.toUpperCase() : undefined;
}

/** HSL luminance modulation, as DrawingML's `lumMod`/`lumOff` define it. */
function withLuminance(hex: string, mod: number, off: number): string {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = Math.min(1, Math.max(0, l * mod + off));
  const hue = (p: number, q: number, t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    return u < 1 / 6 ? p + (q - p) * 6 * u : u < 1 / 2 ? q : u < 2 / 3 ? p + (q - p) * (2 / 3 - u) * 6 : p;
  };
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const rgb = s === 0 ? [l, l, l] : [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  return rgb
    .map((c) =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}
