/** The parts that give a deck its look: theme(s), master(s), layouts, table style, and the notes master's theme. */
export interface Design {
  parts: Map<string, Uint8Array | string>;
  /** The theme part (in `ppt/theme/`) the notes master points at. */
  notesTheme: string;
  /** Content types of parts the package's own rules do not know (a template's media, say). */
  contentTypes: ReadonlyMap<string, string>;
  /**
   * For a template: the masters to list in presentation.xml, the slide size and the default text style to write there.
   */
  presentation?: { masters: { part: string; id: string }[]; sizeXml: string; defaultTextStyleXml?: string };
}
