import type { DeckMeta, Section } from '../model/article.js';
import type { Slide } from '../model/deck.js';
import type { TextFrame } from '../model/text-frame.js';

/** Whether a section's bullets build: its front matter's `incremental`, else deck.yaml's. */
export const incrementalOf = (section: Section, meta: DeckMeta): boolean =>
  typeof section.frontMatter.incremental === 'boolean' ? section.frontMatter.incremental : meta.incremental === true;

/**
 * Builds on a section's slides (`incremental: true`): every frame of bullets or numbered items, on bullet slides and
 * in columns, appears one paragraph at a time when presented. A build hides nothing from the plan: the slide is
 * measured, and exported to PDF and thumbnails, with all of its text.
 */
export function withBuilds(slides: Slide[], incremental: boolean): Slide[] {
  if (!incremental) return slides;
  return slides.map((s) => {
    if (s.kind === 'bullets') return { ...s, body: built(s.body) };
    if (s.kind === 'columns')
      return {
        ...s,
        columns: s.columns.map((c) => ({
          ...c,
          body: built(c.body),
          more: c.more.map((p) => (p.kind === 'text' ? { ...p, frame: built(p.frame) } : p)),
        })),
      };
    return s;
  });
}

/** A frame of list items builds; code lines and plain text do not. */
const built = (f: TextFrame): TextFrame => (f.paragraphs.some((p) => p.bullet !== 'none') ? { ...f, build: true } : f);
