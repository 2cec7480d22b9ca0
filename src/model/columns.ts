import type { Block, Run } from './article.js';
import type { Position } from './diagnostic.js';
import type { PlannedImage, PlannedTable } from './deck.js';
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

/** What a column holds below its first text: more text, or a table or image measured in the column's width. */
export type ColumnPiece =
  | { kind: 'text'; frame: TextFrame }
  | { kind: 'table'; table: PlannedTable }
  | { kind: 'image'; image: PlannedImage };

/** A column on a slide: its header and body frames (or a table or image the planner measured in its width). */
export interface PlannedColumn {
  box: Rect;
  header?: TextFrame;
  /** The column's text on this slide, in the layout's content placeholder when it has one for the column. */
  body: TextFrame;
  /** Tables, images and further text below the body, in order (extends the agreed shape). */
  more: ColumnPiece[];
  /** Set when this column goes on to the next slide. */
  continues: boolean;
  /** Set when this column came from the previous slide (its header then says `(cont.)`). */
  continued: boolean;
}

/**
 * A callout drawn on a slide: a shaded, labelled frame (on the accent when it leads its section). The label and the
 * body are two text boxes filled alike that meet at the label's foot, so the label is real text read first.
 */
export interface PlannedCallout {
  kind: CalloutKind;
  box: Rect;
  label: TextFrame;
  body: TextFrame;
  /** The fill, as hex: the theme's accent for a lead callout, its table banding elsewhere. */
  fill: string;
}
