import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Slide } from '../model/deck.js';

/**
 * What PowerPoint's accessibility checker flags in the planned deck:
 * slides without a title, and two slides with the same title (continued
 * slides are numbered, so only the author's own titles can repeat). Every
 * slide's title is written first, so the reading order starts with it.
 */
export function deckAccessibility(slides: readonly Slide[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Slide>();
  slides.forEach((s, i) => {
    const title = s.title.trim();
    if (!title) {
      out.push(
        diagnostic(
          'warning',
          'slide-title-missing',
          s.source,
          `Missing title on slide ${i + 1}, expected one: screen readers and the outline navigate by titles`,
          'give the section a `# ` heading with text',
        ),
      );
      return;
    }
    const key = title.toLowerCase();
    const first = seen.get(key);
    if (first)
      out.push(
        diagnostic(
          'warning',
          'duplicate-slide-title',
          s.source,
          `Repeated slide title \`${title}\` (first on ${first.source.file}:${first.source.line}), expected each slide's title to be distinct`,
          'rename one of the sections',
        ),
      );
    else seen.set(key, s);
  });
  return out;
}
