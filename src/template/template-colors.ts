import path from 'node:path/posix';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import type { LayoutSet } from '../model/layout-set.js';
import type { TemplateTheme } from '../model/template.js';
import type { Theme } from '../model/theme.js';
import { contrastRatio } from '../util/contrast.js';
import type { MasterInfo } from './read-masters.js';
import { fillColor } from './scheme.js';
import type { Sidecar } from './sidecar-schema.js';
import type { TemplateLayout } from './template-layouts.js';
import { attr, child, NS, path as xpath, type Element } from './xml.js';

export interface TemplateColors {
  colors: Theme['colors'];
  /** False when the background is a picture, gradient or pattern, whose colour cannot be checked for contrast. */
  backgroundKnown: boolean;
}

/**
 * The colours a content slide of the template shows (background, text,
 * title) and those briefdeck sets itself from the master's scheme: links,
 * the table style (header in accent 1, its text whichever of the scheme's
 * light, dark, white or black stands out most), and the sidecar's banner.
 */
export function templateColors(set: LayoutSet, primary: MasterInfo, sidecar: Sidecar): TemplateColors {
  const content = set.layouts[set.byNeed.content] as TemplateLayout;
  const map = primary.clrMap;
  const sch = primary.scheme;
  const contentInfo = primary.layouts.find((l) => path.basename(l.part) === content.file);
  const background = backgroundOf([contentInfo?.xml, primary.xml], sch, map);
  const text = content.colors.content ?? sch[map.tx1];
  const headerBg = sch.accent1;
  const headerText = [sch[map.bg1], sch[map.tx1], 'FFFFFF', '000000'].sort(
    (a, b) => contrastRatio(b, headerBg) - contrastRatio(a, headerBg),
  )[0];
  return {
    colors: {
      background: background.hex,
      text,
      title: content.colors.title ?? text,
      accent: sch.accent2,
      muted: text,
      link: sch.hlink,
      tableHeaderBackground: headerBg,
      tableHeaderText: headerText,
      tableBand: sch[map.bg2],
      tableBorder: sch[map.tx2],
      bannerBackground: sidecar.banner.background,
      bannerText: sidecar.banner.text,
    },
    backgroundKnown: background.known,
  };
}

/** Warnings for body text and titles that fall short of WCAG AA on a background of one known colour. */
export function contrastWarnings(c: TemplateColors, at: Position): Diagnostic[] {
  // A picture or gradient background has no one colour to check against.
  if (!c.backgroundKnown) return [];
  const { text, title, background } = c.colors;
  const checks = [
    [text, 4.5, 'body text'],
    [title, 3, 'titles'],
  ] as const;
  return checks.flatMap(([fg, min, what]) => {
    const ratio = contrastRatio(fg, background);
    if (ratio >= min) return [];
    return [
      diagnostic(
        'warning',
        'template-low-contrast',
        at,
        `Unexpected contrast ${ratio.toFixed(2)}:1 between the template's ${what} #${fg} and its background #${background}, expected at least ${min}:1 (WCAG AA)`,
        'darken or lighten the text or background colour in the template',
      ),
    ];
  });
}

/**
 * The background a content slide shows: the layout's own, else the master's;
 * a solid fill's colour, or the theme's background colour when neither has
 * one. `known` is false for a picture, gradient or pattern (or a theme fill
 * style), whose colour cannot be checked for contrast.
 */
function backgroundOf(
  parts: readonly (Element | undefined)[],
  scheme: TemplateTheme['scheme'],
  map: TemplateTheme['clrMap'],
): { hex: string; known: boolean } {
  for (const part of parts) {
    const bg = xpath(part, [
      [NS.p, 'cSld'],
      [NS.p, 'bg'],
    ]);
    if (!bg) continue;
    const solid = xpath(bg, [
      [NS.p, 'bgPr'],
      [NS.a, 'solidFill'],
    ]);
    if (solid) return { hex: fillColor(solid, scheme, map) ?? scheme[map.bg1], known: true };
    // The theme's first background fill style is a solid fill in the colour the reference names (PowerPoint's own
    // masters).
    const ref = child(bg, NS.p, 'bgRef');
    if (ref && attr(ref, 'idx') === '1001') return { hex: fillColor(ref, scheme, map) ?? scheme[map.bg1], known: true };
    return { hex: scheme[map.bg1], known: false };
  }
  return { hex: scheme[map.bg1], known: true };
}
