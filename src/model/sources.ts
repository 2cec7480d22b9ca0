import type { Run } from './article.js';
import type { Position } from './diagnostic.js';

/*
 * Sources (issue 21): footnotes (`[^id]`), citations from a bibliography (`[@key]`), and the Sources slides.
 * Agreed shapes: the article keeps what was written, with positions; the planner numbers notes through the deck,
 * puts each note at the foot of its slide (a `TextFrame` in `SlideBase.footnotes`) or on the Sources slides.
 */

/** A footnote definition, `[^id]: text`, in a section. */
export interface FootnoteDef {
  id: string;
  runs: Run[];
  position: Position;
}

/** A citation as written: `[@key, p. 12]`, `[@a; @b]`, `@key says`. */
export interface Citation {
  items: { key: string; locator?: string; prefix?: string; suffix?: string; suppressAuthor?: boolean }[];
  /** `@key says` (author in text) rather than `[@key]`. */
  inText: boolean;
  position: Position;
}

/** One entry of the Sources slides, in the order it is listed. */
export interface SourceEntry {
  kind: 'reference' | 'footnote' | 'link';
  /** What identifies it from one version to the next: citation key, `section-slug#id` of a footnote, link address. */
  key?: string;
  /** The number or label shown before it (`1`, `[3]`), if any. */
  label?: string;
  runs: Run[];
  /** For links: the slides the address appears on. */
  slides?: number[];
}
