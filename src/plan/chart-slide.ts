import { runsText, type TableBlock } from '../model/article.js';
import type { ChartData, PlannedChart } from '../model/chart.js';
import type { ChartSlide, Slide } from '../model/deck.js';
import { diagnostic } from '../model/diagnostic.js';
import type { Rect, TextFrame } from '../model/text-frame.js';
import { longestWord, naturalWidth } from '../measure/measure-frame.js';
import type { PlanContext } from './context.js';
import { plain, textFrame } from './frames.js';

/** Room the value axis's labels and title take beside the plot, as a share of the chart's width (measured typical). */
const VALUE_AXIS_SHARE = 0.14;
/** A category label may use this share of its slot: PowerPoint rotates or skips labels past it. */
const SLOT_SHARE = 0.9;
/** Lines a category label may wrap to under its column. */
const LABEL_LINES = 2;
/** Bar charts put the category labels left of the plot: at most this share of the width. */
const BAR_LABEL_SHARE = 0.35;
/** Legend entries: the key and the gap after an entry, in ems of the label size. */
const LEGEND_ENTRY_EMS = 2.5;

/**
 * A table whose caption asked for a chart → a chart slide: the chart fills the content region the planner measured
 * (below the lead, when there is one), its caption is its title and alternative text, and the table itself goes
 * into the speaker notes for the briefer and for screen readers. Label sizes start at the theme's table size and
 * come down one point at a time to its smallest table size until the labels fit; past that a warning says so.
 */
export function chartToSlide(
  b: TableBlock & { chart: ChartData },
  base: Omit<Slide, 'kind' | 'layout'>,
  region: Rect,
  lead: TextFrame | undefined,
  ctx: PlanContext,
): ChartSlide {
  const data = b.chart;
  const multi = data.series.length > 1;
  const pie = data.kind === 'pie' || data.kind === 'doughnut';
  const legend = multi || pie;
  const { sizes } = ctx.theme;
  let labelSize = sizes.table;
  while (labelSize > sizes.tableMin && !labelsFit(data, region, labelSize, legend, ctx)) labelSize--;
  if (!labelsFit(data, region, labelSize, legend, ctx))
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        'chart-labels-crowded',
        b.caption?.position ?? b.position,
        `Unexpected chart labels too long for the chart even at ${labelSize} pt: PowerPoint will rotate or skip some`,
        'shorten the category or series names',
      ),
    );
  const chart: PlannedChart = { ...data, box: region, labelSize, legend, dataLabels: pie };
  return {
    ...base,
    kind: 'chart',
    layout: 'content',
    lead,
    chart,
    dataNotes: tableNotes(b),
  };
}

/** The table as text for the notes: the caption, then a line per row with its cells as the analyst wrote them. */
function tableNotes(b: TableBlock): string {
  const row = (cells: TableBlock['header']) => cells.map((c) => runsText(c).trim()).join(' | ');
  return [b.caption?.text, row(b.header), ...b.rows.map(row)].filter(Boolean).join('\n');
}

function labelsFit(data: ChartData, box: Rect, size: number, legend: boolean, ctx: PlanContext): boolean {
  const frame = textFrame(ctx.theme, [], { x: 0, y: 0, w: Infinity, h: Infinity }, { size, tight: true });
  const width = (text: string) => naturalWidth(frame, plain([{ text }]), ctx.fonts);
  const line = size * 1.2;
  // The legend sits below the plot: its entries may wrap to two lines.
  if (legend) {
    const names = data.kind === 'pie' || data.kind === 'doughnut' ? data.categories : data.series.map((s) => s.name);
    const total = names.reduce((sum, n) => sum + width(n) + LEGEND_ENTRY_EMS * size, 0);
    if (total > box.w * 2) return false;
  }
  const plotH = box.h - size * 2 - (legend ? line * 2 : 0) - line * 2;
  const widest = Math.max(0, ...data.categories.map(width));
  switch (data.kind) {
    case 'bar':
    case 'stacked-bar':
      return widest <= box.w * BAR_LABEL_SHARE && data.categories.length * line <= plotH;
    case 'pie':
    case 'doughnut':
      return true;
    default: {
      // Category labels wrap between words (PowerPoint and LibreOffice alike): up to two lines, no word split.
      const slot = ((box.w * (1 - VALUE_AXIS_SHARE)) / Math.max(1, data.categories.length)) * SLOT_SHARE;
      const word = Math.max(0, ...data.categories.map((c) => longestWord(frame, plain([{ text: c }]), ctx.fonts)));
      return word <= slot && widest <= slot * LABEL_LINES;
    }
  }
}
