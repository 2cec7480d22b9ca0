import { listDecks } from '../content/load-deck.js';
import { UsageError } from '../model/errors.js';
import { didYouMean, withSuggestion } from '../util/did-you-mean.js';

/** The decks a command works on: the named ones (checked to exist), else every deck folder. */
export async function selectDecks(contentDir: string, named: readonly string[]): Promise<string[]> {
  let all: string[];
  try {
    all = await listDecks(contentDir);
  } catch {
    throw new UsageError(
      'content-missing',
      `Missing content folder \`${contentDir}\`, expected a folder of decks (set it with --content)`,
    );
  }
  if (named.length === 0) return all;
  const unknown = named.filter((n) => !all.includes(n));
  if (unknown.length > 0) {
    throw new UsageError(
      'unknown-deck',
      `Unknown deck ${unknown.map((u) => `\`${u}\``).join(', ')}${withSuggestion(unknown.length === 1 ? didYouMean(unknown[0], all) : '', `expected one of ${all.map((a) => `\`${a}\``).join(', ') || '(none)'}`)}`,
    );
  }
  return [...named];
}
