/** briefdeck's library API: what the CLI itself uses. */
export { buildDeck, checkDeck, timestampOf, type BuildResult, type CheckResult, type DeckOptions } from './build.js';
export { listDecks, loadDeckSource } from './content/load-deck.js';
export { sourceToArticle } from './content/source-to-article.js';
export { validateArticle, rules } from './validate/validate-article.js';
export { articleToDeck } from './plan/article-to-deck.js';
export { deckToPptx } from './render/deck-to-pptx.js';
export { loadTheme, listThemes, DEFAULT_THEME } from './theme/load-theme.js';
export { hasErrors } from './model/diagnostic.js';
export { formatDiagnostic } from './util/format-diagnostic.js';
export type * from './model/article.js';
export type * from './model/deck.js';
export type * from './model/theme.js';
export type * from './model/diagnostic.js';
export * from './model/errors.js';
