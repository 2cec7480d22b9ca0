import { runsText, type TableBlock } from '../model/article.js';
import { CHART_KINDS, type ChartData, type ChartKind, type TableCaption } from '../model/chart.js';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import { EXPECTED_NUMBER, parseChartNumber } from './chart-number.js';
import type { CaptionPositions } from './table-caption.js';
import { cellStarts } from './table.js';

/** Past these a chart does not read: too many colours to tell apart, too many labels to print. */
export const MAX_SERIES = 12;
export const MAX_CATEGORIES = 60;
const KNOWN_ATTRS = new Set(['chart', 'unit', 'y-title', 'x-title']);

/**
 * A table whose caption says `chart=…` → the chart's data: the first column holds the categories (the x values for
 * `scatter`), every further column is a series. Each cell that is not a number is an error at its own position;
 * returns `undefined` when there was one, so no chart is drawn from half its data.
 */
export function tableToChart(
  table: TableBlock,
  rawLines: readonly string[],
  caption: TableCaption,
  at: CaptionPositions,
  ds: Diagnostic[],
): ChartData | undefined {
  const errors = ds.length;
  const kindText = caption.attrs.chart;
  for (const key of Object.keys(caption.attrs))
    if (!KNOWN_ATTRS.has(key))
      ds.push(
        diagnostic(
          'warning',
          'chart-attribute',
          at[key] ?? caption.position,
          `Unexpected caption attribute \`${key}\`, expected one of ${[...KNOWN_ATTRS].map((k) => `\`${k}\``).join(', ')}`,
        ),
      );
  if (!(CHART_KINDS as readonly string[]).includes(kindText)) {
    ds.push(
      diagnostic(
        'error',
        'chart-kind',
        at.chart ?? caption.position,
        `Unexpected chart kind \`${kindText}\`, expected one of ${CHART_KINDS.map((k) => `\`${k}\``).join(', ')}`,
      ),
    );
    return undefined;
  }
  const kind = kindText as ChartKind;
  const cellAt = (row: number, col: number): Position => {
    // Raw lines: the header, the delimiter row, then the body rows.
    const line = rawLines[row + 2] ?? '';
    const start = cellStarts(line)[col] ?? 0;
    const pad = /^\s*/.exec(line.slice(start))?.[0].length ?? 0;
    return { ...table.position, line: table.position.line + row + 2, column: start + pad + 1 };
  };
  const header = table.header.map((c) => runsText(c).trim());
  const names = header.slice(1);
  if (names.length === 0) {
    ds.push(
      diagnostic(
        'error',
        'chart-no-series',
        caption.position,
        'Unexpected chart with no series: the table has only its category column, expected a column of figures after it',
        'add a column per series, or remove `chart=` to show the table',
      ),
    );
    return undefined;
  }
  if (table.rows.length === 0) {
    ds.push(
      diagnostic(
        'error',
        'chart-no-rows',
        caption.position,
        'Unexpected chart with no rows, expected a row per category',
      ),
    );
    return undefined;
  }
  const categories = table.rows.map((r) => runsText(r[0] ?? []).trim());
  const unit = caption.attrs.unit;
  const series = names.map((name, j) => {
    let seriesUnit: { unit: string; row: number } | undefined;
    const values = table.rows.map((r, i) => {
      const text = runsText(r[j + 1] ?? []).trim();
      const n = parseChartNumber(text);
      if ('error' in n) {
        ds.push(
          diagnostic(
            'error',
            'chart-not-a-number',
            cellAt(i, j + 1),
            `Unexpected \`${text}\` in ${name || `column ${j + 2}`} · ${categories[i] || `row ${i + 1}`}, expected ${EXPECTED_NUMBER}`,
          ),
        );
        return null;
      }
      if (n.value !== null && n.unit !== '' && unit !== undefined && n.unit !== unit) {
        ds.push(mixed(cellAt(i, j + 1), text, name, n.unit, `\`unit="${unit}"\` of the caption`));
      } else if (n.value !== null && unit === undefined) {
        if (!seriesUnit) seriesUnit = { unit: n.unit, row: i };
        else if (seriesUnit.unit !== n.unit)
          ds.push(
            mixed(
              cellAt(i, j + 1),
              text,
              name,
              n.unit,
              `\`${seriesUnit.unit || 'no unit'}\` as in ${categories[seriesUnit.row]}`,
            ),
          );
      }
      return n.value;
    });
    return { name: name || `Series ${j + 1}`, values, unit: seriesUnit?.unit };
  });
  let xValues: (number | null)[] | undefined;
  if (kind === 'scatter') {
    xValues = categories.map((c, i) => {
      const n = parseChartNumber(c);
      if ('error' in n) {
        ds.push(
          diagnostic(
            'error',
            'chart-not-a-number',
            cellAt(i, 0),
            `Unexpected x value \`${c}\` in row ${i + 1}, expected ${EXPECTED_NUMBER}: a scatter chart's first column holds numbers`,
          ),
        );
        return null;
      }
      return n.value;
    });
  }
  if (kind === 'pie' && series.length > 1)
    ds.push(
      diagnostic(
        'error',
        'chart-pie-series',
        caption.position,
        `Unexpected ${series.length} series in a pie chart, expected one: a pie shows one column of figures`,
        'use `chart=doughnut` for a ring per series, or `chart=column` to compare them',
      ),
    );
  if (series.length > MAX_SERIES)
    ds.push(
      diagnostic(
        'warning',
        'chart-too-many-series',
        caption.position,
        `Unexpected ${series.length} series in one chart, expected at most ${MAX_SERIES}: the chart will not read`,
        'split the table, or show it as a table by removing `chart=`',
      ),
    );
  if (categories.length > MAX_CATEGORIES)
    ds.push(
      diagnostic(
        'warning',
        'chart-too-many-categories',
        caption.position,
        `Unexpected ${categories.length} categories in one chart, expected at most ${MAX_CATEGORIES}: the chart will not read`,
        'group the rows, or show it as a table by removing `chart=`',
      ),
    );
  if (ds.slice(errors).some((d) => d.severity === 'error')) return undefined;
  const units = [...new Set(series.map((s) => s.unit).filter((u) => u !== undefined))];
  return {
    kind,
    title: caption.text,
    categories,
    ...(xValues ? { xValues } : {}),
    series: series.map(({ name, values }) => ({ name, values })),
    ...((unit ?? (units.length === 1 && units[0])) ? { unit: unit ?? units[0] } : {}),
    ...(caption.attrs['y-title'] ? { yTitle: caption.attrs['y-title'] } : {}),
    ...((caption.attrs['x-title'] ?? header[0]) ? { xTitle: caption.attrs['x-title'] ?? header[0] } : {}),
  };
}

function mixed(at: Position, text: string, name: string, unit: string, expected: string): Diagnostic {
  return diagnostic(
    'error',
    'chart-mixed-units',
    at,
    `Unexpected \`${text}\` in ${name}: its unit \`${unit || 'none'}\` differs from ${expected}, expected one unit per series`,
    'write every figure of a series in one unit',
  );
}
