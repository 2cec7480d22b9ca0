import type PptxGenJS from 'pptxgenjs';
import type { PlannedTable } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { CELL } from '../plan/geometry.js';
import { paragraphsToRuns } from './text-props.js';
import { inch, place } from './units.js';

/**
 * A planned table → a native `a:tbl`. Widths and row heights come from the
 * plan; pptxgenjs's own `autoPage` (which guesses heights and splits rows
 * mid-text) stays off. pptxgenjs has no banding, so body rows get fills.
 */
export function tableToPptx(slide: PptxGenJS.Slide, t: PlannedTable, theme: Theme): void {
  const border: PptxGenJS.BorderProps = { type: 'solid', pt: 0.75, color: theme.colors.tableBorder };
  const margin = [CELL.t, CELL.r, CELL.b, CELL.l].map(inch) as [number, number, number, number];
  const cell = (runs: PlannedTable['header'][number]['runs'], c: number, color: string, fill: string): PptxGenJS.TableCell => ({
    text: paragraphsToRuns([{ runs, level: 0, bullet: 'none' }], theme, { fontSize: t.fontSize, fontFace: theme.fonts.body, color }),
    options: { align: t.align[c] ?? 'left', valign: 'top', margin, border, color, fill: { color: fill } },
  });
  const header = t.header.map((h, c) => cell(h.runs, c, theme.colors.tableHeaderText, theme.colors.tableHeaderBackground));
  const body = t.rows.map((row, r) =>
    row.map((x, c) => cell(x.runs, c, theme.colors.text, (t.firstRow + r) % 2 === 1 ? theme.colors.tableBand : theme.colors.background)),
  );
  slide.addTable([header, ...body], {
    ...place(t.box),
    colW: t.columns.map(inch),
    rowH: t.rowHeights.map(inch),
    fontFace: theme.fonts.body,
    fontSize: t.fontSize,
    color: theme.colors.text,
    autoPage: false,
  });
}
