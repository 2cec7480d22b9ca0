/**
 * Charts read back out of a .pptx: for each chart part, the kind of its chart group, its series (name, categories,
 * values from the caches) and its title; and the embedded workbook's cells, read from its sheet XML.
 */
import { readZip } from '../../src/util/zip.js';
import { parseRels, relsPartName } from './pptx.js';
import { attr, childElements, descendants, firstChild, parseXml, textContent, type XmlElement } from './xml.js';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export interface ChartSeriesView {
  name: string;
  categories: string[];
  /** One per category; `null` where the cache has no point. */
  values: (number | null)[];
}

export interface ChartView {
  part: string;
  /** The chart group's element (`barChart`, `lineChart`, `pieChart`, …). */
  group: string;
  barDir?: string;
  grouping?: string;
  title: string;
  series: ChartSeriesView[];
  /** Axis titles, in the order the axes are written. */
  axisTitles: string[];
  legend: boolean;
  /** The workbook the chart embeds, as rows of cells (strings resolved; numbers as numbers; empty as null). */
  workbook: (string | number | null)[][];
  xml: string;
}

export function readCharts(bytes: Uint8Array): ChartView[] {
  const files = new Map(readZip(bytes).map((e) => [e.name, e.data]));
  const text = (n: string) => new TextDecoder().decode(files.get(n));
  return [...files.keys()]
    .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((part) => {
      const xml = text(part);
      const root = parseXml(xml, part);
      const plot = descendants(root, C, 'plotArea')[0];
      const group = childElements(plot, C).find((e) => e.local.endsWith('Chart'))!;
      const chart = firstChild(root, C, 'chart')!;
      const title = firstChild(chart, C, 'title');
      const rels = parseRels(text(relsPartName(part)), part);
      const pkg = rels.find((r) => r.type.endsWith('/package'))!;
      return {
        part,
        group: group.local,
        barDir: attr(firstChild(group, C, 'barDir') ?? group, 'val'),
        grouping: attr(firstChild(group, C, 'grouping') ?? group, 'val'),
        title: title ? descendants(title, A, 't').map(textContent).join('') : '',
        series: childElements(group, C, 'ser').map(seriesOf),
        axisTitles: childElements(plot, C)
          .filter((e) => e.local.endsWith('Ax'))
          .map((ax) => firstChild(ax, C, 'title'))
          .filter((t): t is XmlElement => !!t)
          .map((t) => descendants(t, A, 't').map(textContent).join('')),
        legend: !!firstChild(chart, C, 'legend'),
        workbook: readWorkbook(files.get(pkg.target)!),
        xml,
      };
    });
}

function seriesOf(ser: XmlElement): ChartSeriesView {
  const cache = (el: XmlElement | undefined) => {
    const c = el
      ? [...descendants(el, C, 'strCache'), ...descendants(el, C, 'numCache'), ...descendants(el, C, 'lvl')]
      : [];
    return c[0];
  };
  const points = (el: XmlElement | undefined) => {
    const out = new Map<number, string>();
    if (!el) return { count: 0, out };
    for (const pt of descendants(el, C, 'pt')) out.set(Number(attr(pt, 'idx')), textContent(firstChild(pt, C, 'v')!));
    const count = Number(attr(descendants(el, C, 'ptCount')[0] ?? el, 'val') ?? out.size);
    return { count, out };
  };
  const name = textContent(descendants(firstChild(ser, C, 'tx') ?? ser, C, 'v')[0] ?? ser);
  const cat = points(cache(firstChild(ser, C, 'cat') ?? firstChild(ser, C, 'xVal')));
  const val = points(cache(firstChild(ser, C, 'val') ?? firstChild(ser, C, 'yVal')));
  return {
    name,
    categories: Array.from({ length: cat.count }, (_, i) => cat.out.get(i) ?? ''),
    values: Array.from({ length: val.count }, (_, i) => (val.out.has(i) ? Number(val.out.get(i)) : null)),
  };
}

/** The first sheet of an .xlsx as rows of cells, shared strings resolved, by cell reference (gaps are null). */
export function readWorkbook(bytes: Uint8Array): (string | number | null)[][] {
  const files = new Map(readZip(bytes).map((e) => [e.name, new TextDecoder().decode(e.data)]));
  const shared = files.has('xl/sharedStrings.xml')
    ? childElements(parseXml(files.get('xl/sharedStrings.xml')!), SML, 'si').map(textContent)
    : [];
  const sheet = parseXml(files.get('xl/worksheets/sheet1.xml')!);
  const rows: (string | number | null)[][] = [];
  for (const c of descendants(sheet, SML, 'c')) {
    const ref = /^([A-Z]+)(\d+)$/.exec(attr(c, 'r') ?? '')!;
    const col = [...ref[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(ref[2]) - 1;
    const v = firstChild(c, SML, 'v');
    const raw = v ? textContent(v) : '';
    const value = raw === '' ? null : attr(c, 't') === 's' ? shared[Number(raw)] : Number(raw);
    rows[row] ??= [];
    rows[row][col] = value;
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (x) => x ?? null));
}
