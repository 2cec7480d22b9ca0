import type { ListBlock } from '../model/article.js';
import type { Paragraph } from '../model/text-frame.js';

/**
 * A Markdown list → groups of paragraphs, one group per top-level item with
 * its nested items, so pagination can keep a parent with its children.
 */
export function listToGroups(list: ListBlock): Paragraph[][] {
  return list.items.map((item, i) => {
    const group: Paragraph[] = [];
    const visit = (l: ListBlock, level: number) =>
      l.items.forEach((it, k) => {
        group.push(paragraph(l, it.runs, it.checked, level, l.start + k));
        it.children.forEach((c) => visit(c, level + 1));
      });
    group.push(paragraph(list, item.runs, item.checked, 0, list.start + i));
    item.children.forEach((c) => visit(c, 1));
    return group;
  });
}

function paragraph(
  l: ListBlock,
  runs: Paragraph['runs'],
  checked: boolean | undefined,
  level: number,
  n: number,
): Paragraph {
  const box = checked === undefined ? [] : [{ text: checked ? '☑ ' : '☐ ' }];
  return l.ordered
    ? { runs: [...box, ...runs], level: Math.min(level, 4), bullet: 'number', number: n }
    : { runs: [...box, ...runs], level: Math.min(level, 4), bullet: 'disc' };
}
