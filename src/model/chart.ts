import type { Position } from './diagnostic.js';
import type { Rect } from './text-frame.js';

/*
 * Charts from data (issue 20): a pipe table with a caption line `: Title {chart=column unit="%"}` below it.
 * Agreed shapes for the article (what the author wrote) and the plan (what is drawn); the planner fills
 * `PlannedChart`, the renderer writes it through pptxgenjs and the package stage repairs its XML.
 */

/** The kinds `chart=` takes. */
export const CHART_KINDS = [
  'column',
  'bar',
  'stacked-column',
  'stacked-bar',
  'line',
  'pie',
  'doughnut',
  'scatter',
] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** A table's caption line (`: text {attrs}`), with or without `chart=`. */
export interface TableCaption {
  /** The caption's text, attributes removed. */
  text: string;
  /** `{chart=column unit="%" y-title="…"}`, as written (keys lower case). */
  attrs: Record<string, string>;
  position: Position;
}

/** One series of a chart: a column of the source table after its first. */
export interface ChartSeries {
  name: string;
  /** One value per category (per x value for `scatter`); `null` for an empty cell. */
  values: (number | null)[];
}

/** A chart's data, parsed from its table: what the version record keeps and `diff` compares. */
export interface ChartData {
  kind: ChartKind;
  /** The caption: the chart's title and its alternative text. */
  title: string;
  /** First column: the categories, as written; for `scatter`, the x values' labels. */
  categories: string[];
  /** For `scatter`: the first column as numbers. */
  xValues?: (number | null)[];
  series: ChartSeries[];
  /** `%`, `$`, `bn`, …: from `unit=` or the cells. */
  unit?: string;
  /** Axis titles (`y-title=`, and the first column's header for the category axis). */
  yTitle?: string;
  xTitle?: string;
}

/** A chart on a slide: its data and where it is drawn, with the label size the planner chose so it fits. */
export interface PlannedChart extends ChartData {
  box: Rect;
  /** Font size of axis labels, legend and data labels, in points. */
  labelSize: number;
  legend: boolean;
  dataLabels: boolean;
}
