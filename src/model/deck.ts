import type { Align, Run } from './article.js';
import type { PlannedChart } from './chart.js';
import type { Position } from './diagnostic.js';

import type { PlannedCallout, PlannedColumn } from './columns.js';
import type { SourceEntry } from './sources.js';
import type { Insets, Rect, TextFrame } from './text-frame.js';

export type { Insets, LevelStyle, Paragraph, Rect, TextFrame } from './text-frame.js';

/*
 * The slide model: what `plan` decides and `render` draws. All geometry is in
 * points (72 per inch) on a 16:9 slide of 960 × 540 pt; every text frame here
 * was measured by the planner, so the renderer never guesses.
 */

export interface TableCell {
  runs: Run[];
}

export interface PlannedTable {
  box: Rect;
  fontSize: number;
  /** Face of the cells' ordinary runs (code runs use the theme's mono face). */
  face: string;
  /** Cell margins, as the rows were measured with them. */
  cellInsets: Insets;
  /** Column widths in points; they add up to `box.w`. */
  columns: number[];
  align: Align[];
  header: TableCell[];
  rows: TableCell[][];
  /** Measured height of the header and of each row, in points. */
  rowHeights: number[];
  /** Index of the first body row on this slide in the source table (for banding that continues). */
  firstRow: number;
}

export interface PlannedImage {
  box: Rect;
  /** PNG or JPEG bytes. */
  data: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  /** The SVG `data` was drawn from, embedded as vector (PowerPoint 2016+ draws it; others show `data`). */
  svg?: Uint8Array;
  alt: string;
}

/**
 * The layout a slide is built on, by what it needs: PowerPoint's "Title
 * Slide", "Title and Content", "Section Header", "Title Only", "Two
 * Content", "Blank", and briefdeck's "Quote" and "Picture with Caption".
 */
export type SlideLayout =
  | 'title'
  | 'content'
  | 'section'
  | 'titleOnly'
  | 'twoContent'
  | 'comparison'
  | 'quote'
  | 'picture'
  | 'blank';

interface SlideBase {
  /** What the slide needs of its layout. */
  layout: SlideLayout;
  /** The layout it is on: its part in the deck (`slideLayout2.xml`), from the theme's layouts. */
  layoutFile: string;
  /** The title as text (what outline view and screen readers read). */
  title: string;
  /** The title without the numbering of continued slides (`Title (cont.)`, `Title (2 of 3)` → `Title`). */
  baseTitle: string;
  /** The title's frame, its size chosen so it fits. */
  titleFrame: TextFrame;
  /** Speaker notes, plain text; paragraphs separated by blank lines. */
  notes: string;
  /** The section this slide belongs to (PowerPoint sections), if any. */
  section?: string;
  /** Where the slide's content came from. */
  source: Position;
  /** Set on continuation slides: why the content did not fit on one slide. */
  continuation?: { reason: string };
  /** Callouts drawn on the slide below (or instead of) its content. */
  callouts?: PlannedCallout[];
  /** The footnotes of the markers on this slide, in a smaller measured frame at the foot of the body (issue 21). */
  footnotes?: TextFrame;
  /**
   * The sources this slide shows, for the history (what changed): its footnotes, or on a Sources slide the entries
   * that start on it.
   */
  sourceEntries?: SourceEntry[];
}

export interface TitleSlide extends SlideBase {
  kind: 'title';
  subtitle?: TextFrame;
  details: TextFrame;
}

export interface AgendaSlide extends SlideBase {
  kind: 'agenda';
  body: TextFrame;
}

export interface BulletsSlide extends SlideBase {
  kind: 'bullets';
  lead?: TextFrame;
  body: TextFrame;
}

export interface TableSlide extends SlideBase {
  kind: 'table';
  lead?: TextFrame;
  table: PlannedTable;
  /** The table's caption line, below the table; its text is also the table's alternative text. */
  caption?: TextFrame;
}

/** A table of figures drawn as a native chart (its caption said `chart=…`); the table is also in the notes. */
export interface ChartSlide extends SlideBase {
  kind: 'chart';
  lead?: TextFrame;
  chart: PlannedChart;
  /** The table as text (caption, then a line per row), written in the notes after `notes`: the figures for the briefer. */
  dataNotes: string;
}

export interface ImageSlide extends SlideBase {
  kind: 'image';
  lead?: TextFrame;
  image: PlannedImage;
  caption?: TextFrame;
}

export interface QuoteSlide extends SlideBase {
  kind: 'quote';
  body: TextFrame;
}

/** A prose-only section: its opening sentence on the slide, the prose in the notes. */
export interface StatementSlide extends SlideBase {
  kind: 'statement';
  body: TextFrame;
}

/** Columns side by side (`:::: columns`), paginated together. */
export interface ColumnsSlide extends SlideBase {
  kind: 'columns';
  lead?: TextFrame;
  columns: PlannedColumn[];
}

/** A callout as a slide of its own: a section's lead statement on the accent, or one that fitted on no other slide. */
export interface CalloutSlide extends SlideBase {
  kind: 'callout';
  callout: PlannedCallout;
  /** The section's opening callout (large, on the accent). */
  opening: boolean;
}

/** The deck's sources (issue 21): cited references, footnotes sent here, link addresses; continues as needed. */
export interface SourcesSlide extends SlideBase {
  kind: 'sources';
  body: TextFrame;
}

export interface ClosingSlide extends SlideBase {
  kind: 'closing';
  body: TextFrame;
}

export type Slide =
  | TitleSlide
  | AgendaSlide
  | BulletsSlide
  | TableSlide
  | ChartSlide
  | ImageSlide
  | QuoteSlide
  | StatementSlide
  | ColumnsSlide
  | CalloutSlide
  | SourcesSlide
  | ClosingSlide;

export type SlideKind = Slide['kind'];

export interface DeckInfo {
  slug: string;
  title: string;
  subtitle?: string;
  author?: string;
  organization?: string;
  date?: string;
  /** The date as the slides write it, in the deck's language (`20 November 2026`). */
  dateText?: string;
  classification?: string;
  /** The timestamp written into the file's metadata (ISO 8601), for reproducible output. */
  timestamp: string;
  /** Footer text shown on content slides. */
  footer: string;
  /** BCP 47 language of the deck's text (`en-US` unless deck.yaml says otherwise). */
  language: string;
}

/** What every slide of a layout carries: measured like any text. */
export interface DeckChrome {
  /** The footer (organisation · date) on content slides. */
  footer?: TextFrame;
  /** The classification banner text, top and bottom. */
  banners: TextFrame[];
  /**
   * The slide number on content slides (measured with the widest number the deck shows); absent when the layouts have
   * no slide number placeholder.
   */
  slideNumber?: TextFrame;
}

export interface Deck {
  info: DeckInfo;
  /** Slide size in points. */
  size: { w: number; h: number };
  chrome: DeckChrome;
  slides: Slide[];
}
