import { diagnostic, type Position } from '../../model/diagnostic.js';
import { blockTexts, type Rule } from '../rule.js';

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
      // Appended in place: copying the list at every match was quadratic in a name's count (400 KB of it took 20 s).
      const places = forms.get(m[0]);
      if (places) places.push(at);
      else forms.set(m[0], [at]);
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
      if (
        variant.replace('-', ' ').toLowerCase() !== main.replace('-', ' ').toLowerCase() ||
        variant.includes('-') !== main.includes('-')
      )
        continue;
      out.push(
        diagnostic(
          'warning',
          'spelling-variant',
          places[0],
          `Spelling \`${variant}\` (${places.length}×) differs from \`${main}\` used elsewhere (${mainAt.length}×)`,
          'check which spelling the author meant',
        ),
      );
    }
  }
  return out;
};
