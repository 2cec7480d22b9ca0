import type { Run } from './article.js';

/** A rectangle on the slide, in points (72 per inch) from the slide's top left corner. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Text box insets in points (DrawingML `lIns`, `rIns`, `tIns`, `bIns`). */
export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** One paragraph's content: what the author wrote, at an outline level. */
export interface Paragraph {
  runs: Run[];
  /** Outline level, 0 for top level (DrawingML `lvl`). */
  level: number;
  bullet: 'disc' | 'number' | 'none';
  /** For numbered bullets: the number this paragraph shows. */
  number?: number;
}

/**
 * How the paragraphs of one outline level are set: the values a
 * placeholder's list style gives that level, resolved. Everything that
 * decides where a line breaks or how tall a line is lives here.
 */
export interface LevelStyle {
  /** Font size in points. */
  size: number;
  /** Left margin of the text (`marL`), in points: every line of the paragraph starts here. */
  marL: number;
  /** First-line offset from `marL` (`indent`), in points; negative hangs the bullet in the margin. */
  indent: number;
  /** Line spacing as a multiple of single spacing (`lnSpc` / `spcPct`). */
  lineSpacing: number;
  /** Space before and after each paragraph, in points (`spcBef`, `spcAft`). */
  spaceBefore: number;
  spaceAfter: number;
  /** The bullet character for `disc` paragraphs. */
  bulletChar: string;
  /**
   * The face the bullet character is drawn in, when a template names one (a Wingdings bullet is a private-use character
   * in any other face).
   */
  bulletFont?: string;
  /** The bullet's size as a share of the text's (a template's `buSzPct`); 1 when absent. */
  bulletSize?: number;
  /** Set in capitals by the style (a template's `cap="all"` or `"small"`): measured as upper case. */
  caps?: boolean;
  /** Extra space after every character, in points (a template's `spc`). */
  letterSpacing?: number;
}

/**
 * The layout placeholder a frame fills (a slide's title, body, subtitle,
 * caption, footer), which the renderer writes it into; a frame without one
 * is a plain text box.
 */
export type PlaceholderRole =
  | 'title'
  | 'ctrTitle'
  | 'subTitle'
  | 'content'
  | 'content2'
  | 'header'
  | 'header2'
  | 'text'
  | 'caption'
  | 'date'
  | 'footer'
  | 'slideNumber';

/** Colours by role; the renderer maps them onto the theme. */
export type ColorRole = 'text' | 'muted' | 'title' | 'accent' | 'tableHeaderText' | 'bannerText';

/**
 * A text frame: a box and everything that decides where its lines break and
 * how tall it is. The planner makes frames and measures them with
 * `measureFrame` (src/measure); the renderer writes them as they are
 * (`frameToShape`), so what was measured is what is drawn.
 */
export interface TextFrame {
  box: Rect;
  /** The layout placeholder it fills; a plain text box when absent. */
  placeholder?: PlaceholderRole;
  insets: Insets;
  /** Vertical anchor of the text in the box. */
  anchor: 'top' | 'middle' | 'bottom';
  /**
   * `none`: the text is drawn at its planned size. `shrink`: also marked
   * `normAutofit`, so PowerPoint refits the text after a briefer edits it (the
   * plan has already made it fit; PowerPoint only recomputes on edit).
   */
  autofit: 'none' | 'shrink';
  /** Typeface of ordinary runs, and of `code` runs. */
  face: string;
  monoFace: string;
  /**
   * The face the frame shows without direct formatting (its placeholder's list styles, the theme fonts): the writer
   * writes `face` only when it differs.
   */
  inheritedFace: string;
  align: 'left' | 'center' | 'right';
  color: ColorRole;
  /** The exact colour, as hex, when the frame's style gives one (a template placeholder's): it wins over `color`. */
  ink?: string;
  bold?: boolean;
  italic?: boolean;
  /** Style of each outline level; a paragraph deeper than the list uses the last one. */
  levels: LevelStyle[];
  paragraphs: Paragraph[];
  /** Presented one paragraph at a time (`incremental: true`): PowerPoint's "Appear", by paragraph, on click. */
  build?: boolean;
}
