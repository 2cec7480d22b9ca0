import { diagnostic } from '../../model/diagnostic.js';
import type { Rule } from '../rule.js';

export const emptySection: Rule = (article) =>
  article.sections
    .filter((s) => s.blocks.length === 0)
    .map((s) =>
      diagnostic(
        'warning',
        'empty-section',
        s.titlePosition,
        `Empty section \`${s.title}\`, expected content under its heading: the deck shows a slide with only a title`,
      ),
    );
