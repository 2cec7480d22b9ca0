import { diagnostic, type Diagnostic } from '../../model/diagnostic.js';
import { sectionRuns } from '../../model/walk-runs.js';
import type { Rule } from '../rule.js';

/**
 * Footnotes as GitHub reads them: every marker `[^id]` needs a definition `[^id]: …` in the same section (an error
 * at the marker: the slide would show a number that leads nowhere); a definition nobody points to, or a second one
 * for the same id, is a warning at the definition.
 */
export const footnotes: Rule = (article) =>
  article.sections.flatMap((s) => {
    const out: Diagnostic[] = [];
    const defs = new Map<string, NonNullable<typeof s.footnotes>[number]>();
    for (const d of s.footnotes ?? []) {
      if (defs.has(d.id))
        out.push(
          diagnostic(
            'warning',
            'footnote-duplicate',
            d.position,
            `Unexpected second definition of footnote \`[^${d.id}]\`: the first one is used`,
            'give this note its own id',
          ),
        );
      else defs.set(d.id, d);
    }
    const used = new Set<string>();
    const runs = sectionRuns(s);
    for (const r of runs) {
      if (!r.note) continue;
      used.add(r.note.id);
      if (!defs.has(r.note.id))
        out.push(
          diagnostic(
            'error',
            'footnote-undefined',
            r.note.position,
            `Unknown footnote \`[^${r.note.id}]\`, expected a definition \`[^${r.note.id}]: …\` in this section`,
            defs.size > 0
              ? `defined here: ${[...defs.keys()].map((k) => `\`[^${k}]\``).join(', ')}`
              : 'add the note on a line of its own, e.g. at the end of the section',
          ),
        );
    }
    for (const d of defs.values())
      if (!used.has(d.id))
        out.push(
          diagnostic(
            'warning',
            'footnote-unused',
            d.position,
            `Unused footnote \`[^${d.id}]\`: no \`[^${d.id}]\` in the section points to it, so the deck leaves it out`,
            'add the marker where the claim is, or delete the note',
          ),
        );
    return out;
  });
