import { align } from './align.js';
import type { Change } from './deck-diff.js';
import type { BlockVersion, SectionVersion } from './version.js';

type ChartBlock = Extract<BlockVersion, { kind: 'chart' }>;

/** A currency before the figure; the rest of a unit follows it. */
const PREFIX = /^(US\$|A\$|C\$|[$€£¥₹₽])/;

/**
 * The charts of a section, compared: a chart is known by its caption (or, renamed, by its place among the
 * section's charts); inside it, series by name and categories by label, then every figure, so a changed value reads
 * `Chart "Designations per year" · Russia · 2023: 67 → 71`.
 */
export function diffCharts(a: SectionVersion, b: SectionVersion, section: string, fallback: number[]): Change[] {
  const charts = (s: SectionVersion) => s.blocks.filter((x): x is ChartBlock => x.kind === 'chart');
  const ca = charts(a);
  const cb = charts(b);
  const out: Change[] = [];
  const sameKindAndPlace = (x: ChartBlock, y: ChartBlock) => ca.indexOf(x) === cb.indexOf(y);
  for (const s of align(ca, cb, (x, y) => x.chart === y.chart, sameKindAndPlace)) {
    if (s.op === 'added') out.push({ type: 'chart', action: 'added', section, chart: s.b.chart, slides: s.b.slides });
    else if (s.op === 'removed')
      out.push({
        type: 'chart',
        action: 'removed',
        section,
        chart: s.a.chart,
        slides: cb[s.at - 1]?.slides ?? cb[s.at]?.slides ?? fallback,
      });
    else out.push(...diffChart(s.a, s.b, section));
  }
  return out;
}

function diffChart(a: ChartBlock, b: ChartBlock, section: string): Change[] {
  const chart = b.chart;
  const slides = b.slides;
  const out: Change[] = [];
  if (a.chart !== b.chart)
    out.push({ type: 'chart', action: 'changed', section, chart, before: a.chart, after: b.chart, slides });
  if (a.chartKind !== b.chartKind)
    out.push({ type: 'chart', action: 'changed', section, chart, before: a.chartKind, after: b.chartKind, slides });
  const parts = (part: 'series' | 'category', olds: string[], news: string[]) => {
    for (const n of olds.filter((x) => !news.includes(x)))
      out.push({ type: 'chart-part', action: 'removed', section, chart, part, name: n, slides });
    for (const n of news.filter((x) => !olds.includes(x)))
      out.push({ type: 'chart-part', action: 'added', section, chart, part, name: n, slides });
  };
  parts(
    'series',
    a.series.map((s) => s.name),
    b.series.map((s) => s.name),
  );
  parts('category', a.categories, b.categories);
  for (const s of b.series) {
    const old = a.series.find((x) => x.name === s.name);
    if (!old) continue;
    b.categories.forEach((category, j) => {
      const i = a.categories.indexOf(category);
      if (i < 0) return;
      const before = shown(old.values[i] ?? null, a.unit);
      const after = shown(s.values[j] ?? null, b.unit);
      if (before !== after)
        out.push({ type: 'chart-value', section, chart, series: s.name, category, before, after, slides });
    });
  }
  return out;
}

/** A figure as the analyst reads it: `67`, `12.5%`, `$3.4bn`; a missing one as `none`. */
function shown(v: number | null, unit: string | undefined): string {
  if (v === null) return 'none';
  const prefix = PREFIX.exec(unit ?? '')?.[0] ?? '';
  return `${prefix}${v}${(unit ?? '').slice(prefix.length)}`;
}
