import type { CalloutBlock, CalloutKind, ColumnsBlock } from './columns.js';
import type { ChartData, TableCaption } from './chart.js';
import type { Position } from './diagnostic.js';
import type { Citation, FootnoteDef } from './sources.js';

/** Inline text with its formatting: what a run in a text box becomes. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  href?: string;
  /** A hard line break before this run (Markdown `  \n` or `<br>`). */
  breakBefore?: boolean;
  /** Raised (a footnote marker's number): DrawingML `baseline="30000"`. */
  superscript?: boolean;
  /** A footnote marker `[^id]`: its text is the number once the deck is numbered (issue 21). */
  note?: { id: string; position: Position };
  /** A citation `[@key]`: its text is the formatted citation once the bibliography is applied (issue 21). */
  cite?: Citation;
}

/** The text of runs, formatting dropped. */
export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');

export interface ListItem {
  runs: Run[];
  /** Nested lists under this item. */
  children: ListBlock[];
  checked?: boolean;
  position: Position;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
  position: Position;
}

export type Align = 'left' | 'center' | 'right' | null;

export interface TableBlock {
  type: 'table';
  align: Align[];
  header: Run[][];
  rows: Run[][][];
  position: Position;
  /** Position of each body row, for diagnostics found while planning. */
  rowPositions: Position[];
  /** The caption line below the table (`: text {attrs}`): on the slide and its alternative text. */
  caption?: TableCaption;
  /** Set when the caption says `chart=…` and every figure parsed: the table is drawn as this chart. */
  chart?: ChartData;
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
  position: Position;
}

export interface QuoteBlock {
  type: 'quote';
  paragraphs: Run[][];
  position: Position;
}

export interface ImageBlock {
  type: 'image';
  /** Path relative to the deck folder, already checked to stay inside it. */
  src: string;
  alt: string;
  title?: string;
  position: Position;
}

export interface CodeBlock {
  type: 'code';
  lang: string;
  text: string;
  position: Position;
}

export interface HeadingBlock {
  type: 'heading';
  depth: number;
  runs: Run[];
  position: Position;
}

export type Block =
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | QuoteBlock
  | ImageBlock
  | CodeBlock
  | HeadingBlock
  | ColumnsBlock
  | CalloutBlock;

/** Blocks with the blocks of each column set's columns in their place (for rules that look at every block). */
export const flatBlocks = (blocks: readonly Block[]): Block[] =>
  blocks.flatMap((b) => (b.type === 'columns' ? b.columns.flatMap((c) => flatBlocks(c.blocks)) : [b]));

export interface Section {
  /** Path of the section file relative to the working directory (as shown in diagnostics). */
  file: string;
  /** `01-introduction.md` → `introduction`. */
  slug: string;
  title: string;
  titlePosition: Position;
  frontMatter: Record<string, unknown>;
  /** Where each front-matter key's value starts (for problems found when planning, such as an unknown layout). */
  frontMatterPositions: Record<string, Position>;
  blocks: Block[];
  /** Footnote definitions `[^id]: text` found in the section (issue 21). */
  footnotes?: FootnoteDef[];
}

export interface EmailSettings {
  to: string[];
  cc: string[];
  subject?: string;
}

export interface DeckMeta {
  title: string;
  subtitle?: string;
  /** YYYY-MM-DD */
  date?: string;
  author?: string;
  organization?: string;
  theme?: string;
  classification?: string;
  /** BCP 47, e.g. `en-GB`. */
  language?: string;
  email?: EmailSettings;
  /** Callout labels by kind (`IMPORTANT: Key judgment`), from deck.yaml `callouts:`. */
  callouts?: Partial<Record<CalloutKind, string>>;
  /** Bullets appear one paragraph at a time when presented (a section's front matter may say otherwise). */
  incremental?: boolean;
  /** `bibliography:` (a `.bib` or CSL `.json` file in the deck folder). */
  bibliography?: string;
  /** `csl:` a CSL style file in the deck folder (Chicago author-date when absent). */
  csl?: string;
  /** `sources: false` turns the Sources slides off. */
  sources?: boolean;
}

export interface Article {
  /** Folder name under content/. */
  slug: string;
  /** The deck folder. */
  dir: string;
  meta: DeckMeta;
  metaFile: string;
  /** Where each deck.yaml key's value is, for problems found after parsing. */
  metaPositions: Record<string, Position>;
  /** Every `NN-slug.md` file found, including ones that failed to parse. */
  sectionFiles: string[];
  sections: Section[];
  /** The formatted reference list, in the style's order, once citations were applied (issue 21). */
  references?: { id: string; runs: Run[] }[];
}
