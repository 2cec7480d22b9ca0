import type { Article, Block } from '../model/article.js';
import type { Diagnostic } from '../model/diagnostic.js';

/** One small check over a parsed article. A new rule is one line in `rules` (validate-article.ts). */
export type Rule = (article: Article) => Diagnostic[];

export function blocksOf(article: Article): Block[] {
  return article.sections.flatMap((s) => s.blocks);
}
