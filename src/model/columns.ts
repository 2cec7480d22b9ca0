import type { Block, Run } from './article.js';
import type { Position } from './diagnostic.js';
import type { Rect, TextFrame } from './text-frame.js';

/*
 * Side by side, callouts and builds (issue 22). Agreed shapes: fenced-div columns (`:::: columns` / `::: column`)
 * and GitHub alerts (`> [!IMPORTANT]`) are blocks of the article; a column set is a slide kind, a callout is either
 * a section's lead slide or a frame on the slide it belongs to; a build is a property of a text frame.
 */

/** One `::: column` of a column set. */
export interface ColumnBlock {
  /** `width="40%"` as a share of the row (0–1); absent columns share what is left equally. */
  width?: number;
  /** The column's `###` heading, if it starts with one. */
  heading?: Run[];
  blocks: Block[];
  position: Position;
}

export interface ColumnsBlock {
  type: 'columns';
  columns: ColumnBlock[];
  position: Position;
}

/** GitHub's alert kinds. */
export const CALLOUT_KINDS = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export interface CalloutBlock {
  type: 'callout';
  kind: CalloutKind;
  /** The label shown: the kind's default (`Important`) or the deck's `callouts:` name for it. */
  label: string;
  paragraphs: Run[][];
  position: Position;
}

/** A column on a slide: its header and body frames (or a table or image the planner measured in its width). */
export interface PlannedColumn {
  box: Rect;
  header?: TextFrame;
  body: TextFrame;
  /** Set when this column goes on to the next slide (its header then says `(cont.)`). */
  continues: boolean;
}

/** A callout drawn on a slide: a shaded, labelled frame. */
export interface PlannedCallout {
  kind: CalloutKind;
  box: Rect;
  label: TextFrame;
  body: TextFrame;
}
