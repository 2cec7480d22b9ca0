import path from 'node:path';
import type { DeckOptions } from '../model/deck-options.js';
import type { Config } from '../config/config-schema.js';
import type { OptionSpec } from './command.js';

export const sharedOptions: OptionSpec = {
  content: { type: 'string' },
  themes: { type: 'string' },
  out: { type: 'string' },
  theme: { type: 'string' },
  json: { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const sharedHelp = [
  '  --content DIR   deck folders (default: content)',
  '  --themes DIR    theme files (default: themes)',
  '  --out DIR       where decks are written (default: output)',
  '  --theme NAME    use this theme for every deck',
  '  --json          print diagnostics and results as JSON',
  '  --config FILE   config file (default: briefdeck.config.yaml if present)',
];

/**
 * The one place that states precedence for deck options: flags > environment
 * (BRIEFDECK_CONTENT, BRIEFDECK_THEMES, BRIEFDECK_OUT, BRIEFDECK_THEME) >
 * config file > defaults.
 */
export function deckOptions(values: Record<string, unknown>, env: NodeJS.ProcessEnv, config: Config = {}): DeckOptions {
  const pick = (flag: string, envName: string, fromConfig: string | undefined, fallback: string | undefined) =>
    (values[flag] as string | undefined) ?? env[envName] ?? fromConfig ?? fallback;
  return {
    contentDir: path.resolve(pick('content', 'BRIEFDECK_CONTENT', config.contentDir, 'content')!),
    themesDir: path.resolve(pick('themes', 'BRIEFDECK_THEMES', config.themesDir, 'themes')!),
    outDir: path.resolve(pick('out', 'BRIEFDECK_OUT', config.outDir, 'output')!),
    theme: (values.theme as string | undefined) ?? env.BRIEFDECK_THEME,
    defaultTheme: config.defaultTheme,
    keepVersions: config.history?.keep,
  };
}
