import type { SlideLayout } from './deck.js';
import type { Insets, LevelStyle, PlaceholderRole, Rect, TextFrame } from './text-frame.js';

/**
 * How text is set in one kind of frame, every value resolved: what a
 * placeholder inherits from its layout, master and theme (a template's), or
 * what briefdeck's own master gives. The planner builds its frames from
 * these and measures them; the renderer writes them.
 */
export interface TextStyle {
  insets: Insets;
  anchor: TextFrame['anchor'];
  autofit: TextFrame['autofit'];
  align: TextFrame['align'];
  /** The face ordinary runs are set in. */
  face: string;
  /**
   * The face the frame shows without direct formatting (through its list
   * styles and the theme fonts): the writer leaves the face to inheritance
   * when the two agree, and writes it when they do not.
   */
  inheritedFace: string;
  /** The face of `code` runs. */
  monoFace: string;
  bold?: boolean;
  /** Set italic by the style (inherited by the slide's text, so measured). */
  italic?: boolean;
  /**
   * The text colour the style gives (a template placeholder's), as hex; the theme's colour for the frame's role when
   * absent.
   */
  color?: string;
  /** Per outline level, at the style's own sizes; a frame drawn smaller scales every level alike. */
  levels: LevelStyle[];
}

/** A layout placeholder the planner can fill: where it is, how its text is set, and how a slide refers to it. */
export interface PlaceholderSlot extends TextStyle {
  box: Rect;
  /**
   * `<p:ph …/>` exactly as the slide writes it to fill this placeholder (type, idx and size as the layout has them).
   */
  ph: string;
  /** The shape name PowerPoint gives a slide's copy ("Title 1", "Content Placeholder 2" without the number). */
  name: string;
}

/** One slide layout of the deck's master(s). */
export interface LayoutDef {
  /** As "New Slide" lists it. */
  name: string;
  /** Its part in the deck, e.g. `slideLayout2.xml`. */
  file: string;
  /** The placeholders briefdeck can fill, by what they hold. */
  slots: Partial<Record<PlaceholderRole, PlaceholderSlot>>;
  /** What the layout and its master draw besides placeholders (logos, swooshes, bars): text that grows avoids them. */
  obstacles?: Obstacle[];
}

/** A shape a layout or its master draws: a box, and the words it shows of its own, if any (nothing may cover them). */
export interface Obstacle extends Rect {
  text?: string;
}

/**
 * The deck's slide layouts with the geometry and text styles of their
 * placeholders, and which layout each kind of slide goes on. For
 * briefdeck's own themes it is derived from the theme; for an
 * organisation's template it is read from the template.
 */
export interface LayoutSet {
  /** Slide size in points. */
  size: { w: number; h: number };
  layouts: LayoutDef[];
  /** Index into `layouts` of the layout each need uses by default. */
  byNeed: Record<SlideLayout, number>;
  /** The master's body placeholder box: where content goes on a layout that has no body of its own. */
  bodyArea: Rect;
  /** Text that is not in a placeholder: lead-ins, the title slide's details. */
  textBox: TextStyle;
  /** Table cells (their insets are the cell margins). */
  cell: TextStyle;
}
