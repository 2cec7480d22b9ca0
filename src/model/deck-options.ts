/** Where a run's decks, themes and outputs are, and the settings every stage of it shares. */
export interface DeckOptions {
  contentDir: string;
  themesDir: string;
  outDir: string;
  /** Overrides every deck's `theme`. */
  theme?: string;
  /** For decks whose deck.yaml names no theme (from the config file). */
  defaultTheme?: string;
  /** How many versions of each deck `output/versions/` keeps (config `history.keep`). */
  keepVersions?: number;
}
