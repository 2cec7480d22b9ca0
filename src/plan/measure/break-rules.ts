/** Where a line may break inside a word, as LibreOffice 7.4 does it. */

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t';

/** Characters a line may break after (under the conditions below). */
const AFTER = new Set(['-', '\u2013', '\u2014', '?', '!', '|', '\u2026', '\\', '/']);

/** LibreOffice glues a path: a break after `/` moves to whitespace up to this far back. */
const SLASH_LOOKBACK = 65;

/**
 * Whether a line may break between `text[i]` and `text[i + 1]` inside a word
 * (spaces are handled by the caller). These are the opportunities LibreOffice
 * 7.4 uses (its ICU line rules, checked on every pair below), limited to those
 * PowerPoint is also expected to honour:
 * - after a hyphen preceded by a letter, digit or hyphen and followed by a
 *   letter or digit (`well-|known`, `COVID-|19`, `2020-|2021`, `--|theme`);
 * - after an en dash, after an em dash, and before an em dash;
 * - after `?`, `!`, `|`, `…`, and `\` unless between digits;
 * - and for all of these only before a letter, a digit or an em dash, never
 *   before punctuation or quotes (`…;` and `?”` stay together);
 * - after `/` before a letter, only where LibreOffice keeps it: it moves a
 *   break after `/` back to the whitespace before the path when there is one
 *   within 65 characters ("i#17155"), so in prose a path never breaks at its
 *   slashes.
 * Not after `.`, `,`, `:`, `;`, brackets, quotes or other symbols.
 */
export function canBreakInside(text: string, i: number): boolean {
  const c = text[i];
  const next = text[i + 1];
  if (next === undefined || (next !== '\u2014' && !AFTER.has(c)) || isSpace(next)) return false;
  if (next === '\u2014' && c !== '\u2014' && !/[([{\u00ab\u201c\u2018"']/.test(c)) return true;
  // Never before closing punctuation or quotes (`…;`, `—)`, `?”`).
  if (!isWordChar(next) && next !== '\u2014') return false;
  switch (c) {
    case '-':
      return (isWordChar(text[i - 1]) || text[i - 1] === '-') && isWordChar(next);
    case '\u2013':
    case '\u2014':
    case '?':
    case '!':
    case '|':
    case '\u2026':
      return true;
    case '\\':
      return !(/\d/.test(text[i - 1] ?? '') && /\d/.test(next));
    case '/': {
      if (!/\p{L}/u.test(next)) return false;
      for (let k = i - 1; k >= 0 && k >= i - SLASH_LOOKBACK; k--) if (isSpace(text[k])) return false;
      return true;
    }
    default:
      return false;
  }
}
