/**
 * The tables a slide's XML holds, as a briefer's PowerPoint would read them:
 * where each graphic frame sits, its rows' heights, and the size of every
 * run in its cells. Parsed XML, never the serialised text.
 */
import { attr, childElements, descendants, firstChild, NS, parseXml } from './xml.js';

const EMU_PER_PT = 12700;

export interface WrittenTable {
  /** The frame's top, in points. */
  y: number;
  /** `a:tr h` of each row, header first, in points. */
  rowHeights: number[];
  /** `sz` of every run in every cell, in points (runs without one inherit nothing from a table: there are none). */
  sizes: number[];
  /** Cells with a run that states no size. */
  unsized: number;
  /** The `a:latin` face each run names ('' for a run that names none and inherits it). */
  faces: string[];
}

export function writtenTables(slideXml: string): WrittenTable[] {
  const root = parseXml(slideXml);
  return descendants(root, NS.p, 'graphicFrame').flatMap((frame) => {
    const tbl = descendants(frame, NS.a, 'tbl')[0];
    if (!tbl) return [];
    const off = firstChild(firstChild(frame, NS.p, 'xfrm')!, NS.a, 'off')!;
    const rows = childElements(tbl, NS.a, 'tr');
    const runs = rows.flatMap((tr) => descendants(tr, NS.a, 'rPr'));
    return [
      {
        y: Number(attr(off, 'y')) / EMU_PER_PT,
        rowHeights: rows.map((tr) => Number(attr(tr, 'h')) / EMU_PER_PT),
        sizes: runs.flatMap((r) => (attr(r, 'sz') ? [Number(attr(r, 'sz')) / 100] : [])),
        unsized: runs.filter((r) => !attr(r, 'sz')).length,
        faces: runs.map((r) => {
          const latin = firstChild(r, NS.a, 'latin');
          return latin ? (attr(latin, 'typeface') ?? '') : '';
        }),
      },
    ];
  });
}
