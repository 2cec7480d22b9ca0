import type { LayoutSet } from './layout-set.js';

/** The scheme colour slots of a DrawingML theme (`a:clrScheme`), in the order the schema writes them. */
export const SCHEME_SLOTS = [
  'dk1',
  'lt1',
  'dk2',
  'lt2',
  'accent1',
  'accent2',
  'accent3',
  'accent4',
  'accent5',
  'accent6',
  'hlink',
  'folHlink',
] as const;
export type SchemeSlot = (typeof SCHEME_SLOTS)[number];

/** One part of the template's package, byte for byte. */
export interface TemplatePart {
  /** The part name, e.g. `ppt/presentation.xml`. */
  name: string;
  data: Uint8Array;
}

/**
 * An organisation's PowerPoint template, read and resolved: what the
 * planner measures against (its layouts, placeholder geometry and text
 * styles) and what the package stage keeps (its masters, layouts, themes
 * and media, byte for byte).
 */
export interface TemplateTheme {
  layouts: LayoutSet;
  /** The colour scheme of the content layout's master, as hex, and that master's colour map. */
  scheme: Record<SchemeSlot, string>;
  clrMap: Record<'bg1' | 'tx1' | 'bg2' | 'tx2', 'lt1' | 'dk1' | 'lt2' | 'dk2'>;
  /** The parts the deck keeps, by part name: masters, layouts, themes, their media, and their rels. */
  parts: ReadonlyMap<string, Uint8Array>;
  /** Content types of the kept parts, as the template declares them. */
  contentTypes: ReadonlyMap<string, string>;
  /** The masters in presentation order: part name and `p:sldMasterId@id`. */
  masters: { part: string; id: string }[];
  /** The template's presentation part, as it is: the deck takes its slide size and default text style from it. */
  presentation: TemplatePart;
  /** The template's table styles part, when it has one (briefdeck adds its style to it). */
  tableStyles?: TemplatePart;
  /** The theme part the notes master takes a copy of (a notes master needs a theme of its own). */
  notesTheme: string;
}
