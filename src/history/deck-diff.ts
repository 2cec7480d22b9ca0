/**
 * What changed between two versions of a deck, as data: the CLI, the gallery,
 * the mail and the schedule log all print from this one value. Every change
 * names the slides of the NEW deck that carry it (1-based); a removal names
 * the slide it was removed from (for a removed section: the agenda).
 */
export interface DeckDiff {
  deck: string;
  /** The older version (sha256 of its .pptx); absent for a deck's first version. */
  from?: string;
  to: string;
  changes: Change[];
  /** Every slide of the new deck that carries a change, ascending. */
  slides: number[];
}

interface At {
  slides: number[];
}

/** The kinds of text a section shows besides bullets and tables. */
export type TextRole = 'bullet' | 'lead' | 'slide title' | 'statement' | 'quote' | 'code' | 'caption' | 'callout';

/** Where a text sits besides its section: the column it is in (`Beijing`), the label of its callout. */
export interface TextPlace {
  column?: string;
  label?: string;
}

export type Change =
  | (At & { type: 'deck'; field: 'title' | 'subtitle' | 'details'; before: string; after: string })
  | (At & { type: 'section'; action: 'added' | 'removed'; section: string })
  | (At & { type: 'section'; action: 'renamed'; section: string; before: string })
  /** `from` and `to` are the section's 1-based positions among the sections. */
  | (At & { type: 'section'; action: 'moved'; section: string; from: number; to: number })
  | (At & TextPlace & { type: 'text'; action: 'added' | 'removed'; role: TextRole; section: string; text: string })
  /** `level` is set when a bullet's nesting changed: [before, after]. */
  | (At &
      TextPlace & {
        type: 'text';
        action: 'changed';
        role: TextRole;
        section: string;
        before: string;
        after: string;
        level?: [number, number];
      })
  | (At & { type: 'table'; action: 'added' | 'removed'; section: string; table: string; rows: number })
  | (At & { type: 'row'; action: 'added' | 'removed'; section: string; table: string; key: string })
  /** A table cell, named by its row's first-column value (`key`) and its column header. */
  | (At & { type: 'cell'; section: string; table: string; key: string; column: string; before: string; after: string })
  | (At & { type: 'column'; action: 'added' | 'removed'; section: string; table: string; column: string })
  | (At & { type: 'column'; action: 'renamed'; section: string; table: string; column: string; before: string })
  | (At & { type: 'chart'; action: 'added' | 'removed'; section: string; chart: string })
  | (At & { type: 'chart'; action: 'changed'; section: string; chart: string; before: string; after: string })
  /** A series or a category of a chart added or removed. */
  | (At & {
      type: 'chart-part';
      action: 'added' | 'removed';
      section: string;
      chart: string;
      part: 'series' | 'category';
      name: string;
    })
  /** One figure of a chart, named by its series and category; values as shown (`67`, `12.5%`, `none`). */
  | (At & {
      type: 'chart-value';
      section: string;
      chart: string;
      series: string;
      category: string;
      before: string;
      after: string;
    })
  /** One per section: its speaker notes, all paragraphs. */
  | (At & { type: 'notes'; section: string; before: string; after: string })
  /** A section's builds (`incremental`) turned on or off. */
  | (At & { type: 'builds'; section: string; on: boolean })
  | (At & { type: 'image'; action: 'added' | 'removed'; section: string; alt: string })
  /** A reference, footnote or link address (issue 21), by its key. */
  | (At & { type: 'source'; action: 'added' | 'removed'; kind: 'reference' | 'footnote' | 'link'; text: string })
  | (At & {
      type: 'source';
      action: 'changed';
      kind: 'reference' | 'footnote' | 'link';
      before: string;
      after: string;
    })
  /** `before` is the old alt text; `replaced` when the picture itself changed. */
  | (At & { type: 'image'; action: 'changed'; section: string; alt: string; before: string; replaced: boolean });
