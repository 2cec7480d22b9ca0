import type { Position } from '../model/diagnostic.js';

/** A bibliography entry as CSL JSON (what citeproc-js reads), with where it was written. */
export interface CslEntry {
  id: string;
  item: Record<string, unknown>;
  position: Position;
}
