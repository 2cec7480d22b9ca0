import type { Article, Run, Section } from '../model/article.js';
import type { Position } from '../model/diagnostic.js';
import { sectionRuns } from '../model/walk-runs.js';

/** A footnote with its number through the deck. */
export interface NumberedNote {
  number: number;
  /** What identifies the note from one version to the next: its section's slug and its id. */
  key: string;
  runs: Run[];
  position: Position;
}

/** Notes by `noteKey`. */
export type Notes = Map<string, NumberedNote>;

/** Footnote ids are the section's own: the same `[^1]` in two files is two notes. */
export const noteKey = (file: string, id: string): string => `${file}\u0000${id}`;

/**
 * Number the footnotes through the deck in the order their markers first appear (a note used twice keeps its
 * number), and set each marker as its raised number. Returns new sections; the article is left as it was.
 * Undefined markers never get here (validation stops the build at them).
 */
export function numberNotes(sections: readonly Section[]): { sections: Section[]; notes: Notes } {
  // Only sections with markers change: the others are shared, not copied (a copy of a 1.6 MB section took a second).
  const out = sections.map((s) => (sectionRuns(s).some((r) => r.note) ? (structuredClone(s) as Section) : s));
  const notes: Notes = new Map();
  for (const [i, s] of out.entries()) {
    if (s === sections[i]) continue; // no marker in it
    const defs = new Map((s.footnotes ?? []).map((d) => [d.id, d] as const));
    for (const r of sectionRuns(s)) {
      if (!r.note) continue;
      const key = noteKey(s.file, r.note.id);
      let n = notes.get(key);
      const def = defs.get(r.note.id);
      if (!n && def) {
        n = { number: notes.size + 1, key: `${s.slug}#${r.note.id}`, runs: def.runs, position: def.position };
        notes.set(key, n);
      }
      r.text = n ? String(n.number) : r.text;
      r.superscript = true;
    }
  }
  return { sections: out, notes };
}

/** The article with its sections numbered. */
export function withNumberedNotes(article: Article): { article: Article; notes: Notes } {
  const { sections, notes } = numberNotes(article.sections);
  return { article: { ...article, sections }, notes };
}
