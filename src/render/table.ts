import type PptxGenJS from 'pptxgenjs';
import type { PlannedTable } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { paragraphsToRuns } from './frame-to-text.js';
import { inch, place } from './units.js';

/**
 * A planned table → a native `a:tbl`. Widths, row heights, cell margins and
 * the size come from the plan; pptxgenjs's own `autoPage` (which guesses
 * heights and splits rows mid-text) stays off. Colours, fills, borders and
 * banding come from the deck's table style (the post-pass marks the header
 * row and names the style), so a row a briefer adds in PowerPoint is styled
 * like the others; cells carry only what differs from it.
 */
export function tableToPptx(slide: PptxGenJS.Slide, t: PlannedTable, theme: Theme, language: string): void {
  // pptxgenjs reads cell margins as [top, right, bottom, left].
  const margin = [t.cellInsets.top, t.cellInsets.right, t.cellInsets.bottom, t.cellInsets.left].map(inch) as [
    number,
    number,
    number,
    number,
  ];
  const cellText = { levels: [], monoFace: theme.fonts.mono };
  // On a template the cells name the face they were measured in: its presentation's default text style, which the
  // deck keeps, may name another (Arial in POI's sample.pptx), and LibreOffice sets table text in that one.
  const face = t.face === theme.fonts.body && !theme.template ? {} : { fontFace: t.face };
  const cell = (runs: PlannedTable['header'][number]['runs'], c: number): PptxGenJS.TableCell => ({
    text: paragraphsToRuns([{ runs, level: 0, bullet: 'none' }], cellText, theme, language, {
      fontSize: t.fontSize,
      ...face,
    }),
    options: { align: t.align[c] ?? 'left', valign: 'top', margin },
  });
  slide.addTable(
    [t.header.map((h, c) => cell(h.runs, c)), ...t.rows.map((row) => row.map((x, c) => cell(x.runs, c)))],
    {
      ...place(t.box),
      colW: t.columns.map(inch),
      rowH: t.rowHeights.map(inch),
      fontSize: t.fontSize,
      autoPage: false,
    },
  );
}
