import { measureFrame } from '../measure/measure-frame.js';
import type { Run, TableBlock } from '../model/article.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { PlannedTable, TableCell } from '../model/deck.js';
import type { Rect } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { balancePages } from './balance-pages.js';
import { breakRows, type RowPage, type TableSetting } from './table-pages.js';
import { cellFrame } from './table-cells.js';
import { tableType } from './table-size.js';
import { tableSizes } from '../model/table-size.js';

export interface TablePagesInput {
  table: TableBlock;
  /** Where the table may go on the first page and on continuation pages. */
  first: Rect;
  next: Rect;
  /**
   * The table has the slide's body to itself (below its lead, above its
   * caption): its type is sized to that room (`tableType`), from the body size
   * down to the minimum. Without it (a table among a column's blocks) it is set
   * at the theme's table size.
   */
  fill?: boolean;
}

/**
 * Lay a table out over as many slides as it needs: its size chosen for the
 * room (`tableType`), widths from content, rows measured, pages broken
 * between rows with the header repeated, and rows spread evenly over the
 * pages they need (8 + 7, not 10 + 5). A row taller than a page shrinks to
 * the theme's minimum table size, then continues in further rows on the next
 * pages. Nothing is dropped.
 */
export function paginateTable(
  inp: TablePagesInput,
  ctx: PlanContext,
): { pages: PlannedTable[]; diagnostics: Diagnostic[] } {
  const { table } = inp;
  const header = table.header.map((c) => c.map((r) => ({ ...r, bold: true })));
  const { body, table: reference, tableMin } = ctx.theme.sizes;
  const settings = new Map<number, TableSetting>();
  const settingAt = (size: number, widths: number[]): TableSetting => {
    if (!settings.has(size)) settings.set(size, tableSetting(header, size, widths, inp, ctx));
    return settings.get(size)!;
  };
  const { size, widths, tooWide } = tableType(
    {
      header,
      rows: table.rows,
      width: inp.first.w,
      sizes: tableSizes(inp.fill ? body : Math.max(reference, tableMin), tableMin),
      fill: !!inp.fill,
      setting: settingAt,
      room: (k) => (k === 0 ? inp.first : inp.next).h,
      oneLine: (s) => oneLine(s, inp.first.w, ctx),
    },
    ctx,
  );
  // A too-wide table's squeezed widths are not the ones measured at its size while choosing it.
  const setting = tooWide ? tableSetting(header, size, widths, inp, ctx) : settingAt(size, widths);
  const broken = breakRows(table.rows, setting);
  const pages = balancePages(broken.pages, setting);
  const { splitRows } = broken;
  const diagnostics = [
    ...(tooWide ? [tooWideWarning(table, size)] : []),
    ...(splitRows > 0 ? [rowSplitWarning(table, setting.minSize)] : []),
  ];
  let firstRow = 0;
  const planned = pages.map((page, k) => {
    const p = plannedPage(page, k === 0 ? inp.first : inp.next, setting, firstRow, table);
    firstRow += page.rows.length - 1;
    return p;
  });
  return { pages: planned, diagnostics };
}

/** One line of the shortest face a cell may be set in (body or code) at size `s`, with the cell margins. */
function oneLine(s: number, width: number, ctx: PlanContext): number {
  return Math.min(
    rowHeight([[{ text: 'x' }]], [width], s, ctx),
    rowHeight([[{ text: 'x', code: true }]], [width], s, ctx),
  );
}

/** How rows are measured and paged at one size and its widths; a row is measured once at each size. */
function tableSetting(
  header: Run[][],
  size: number,
  widths: number[],
  inp: TablePagesInput,
  ctx: PlanContext,
): TableSetting {
  const measured = new Map<number, WeakMap<Run[][], number>>();
  return {
    header,
    size,
    minSize: ctx.theme.sizes.tableMin,
    widths,
    room: (k) => (k === 0 ? inp.first : inp.next).h,
    rowHeight: (row, s) => {
      let at = measured.get(s);
      if (!at) measured.set(s, (at = new WeakMap()));
      let h = at.get(row);
      if (h === undefined) at.set(row, (h = rowHeight(row, widths, s, ctx)));
      return h;
    },
    ctx,
  };
}

/** A row is as tall as its tallest cell (at least one line). */
export function rowHeight(row: Run[][], widths: number[], size: number, ctx: PlanContext): number {
  return Math.max(
    ...row.map(
      (cell, c) =>
        measureFrame(cellFrame(ctx, [{ runs: cell, level: 0, bullet: 'none' }], widths[c], size), ctx.fonts).height,
    ),
  );
}

function plannedPage(page: RowPage, box: Rect, t: TableSetting, firstRow: number, table: TableBlock): PlannedTable {
  return {
    box: { ...box, h: page.heights.reduce((a, b) => a + b, 0) },
    fontSize: page.size,
    face: t.ctx.layouts.cell.face,
    cellInsets: { ...t.ctx.layouts.cell.insets },
    columns: t.widths,
    align: table.align,
    header: cells(t.header),
    rows: page.rows.slice(1).map(cells),
    rowHeights: page.heights,
    firstRow,
  };
}

const cells = (row: Run[][]): TableCell[] => row.map((runs) => ({ runs }));

function tooWideWarning(table: TableBlock, size: number): Diagnostic {
  return diagnostic(
    'warning',
    'table-too-wide',
    table.position,
    `Unexpected table too wide for a slide even at ${size} pt: long words will break inside cells`,
    'split the table, or shorten its longest words',
  );
}

function rowSplitWarning(table: TableBlock, minSize: number): Diagnostic {
  return diagnostic(
    'warning',
    'table-row-split',
    table.position,
    `Unexpected table row taller than a slide even at ${minSize} pt: its text continues in further rows on the next slides`,
    'shorten the cell, or move detail to the speaker notes',
  );
}
