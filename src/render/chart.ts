import type PptxGenJS from 'pptxgenjs';
import type { ChartKind, PlannedChart } from '../model/chart.js';
import { xmlSafe } from './package/xml.js';
import { place } from './units.js';

/** The theme's accents by scheme name; the package stage gives each series its own (chart-palette.ts). */
const SERIES_COLORS = ['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'] as const;
/** The chart's text follows the theme: its body font and its text colour. */
const FACE = '+mn-lt';
const INK = 'tx1';
/** A currency before the figure; the rest of a unit follows it. */
const PREFIX = /^(US\$|A\$|C\$|[$€£¥₹₽])/;

const TYPE: Record<ChartKind, 'bar' | 'line' | 'pie' | 'doughnut' | 'scatter'> = {
  column: 'bar',
  bar: 'bar',
  'stacked-column': 'bar',
  'stacked-bar': 'bar',
  line: 'line',
  pie: 'pie',
  doughnut: 'doughnut',
  scatter: 'scatter',
};

/**
 * A planned chart → a native pptxgenjs chart with its workbook: series in the theme's accents, the caption as its
 * title and alternative text, axis titles from the first column's header and `y-title=`, a legend below the plot for
 * more than one series, values on the slices of a pie or doughnut, figures shown with their unit.
 */
export function chartToPptx(slide: PptxGenJS.Slide, c: PlannedChart, alt: string): void {
  const round = c.kind === 'pie' || c.kind === 'doughnut';
  const colours = round ? c.categories.length : c.series.length;
  // A scatter chart's two axes share pptxgenjs's value-axis format: its unit goes in the axis title only.
  const format = c.kind === 'scatter' ? 'General' : formatCode(c.unit);
  const valueTitle = c.yTitle && c.unit ? `${c.yTitle} (${c.unit})` : c.yTitle;
  const options: PptxGenJS.IChartOpts = {
    ...place(c.box),
    altText: xmlSafe(c.title || alt),
    chartColors: Array.from({ length: Math.max(1, colours) }, (_, i) => SERIES_COLORS[i % SERIES_COLORS.length]),
    showTitle: c.title !== '',
    title: xmlSafe(c.title),
    titleFontFace: FACE,
    titleColor: INK,
    titleFontSize: c.labelSize + 2,
    showLegend: c.legend,
    legendPos: 'b',
    legendFontFace: FACE,
    legendFontSize: c.labelSize,
    legendColor: INK,
    displayBlanksAs: 'gap',
    dataLabelColor: INK,
    dataLabelFontFace: FACE,
    dataLabelFontSize: c.labelSize,
    dataLabelFormatCode: format,
    valAxisLabelFormatCode: format,
  };
  if (round) {
    Object.assign(options, {
      showValue: true,
      showPercent: false,
      showLabel: false,
      dataLabelPosition: c.kind === 'pie' ? 'bestFit' : undefined,
      holeSize: c.kind === 'doughnut' ? 50 : undefined,
    } satisfies Partial<PptxGenJS.IChartOpts>);
  } else {
    Object.assign(options, {
      catAxisLabelFontFace: FACE,
      catAxisLabelFontSize: c.labelSize,
      catAxisLabelColor: INK,
      valAxisLabelFontFace: FACE,
      valAxisLabelFontSize: c.labelSize,
      valAxisLabelColor: INK,
      showCatAxisTitle: !!c.xTitle,
      catAxisTitle: xmlSafe(c.xTitle ?? ''),
      catAxisTitleFontSize: c.labelSize,
      catAxisTitleFontFace: FACE,
      catAxisTitleColor: INK,
      showValAxisTitle: !!(valueTitle ?? c.unit),
      valAxisTitle: xmlSafe(valueTitle ?? c.unit ?? ''),
      valAxisTitleFontSize: c.labelSize,
      valAxisTitleFontFace: FACE,
      valAxisTitleColor: INK,
      valGridLine: { color: 'bg2', size: 0.75, style: 'solid' },
    } satisfies Partial<PptxGenJS.IChartOpts>);
    if (c.kind === 'bar' || c.kind === 'stacked-bar')
      Object.assign(options, { barDir: 'bar', catAxisOrientation: 'maxMin' });
    if (c.kind === 'column' || c.kind === 'stacked-column') options.barDir = 'col';
    if (c.kind.startsWith('stacked-')) Object.assign(options, { barGrouping: 'stacked', barGapWidthPct: 60 });
    if (c.kind === 'line') Object.assign(options, { lineSize: 2, lineDataSymbol: 'circle', lineDataSymbolSize: 6 });
    if (c.kind === 'scatter') Object.assign(options, { lineSize: 0, lineDataSymbol: 'circle', lineDataSymbolSize: 8 });
  }
  slide.addChart(TYPE[c.kind] as PptxGenJS.CHART_NAME, chartData(c), options);
}

function chartData(c: PlannedChart): PptxGenJS.OptsChartData[] {
  // pptxgenjs writes an empty value for `null`; the package stage drops those points, so a gap stays a gap.
  const values = (vs: readonly (number | null)[]) => vs as number[];
  if (c.kind === 'scatter')
    return [
      { name: xmlSafe(c.xTitle ?? 'X'), values: values(c.xValues ?? []) },
      ...c.series.map((s) => ({ name: xmlSafe(s.name), values: values(s.values) })),
    ];
  const labels = c.categories.map(xmlSafe);
  return c.series.map((s) => ({ name: xmlSafe(s.name), labels, values: values(s.values) }));
}

/** `%` → `General"%"`, `$bn` → `"$"General"bn"`: the figure as written, with its unit around it. */
export function formatCode(unit: string | undefined): string {
  if (!unit) return 'General';
  const clean = unit.replace(/["\\]/g, '');
  const prefix = PREFIX.exec(clean)?.[0] ?? '';
  const suffix = clean.slice(prefix.length);
  const quoted = (s: string) => (s ? `"${s}"` : '');
  return `${quoted(prefix)}General${quoted(suffix)}`;
}
