import type { ColorRole } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import { luminance } from '../util/contrast.js';

/** The twelve colours of a DrawingML colour scheme (`a:clrScheme`). */
export interface ColorScheme {
  dk1: string;
  lt1: string;
  dk2: string;
  lt2: string;
  accent1: string;
  accent2: string;
  accent3: string;
  accent4: string;
  accent5: string;
  accent6: string;
  hlink: string;
  folHlink: string;
}

/** The names slides use (`a:schemeClr`), mapped onto the scheme by the master's `p:clrMap`. */
export type SchemeName =
  | 'tx1'
  | 'tx2'
  | 'bg1'
  | 'bg2'
  | 'accent1'
  | 'accent2'
  | 'accent3'
  | 'accent4'
  | 'accent5'
  | 'accent6';

export interface ThemeColors {
  scheme: ColorScheme;
  /** `p:clrMap`: which scheme slot each slide name uses (bg1 → lt1 on a light theme, → dk1 on a dark one). */
  map: Record<'bg1' | 'tx1' | 'bg2' | 'tx2', 'lt1' | 'dk1' | 'lt2' | 'dk2'>;
}

/**
 * The deck's colour scheme: a template's own, or a briefdeck theme's colours
 * as a PowerPoint colour scheme, so a shape,
 * text box or table a briefer adds comes out in the theme, not in Office
 * blue. Text and background are dk1/lt1 (swapped through the colour map on
 * a dark theme, as PowerPoint's own dark themes do), the title colour and
 * table banding dk2/lt2; accent1 is the brand colour of table headers,
 * accent2 the accent mark, accent3 the banner, accent4 muted text, accent5
 * links, accent6 table borders; hyperlinks use the link colour.
 */
export function themeColors(theme: Theme): ThemeColors {
  // An organisation's template has its own scheme: colours match its slots, or are written as hex.
  if (theme.template) return { scheme: theme.template.scheme, map: theme.template.clrMap };
  const c = theme.colors;
  const dark = luminance(c.background) < luminance(c.text);
  const accents = {
    accent1: c.tableHeaderBackground,
    accent2: c.accent,
    accent3: c.bannerBackground,
    accent4: c.muted,
    accent5: c.link,
    accent6: c.tableBorder,
  };
  if (dark) {
    return {
      scheme: {
        dk1: c.background,
        lt1: c.text,
        dk2: c.tableBand,
        lt2: c.title,
        ...accents,
        hlink: c.link,
        folHlink: c.link,
      },
      map: { bg1: 'dk1', tx1: 'lt1', bg2: 'dk2', tx2: 'lt2' },
    };
  }
  return {
    scheme: {
      dk1: c.text,
      lt1: c.background,
      dk2: c.title,
      lt2: c.tableBand,
      ...accents,
      hlink: c.link,
      folHlink: c.link,
    },
    map: { bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2' },
  };
}

/** Every slide name with the colour it shows. */
export function schemeValues(t: ThemeColors): Record<SchemeName, string> {
  const s = t.scheme;
  return {
    tx1: s[t.map.tx1],
    tx2: s[t.map.tx2],
    bg1: s[t.map.bg1],
    bg2: s[t.map.bg2],
    accent1: s.accent1,
    accent2: s.accent2,
    accent3: s.accent3,
    accent4: s.accent4,
    accent5: s.accent5,
    accent6: s.accent6,
  };
}

/** Theme colour of a role, as hex. */
export function hexOf(role: ColorRole, theme: Theme): string {
  const c = theme.colors;
  const byRole: Record<ColorRole, string> = {
    text: c.text,
    muted: c.muted,
    title: c.title,
    accent: c.accent,
    tableHeaderText: c.tableHeaderText,
    bannerText: c.bannerText,
  };
  return byRole[role];
}

/**
 * A colour as the scheme name that shows it (so it follows the theme when a
 * briefer changes it), else as hex. Text names are preferred over accents.
 */
export function colorRef(hex: string, theme: Theme): SchemeName | string {
  const values = schemeValues(themeColors(theme));
  const order: SchemeName[] = [
    'tx1',
    'tx2',
    'bg1',
    'bg2',
    'accent1',
    'accent2',
    'accent3',
    'accent4',
    'accent5',
    'accent6',
  ];
  return order.find((n) => values[n] === hex) ?? hex;
}
