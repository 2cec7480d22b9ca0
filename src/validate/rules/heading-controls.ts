import { diagnostic } from '../../model/diagnostic.js';
import { firstControl } from '../../util/control-chars.js';
import type { Rule } from '../rule.js';
import { blocksOf } from '../rule.js';
import { runsText } from '../../model/article.js';

/**
 * A heading becomes a slide title, the outline, the agenda and the mail's list of sections: a bidirectional
 * override in it (U+202E) shows its words in another order than they are, as a deck title's would. Refused, as in
 * titles.
 */
export const headingControls: Rule = (article) =>
  [
    ...article.sections.map((s) => [s.title, s.titlePosition] as const),
    ...blocksOf(article).flatMap((b) => (b.type === 'heading' ? [[runsText(b.runs), b.position] as const] : [])),
  ].flatMap(([text, position]) => {
    const c = firstControl(text);
    return c
      ? [
          diagnostic(
            'error',
            'heading-control',
            position,
            `Unexpected ${c} in the heading, expected text without control or bidirectional override characters (they change the order in which it reads)`,
            'delete the character (it is invisible in most editors: retype the heading)',
          ),
        ]
      : [];
  });
