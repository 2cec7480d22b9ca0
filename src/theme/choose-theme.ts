import { DEFAULT_THEME } from './load-theme.js';

/**
 * The theme a deck is built with, stated once for the build and for the
 * inputs hash: `--theme`/BRIEFDECK_THEME > deck.yaml `theme` > config
 * `defaultTheme` > the built-in default.
 */
export function chooseTheme(opts: { theme?: string; defaultTheme?: string }, deckTheme: string | undefined): string {
  return opts.theme ?? deckTheme ?? opts.defaultTheme ?? DEFAULT_THEME;
}
