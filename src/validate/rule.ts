import { flatBlocks, runsText, type Article, type Block } from '../model/article.js';
import type { Diagnostic, Position } from '../model/diagnostic.js';

/** One small check over a parsed article. A new rule is one line in `rules` (validate-article.ts). */
export type Rule = (article: Article) => Diagnostic[];

export function blocksOf(article: Article): Block[] {
  return flatBlocks(article.sections.flatMap((s) => s.blocks));
}

/** Texts of a block with the most precise position known for each (code blocks: one text per line). */
export function blockTexts(b: Block): [string, Position][] {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return [[runsText(b.runs), b.position]];
    case 'list':
      return b.items.flatMap((i): [string, Position][] => [
        [runsText(i.runs), i.position],
        ...i.children.flatMap(blockTexts),
      ]);
    case 'table':
      return [
        ...b.header.map((c): [string, Position] => [runsText(c), b.position]),
        ...b.rows.flatMap((row, k) =>
          row.map((c): [string, Position] => [runsText(c), b.rowPositions[k] ?? b.position]),
        ),
      ];
    case 'columns':
      return b.columns.flatMap((c) => [
        ...(c.heading ? [[runsText(c.heading), c.position] as [string, Position]] : []),
        ...c.blocks.flatMap(blockTexts),
      ]);
    case 'callout':
    case 'quote':
      return b.paragraphs.map((p): [string, Position] => [runsText(p), b.position]);
    case 'code':
      return b.text
        .split('\n')
        .map((line, k): [string, Position] => [line, { ...b.position, line: b.position.line + 1 + k }]);
    default:
      return [];
  }
}
