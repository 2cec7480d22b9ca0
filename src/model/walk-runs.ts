import type { Block, Run, Section } from './article.js';

/** Every run list of a block, in reading order (list items with their nested lists, header then rows). */
export function blockRunLists(b: Block): Run[][] {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return [b.runs];
    case 'list':
      return b.items.flatMap((i) => [i.runs, ...i.children.flatMap(blockRunLists)]);
    case 'table':
      return [...b.header, ...b.rows.flat()];
    case 'quote':
      return b.paragraphs;
    default:
      return [];
  }
}

/** Every run of a section in reading order, footnote definitions last (a note may cite, or carry a link). */
export function sectionRuns(s: Section): Run[] {
  return [...s.blocks.flatMap(blockRunLists), ...(s.footnotes ?? []).map((f) => f.runs)].flat();
}
