import { diagnostic } from '../../model/diagnostic.js';
import type { Rule } from '../rule.js';

export const noSections: Rule = (article) =>
  article.sectionFiles.length > 0
    ? []
    : [
        diagnostic(
          'error',
          'no-sections',
          { file: article.metaFile, line: 1, column: 1 },
          'No sections in this deck, expected at least one `NN-slug.md` file beside deck.yaml',
          'add e.g. `01-introduction.md` starting with `# Introduction`',
        ),
      ];
