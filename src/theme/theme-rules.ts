import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import type { Theme } from '../model/theme.js';
import { resolveFontFiles } from '../measure/font-registry.js';
import { contrastRatio } from '../util/contrast.js';

type Locate = (keyPath: readonly string[]) => Position;
export type ThemeRule = (theme: Theme, at: Locate) => Diagnostic[];

type ColorKey = keyof Theme['colors'];

/** Text/background pairs and the WCAG AA ratio each needs: decks are projected in bright rooms. */
const CONTRAST: [fg: ColorKey, bg: ColorKey, min: number, what: string][] = [
  ['text', 'background', 4.5, 'body text'],
  ['title', 'background', 3, 'titles'],
  ['muted', 'background', 4.5, 'footer text'],
  ['link', 'background', 4.5, 'links'],
  ['tableHeaderText', 'tableHeaderBackground', 4.5, 'table header text'],
  ['text', 'tableBand', 4.5, 'text on banded table rows'],
  ['bannerText', 'bannerBackground', 4.5, 'classification banner text'],
];

const contrast: ThemeRule = (theme, at) =>
  CONTRAST.flatMap(([fg, bg, min, what]) => {
    const ratio = contrastRatio(theme.colors[fg], theme.colors[bg]);
    return ratio >= min
      ? []
      : [
          diagnostic(
            'error',
            'low-contrast',
            at(['colors', fg]),
            `Unexpected contrast ${ratio.toFixed(2)}:1 between \`${fg}\` #${theme.colors[fg]} and \`${bg}\` #${theme.colors[bg]}, expected at least ${min}:1 for ${what} (WCAG AA)`,
            `darken or lighten one of the two colours`,
          ),
        ];
  });

const measurableFonts: ThemeRule = (theme, at) =>
  (['heading', 'body', 'mono'] as const).flatMap((role) =>
    resolveFontFiles(theme.fonts[role])
      ? []
      : [
          diagnostic(
            'error',
            'unmeasurable-font',
            at(['fonts', role]),
            `Unknown font \`${theme.fonts[role]}\` for ${role}: briefdeck has no metrics for it, so it cannot guarantee text fits`,
            'use Calibri, Carlito, Arial, Liberation Sans, Courier New or Liberation Mono',
          ),
        ],
  );

const minimumsBelowSizes: ThemeRule = (theme, at) =>
  (['title', 'body', 'table'] as const).flatMap((k) => {
    const min = theme.sizes[`${k}Min`];
    return min <= theme.sizes[k]
      ? []
      : [
          diagnostic(
            'error',
            'size-below-minimum',
            at(['sizes', `${k}Min`]),
            `Unexpected \`sizes.${k}Min\` ${min} above \`sizes.${k}\` ${theme.sizes[k]}, expected the minimum to be at most the size`,
          ),
        ];
  });

export const themeRules: ThemeRule[] = [contrast, measurableFonts, minimumsBelowSizes];
