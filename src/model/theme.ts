import type { TemplateTheme } from './template.js';

/** A resolved theme: every field filled in, colours as 6-digit hex without `#`. */
export interface Theme {
  name: string;
  /** The file it was read from, for diagnostics. */
  file: string;
  colors: {
    background: string;
    text: string;
    title: string;
    accent: string;
    muted: string;
    link: string;
    tableHeaderBackground: string;
    tableHeaderText: string;
    tableBand: string;
    tableBorder: string;
    bannerBackground: string;
    bannerText: string;
  };
  fonts: {
    heading: string;
    body: string;
    mono: string;
  };
  /** Font sizes in points; `*Min` is the smallest size the planner may shrink to before it splits. */
  sizes: {
    title: number;
    titleMin: number;
    subtitle: number;
    body: number;
    bodyMin: number;
    table: number;
    tableMin: number;
    quote: number;
    footer: number;
  };
  /** Line spacing as a multiple of the font's normal line height. */
  lineSpacing: number;
  /** Space after each paragraph, in points. */
  paragraphSpacing: number;
  footer: { show: boolean };
  /** Logo as PNG bytes, normalised with sharp, with its pixel size. */
  logo?: { data: Uint8Array; width: number; height: number };
  /** Set when the theme is an organisation's PowerPoint template: its layouts, styles and parts. */
  template?: TemplateTheme;
}
