import { diagnostic } from '../../model/diagnostic.js';
import { firstBidi } from '../../util/control-chars.js';
import type { Rule } from '../rule.js';
import { blocksOf } from '../rule.js';
import { runsText } from '../../model/article.js';

/**
 * A heading becomes a slide title, the outline, the agenda and the mail's list of sections: a bidirectional
 * override in it (U+202E) shows its words in another order than they are, as a deck title's would. Refused, as in
 * titles. (Other control characters are written out of the XML, as in body text.)
 */
export const headingBidi: Rule = (article) =>
  [
    ...article.sections.map((s) => [s.title, s.titlePosition] as const),
    ...blocksOf(article).flatMap((b) => (b.type === 'heading' ? [[runsText(b.runs), b.position] as const] : [])),
  ].flatMap(([text, position]) => {
    const c = firstBidi(text);
    return c
      ? [
          diagnostic(
            'error',
            'heading-bidi',
            position,
            `Unexpected bidirectional control ${c} in the heading, expected text without one (it changes the order in which the heading reads)`,
            'delete the character (it is invisible in most editors: retype the heading)',
          ),
        ]
      : [];
  });
