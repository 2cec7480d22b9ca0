import type { Block, Run } from '../../model/article.js';
import { diagnostic, type Position } from '../../model/diagnostic.js';
import type { Rule } from '../rule.js';

const NAME = /\b([A-Z][a-z]+)([ -])([A-Za-z][a-z]+)\b/g;

/**
 * A name written two ways (`North Korea` and `North korea`) is worth an
 * author's look. We never change their text; we only point at the variant.
 */
export const spellingVariants: Rule = (article) => {
  const seen = new Map<string, Map<string, Position[]>>();
  const note = (text: string, at: Position) => {
    for (const m of text.matchAll(NAME)) {
      const key = m[0].toLowerCase().replace('-', ' ');
      const forms = seen.get(key) ?? new Map<string, Position[]>();
      seen.set(key, forms);
      forms.set(m[0], [...(forms.get(m[0]) ?? []), at]);
    }
  };
  for (const s of article.sections) {
    note(s.title, s.titlePosition);
    for (const b of s.blocks) for (const [text, at] of blockTexts(b)) note(text, at);
  }
  const out = [];
  for (const forms of seen.values()) {
    if (forms.size < 2) continue;
    const ranked = [...forms.entries()].sort((a, b) => b[1].length - a[1].length);
    const [main, mainAt] = ranked[0];
    if (!/^[A-Z]\S*[ -][A-Z]/.test(main) || mainAt.length < 2) continue;
    for (const [variant, places] of ranked.slice(1)) {
      if (variant.replace('-', ' ').toLowerCase() !== main.replace('-', ' ').toLowerCase() || variant.includes('-') !== main.includes('-')) continue;
      out.push(
        diagnostic('warning', 'spelling-variant', places[0], `Unexpected \`${variant}\` (${places.length}×), elsewhere written \`${main}\` (${mainAt.length}×)`, 'check which spelling the author meant'),
      );
    }
  }
  return out;
};

/** Texts of a block with the most precise position known for each. */
function blockTexts(b: Block): [string, Position][] {
  const t = (runs: Run[]) => runs.map((r) => r.text).join('');
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return [[t(b.runs), b.position]];
    case 'list':
      return b.items.flatMap((i): [string, Position][] => [[t(i.runs), i.position], ...i.children.flatMap(blockTexts)]);
    case 'table':
      return [...b.header.map((c): [string, Position] => [t(c), b.position]), ...b.rows.flatMap((row, k) => row.map((c): [string, Position] => [t(c), b.rowPositions[k] ?? b.position]))];
    case 'quote':
      return b.paragraphs.map((p): [string, Position] => [t(p), b.position]);
    default:
      return [];
  }
}
