import type { ImageBlock, TableBlock } from '../../model/article.js';
import { diagnostic } from '../../model/diagnostic.js';
import { blocksOf, type Rule } from '../rule.js';

/** What PowerPoint's accessibility checker would flag in the source, found first: a picture without alt text. */
export const imageAltText: Rule = (article) =>
  blocksOf(article)
    .filter((b): b is ImageBlock => b.type === 'image' && b.alt.trim() === '')
    .map((b) =>
      diagnostic(
        'warning',
        'image-alt-missing',
        b.position,
        `Missing alt text for image \`${b.src}\`, expected a description: screen readers read it, and PowerPoint's accessibility checker flags its absence`,
        'describe it: `![Map of the Korean Peninsula](images/map.png)`',
      ),
    );

/** A table whose header row says nothing: PowerPoint's checker reports "Missing table header". */
export const tableHeader: Rule = (article) =>
  blocksOf(article)
    .filter(
      (b): b is TableBlock => b.type === 'table' && b.header.every((cell) => cell.every((r) => r.text.trim() === '')),
    )
    .map((b) =>
      diagnostic(
        'warning',
        'table-header-empty',
        b.position,
        'Empty table header row, expected column names: screen readers announce each cell with its column',
        'name the columns in the first row',
      ),
    );
