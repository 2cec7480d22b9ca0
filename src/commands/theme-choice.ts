import type { Config } from '../config/config-schema.js';
import { UsageError } from '../model/errors.js';
import { findTheme, listThemes } from '../theme/load-theme.js';
import { didYouMean, withSuggestion } from '../util/did-you-mean.js';
import { displayPath } from '../util/display-path.js';
import { deckOptions } from './options.js';

/**
 * A theme chosen with --theme (or BRIEFDECK_THEME) that is not in the themes folder is a usage error (exit 2), not a
 * problem of a file that does not exist: it says where the name came from, the nearest theme and the ones there are.
 */
export async function checkThemeChoice(
  values: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  config: Config,
): Promise<void> {
  const opts = deckOptions(values, env, config);
  if (!opts.theme || (await findTheme(opts.themesDir, opts.theme))) return;
  const known = await listThemes(opts.themesDir);
  const from = values.theme !== undefined ? '--theme' : 'BRIEFDECK_THEME';
  const there =
    known.length > 0
      ? `the themes in \`${displayPath(opts.themesDir)}\` are ${known.map((k) => `\`${k}\``).join(', ')}.`
      : `\`${displayPath(opts.themesDir)}\` holds no themes (set the folder with --themes)`;
  throw new UsageError(
    'unknown-theme',
    `Unknown theme \`${opts.theme}\` (from ${from})${withSuggestion(didYouMean(opts.theme, known), there)}`,
  );
}
