import type PptxGenJS from 'pptxgenjs';
import type { PlannedTable } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { paragraphsToRuns } from './frame-to-text.js';
import { inch, place } from './units.js';

/**
 * A planned table → a native `a:tbl`. Widths, row heights, cell margins and
 * the size come from the plan; pptxgenjs's own `autoPage` (which guesses
 * heights and splits rows mid-text) stays off. pptxgenjs has no banding, so
 * body rows get fills.
 */
export function tableToPptx(slide: PptxGenJS.Slide, t: PlannedTable, theme: Theme): void {
  const border: PptxGenJS.BorderProps = { type: 'solid', pt: 0.75, color: theme.colors.tableBorder };
  // pptxgenjs reads cell margins as [top, right, bottom, left].
  const margin = [t.cellInsets.top, t.cellInsets.right, t.cellInsets.bottom, t.cellInsets.left].map(inch) as [number, number, number, number];
  const cellText = { levels: [], monoFace: theme.fonts.mono };
  const cell = (runs: PlannedTable['header'][number]['runs'], c: number, color: string, fill: string): PptxGenJS.TableCell => ({
    text: paragraphsToRuns([{ runs, level: 0, bullet: 'none' }], cellText, theme, { fontSize: t.fontSize, fontFace: t.face, color }),
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
    fontFace: t.face,
    fontSize: t.fontSize,
    color: theme.colors.text,
    autoPage: false,
  });
}
