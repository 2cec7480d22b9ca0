import type { Article } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Rule } from './rule.js';
import { imageAltText, tableHeader } from './rules/accessibility.js';
import { emptySection } from './rules/empty-section.js';
import { footnotes } from './rules/footnotes.js';
import { imagePaths } from './rules/image-paths.js';
import { noSections } from './rules/no-sections.js';
import { spellingVariants } from './rules/spelling-variants.js';
import { unbreakableText } from './rules/unbreakable-text.js';

export const rules: Rule[] = [
  noSections,
  emptySection,
  imagePaths,
  spellingVariants,
  unbreakableText,
  imageAltText,
  tableHeader,
  footnotes,
];

export function validateArticle(article: Article): Diagnostic[] {
  return rules.flatMap((rule) => rule(article));
}
