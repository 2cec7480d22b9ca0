import { breakOpportunities } from '../../measure/line-breaks.js';
import { diagnostic } from '../../model/diagnostic.js';
import { blockTexts, type Rule } from '../rule.js';

/**
 * The longest stretch of text a slide may show without a place to break the
 * line: 2,000 characters fill a whole slide at the smallest body size with
 * characters nobody can read aloud (a pasted key, a data blob). Such text is
 * refused rather than laid out over many slides.
 */
export const MAX_UNBROKEN = 2000;

/** Text with a stretch longer than MAX_UNBROKEN and no break opportunity in it. */
export const unbreakableText: Rule = (article) => {
  const out = [];
  for (const s of article.sections) {
    for (const [text, at] of [[s.title, s.titlePosition] as const, ...s.blocks.flatMap(blockTexts)]) {
      const n = longestUnbroken(text);
      if (n > MAX_UNBROKEN) {
        out.push(
          diagnostic(
            'error',
            'unbreakable-text',
            at,
            `Unbreakable run of ${n.toLocaleString('en')} characters without a space or other line-break opportunity, expected at most ${MAX_UNBROKEN.toLocaleString('en')}: no slide can show them readably`,
            'break the text up, shorten it, or link to it instead',
          ),
        );
      }
    }
  }
  return out;
};

/**
 * Length of the longest stretch without a break opportunity; the exact check only runs on text with a long stretch
 * without spaces.
 */
function longestUnbroken(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(/\S+/g)) longest = Math.max(longest, m[0].length);
  if (longest <= MAX_UNBROKEN) return longest;
  const { positions } = breakOpportunities(text);
  let max = positions[0];
  for (let k = 1; k < positions.length; k++) max = Math.max(max, positions[k] - positions[k - 1]);
  return max;
}
