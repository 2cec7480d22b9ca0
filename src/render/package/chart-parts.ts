import { readZip, writeZip } from '../../util/zip.js';
import type { PackageParts } from './package-parts.js';
import { esc } from './xml.js';
import { relsOfType, resolveTarget } from './rels.js';
import {
  attr,
  byName,
  elements as children,
  fragment,
  parseXmlTree,
  remove,
  serializeElement,
  serializeXmlTree,
  setAttr,
  setChildren,
  type XmlElement as Element,
} from './xml-tree.js';
import { replaceWith, textOf } from './xml-tree-edit.js';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DCTERMS = 'http://purl.org/dc/terms/';
/** Elements only a category axis has: pptxgenjs writes them into a scatter chart's x value axis too. */
const CAT_AXIS_ONLY = new Set(['auto', 'lblAlgn', 'lblOffset', 'noMultiLvlLbl', 'tickLblSkip', 'tickMarkSkip']);

const ACCENTS = ['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'];
/** Past six series the accents repeat, darker then lighter, as PowerPoint's own colour cycle does. */
const SHADES: readonly (readonly [string, number][])[] = [
  [],
  [['lumMod', 60000]],
  [
    ['lumMod', 60000],
    ['lumOff', 40000],
  ],
  [['lumMod', 50000]],
  [
    ['lumMod', 80000],
    ['lumOff', 20000],
  ],
];
/**
 * Gridlines and axis lines: the text colour, faded by transparency, so they suit a light theme and a dark one alike
 * (a lightened text colour would glare on a dark background).
 */
const GRIDLINE: readonly [string, number][] = [['alpha', 20000]];
const AXIS_LINE: readonly [string, number][] = [['alpha', 45000]];

/**
 * pptxgenjs's chart parts → charts PowerPoint opens without repair, in the theme's colours, with the same bytes for
 * the same deck. On parsed XML:
 * - every chart group lists only axes the plot writes (pptxgenjs lists a third `c:axId` with no axis for every 2D bar
 *   and line chart, #1534, and repeats it in every group of a combination chart, #1013), an axis id is written once,
 *   and series ids are unique across the groups;
 * - every series (every slice, for a pie) gets its own theme colour by reference, from `palette` (the theme's
 *   distinct accents): pptxgenjs picks a random one of the given colours when there are fewer than series or
 *   slices (#588);
 * - gridlines and axis lines are the theme's text colour, faded (pptxgenjs writes a scheme name as if it were hex);
 * - an empty cell is a missing point, not an empty value; a line chart has its grouping, a scatter chart's value
 *   axes only what a value axis may hold (both schema errors in pptxgenjs's output);
 * - charts and workbooks numbered from 1 in each deck (pptxgenjs counts on across builds in one process);
 * - the embedded workbook carries the deck's timestamp (pptxgenjs stamps it with the clock) and no empty cells.
 */
export function repairChartParts(parts: PackageParts, timestamp: string, palette: readonly string[] = ACCENTS): void {
  renumberCharts(parts);
  for (const name of parts.names()) {
    if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) {
      repairChartTree(parts.xml(name).root, palette);
      parts.written(name);
    } else if (/^ppt\/embeddings\/[^/]+\.xlsx$/.test(name)) {
      const data = parts.data(name);
      if (typeof data !== 'string') parts.set(name, stableWorkbook(data, timestamp));
    }
  }
}

/**
 * pptxgenjs numbers charts and their workbooks with a counter that lives as long as the process, so a deck's second
 * build would name them `chart9.xml`…: they are numbered from 1 in the order they were written, and the
 * relationships of slides and charts point at the new names (relative targets, where pptxgenjs writes absolute ones).
 */
function renumberCharts(parts: PackageParts): void {
  const number = (n: string) => Number(/(\d+)\.xml$/.exec(n)![1]);
  const charts = parts
    .names()
    .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
    .sort((a, b) => number(a) - number(b));
  if (charts.length === 0) return;
  const renamed = new Map(charts.map((n, i) => [n, `chart${i + 1}.xml`]));
  const moves: [string, string][] = [];
  charts.forEach((name, i) => {
    const relsName = `ppt/charts/_rels/${name.slice('ppt/charts/'.length)}.rels`;
    for (const rel of parts.rels(relsName)) {
      const book = resolveTarget(name, rel.target);
      if (!/^ppt\/embeddings\/[^/]+\.xlsx$/.test(book)) continue;
      const to = `Microsoft_Excel_Worksheet${i + 1}.xlsx`;
      moves.push([book, `ppt/embeddings/${to}`]);
      rel.target = `../embeddings/${to}`;
    }
    moves.push([name, `ppt/charts/chart${i + 1}.xml`]);
    moves.push([relsName, `ppt/charts/_rels/chart${i + 1}.xml.rels`]);
  });
  parts.rename(moves);
  for (const name of parts.names().filter((n) => /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(n))) {
    const slide = name.replace('/_rels/', '/').replace(/\.rels$/, '');
    for (const rel of relsOfType(parts.rels(name), 'chart')) {
      const chart = resolveTarget(slide, rel.target);
      rel.target = `../charts/${renamed.get(chart) ?? chart.slice(chart.lastIndexOf('/') + 1)}`;
    }
  }
}

/** One chart part, repaired (see `repairChartParts`): for a chart read on its own. */
export function repairChart(xml: string, name: string, palette: readonly string[] = ACCENTS): string {
  const tree = parseXmlTree(xml, name);
  repairChartTree(tree.root, palette);
  return serializeXmlTree(tree);
}

function repairChartTree(root: Element, palette: readonly string[]): void {
  for (const plot of descendants(root, C, 'plotArea')) {
    const axes = new Set<string>();
    for (const ax of children(plot).filter(isAxis)) {
      const id = valOf(ax, 'axId');
      if (id === undefined || axes.has(id)) remove(ax);
      else axes.add(id);
    }
    for (const group of children(plot).filter((e) => e.ns === C && e.local.endsWith('Chart')))
      for (const axId of children(group, C, 'axId')) if (!axes.has(attr(axId, 'val') ?? '')) remove(axId);
    for (const ax of children(plot, C, 'valAx'))
      for (const e of children(ax)) if (CAT_AXIS_ONLY.has(e.local)) remove(e);
    // A line chart's grouping is required (pptxgenjs leaves it out): first in the group.
    for (const line of children(plot, C, 'lineChart'))
      if (children(line, C, 'grouping').length === 0)
        setChildren(line, [...fragment(`<${prefix(line)}grouping val="standard"/>`), ...line.children]);
    // A line or scatter series has no invertIfNegative (pptxgenjs writes a bar series' for it).
    for (const group of children(plot).filter((e) => /^(line|scatter|radar|area)Chart$/.test(e.local)))
      for (const ser of children(group, C, 'ser')) {
        for (const e of children(ser, C, 'invertIfNegative')) remove(e);
        if (group.local === 'lineChart') inSchemaOrder(ser, LINE_SER);
      }
    const series = children(plot)
      .filter((e) => e.local.endsWith('Chart'))
      .flatMap((g) => children(g, C, 'ser'));
    series.forEach((ser, k) => {
      setVal(ser, 'idx', k);
      setVal(ser, 'order', k);
      const points = children(ser, C, 'dPt');
      if (points.length > 0) {
        points.forEach((pt, i) => recolour(pt, Number(valOf(pt, 'idx') ?? i), palette));
        // Slices are parted by the background colour.
        lineColour(ser, [], 'bg1');
      } else recolour(ser, k, palette);
    });
    for (const lines of descendants(plot, C, 'majorGridlines')) lineColour(lines, GRIDLINE);
    for (const ax of children(plot).filter(isAxis)) lineColour(ax, AXIS_LINE);
  }
  // Text pptxgenjs sets in black Arial where no option reaches it (a pie's series labels) follows the theme instead.
  for (const clr of descendants(root, A, 'srgbClr'))
    if (attr(clr, 'val') === '000000') replaceWith(clr, fragment(`<${prefix(clr)}schemeClr val="tx1"/>`));
  for (const latin of descendants(root, A, 'latin'))
    if (attr(latin, 'typeface') === 'Arial') setAttr(latin, 'typeface', '+mn-lt');
  for (const cache of descendants(root, C, 'numCache'))
    for (const pt of children(cache, C, 'pt')) if (textOf(children(pt, C, 'v')[0] ?? pt).trim() === '') remove(pt);
}

/** The embedded workbook: the deck's timestamp in its properties, no empty cells. Entry order and names kept. */
export function stableWorkbook(bytes: Uint8Array, timestamp: string): Uint8Array {
  const entries = readZip(bytes).map((e) => {
    const xml = () => parseXmlTree(new TextDecoder().decode(e.data), e.name);
    let tree: ReturnType<typeof parseXmlTree> | undefined;
    if (e.name === 'docProps/core.xml') {
      tree = xml();
      for (const local of ['created', 'modified'])
        for (const el of descendants(tree.root, DCTERMS, local)) setChildren(el, [esc(timestamp)]);
    } else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) {
      tree = xml();
      for (const cell of descendants(tree.root, SML, 'c')) {
        const v = children(cell, SML, 'v')[0];
        if (v && textOf(v) === '') remove(cell);
      }
    }
    return tree ? { name: e.name, data: new TextEncoder().encode(serializeXmlTree(tree)) } : e;
  });
  return writeZip(entries);
}

/** CT_LineSer's sequence: pptxgenjs writes the data labels before the marker. */
const LINE_SER = [
  'idx',
  'order',
  'tx',
  'spPr',
  'marker',
  'dPt',
  'dLbls',
  'trendline',
  'errBars',
  'cat',
  'val',
  'smooth',
  'extLst',
];

/** Children put in the order the schema's sequence gives (a stable sort: equal names keep their order). */
function inSchemaOrder(el: Element, order: readonly string[]): void {
  const kids = children(el);
  const rank = (e: Element) => order.indexOf(e.local);
  const sorted = [...kids].sort((a, b) => rank(a) - rank(b));
  if (sorted.every((k, i) => k === kids[i])) return;
  setChildren(el, [...el.children.filter((c) => typeof c === 'string'), ...sorted]);
}

const isAxis = (e: Element) =>
  e.ns === C && (e.local === 'catAx' || e.local === 'valAx' || e.local === 'dateAx' || e.local === 'serAx');

const valOf = (el: Element, local: string) => {
  const c = children(el, C, local)[0];
  return c && attr(c, 'val');
};

function setVal(el: Element, local: string, v: number): void {
  const c = children(el, C, local)[0];
  if (c) setAttr(c, 'val', String(v));
}

const descendants = (el: Element, ns: string, local: string): Element[] => byName(el, ns, [local]).get(local)!;

/** The prefix `el` is written with (`c:`), for an element we write beside or inside it in its namespace. */
const prefix = (el: Element): string => {
  const colon = el.name.indexOf(':');
  return colon < 0 ? '' : el.name.slice(0, colon + 1);
};

/** The k-th colour of the cycle on a series or data point: its fill, its line and its marker. */
function recolour(el: Element, k: number, palette: readonly string[]): void {
  const shade = SHADES[Math.floor(k / palette.length) % SHADES.length];
  const fills = [
    ...children(el, C, 'spPr'),
    ...children(el, C, 'marker').flatMap((m) => children(m, C, 'spPr')),
  ].flatMap((sp) => descendants(sp, A, 'solidFill'));
  for (const fill of fills) setColour(fill, palette[k % palette.length], shade);
}

function lineColour(el: Element, shade: readonly [string, number][], scheme = 'tx1'): void {
  for (const sp of children(el, C, 'spPr'))
    for (const ln of children(sp, A, 'ln'))
      for (const fill of children(ln, A, 'solidFill')) setColour(fill, scheme, shade);
}

function setColour(fill: Element, scheme: string, shade: readonly (readonly [string, number])[]): void {
  // Keep a transparency pptxgenjs wrote (chartColorsOpacity); the colour itself is replaced.
  const old = children(fill)[0];
  const alpha = old ? children(old, A, 'alpha')[0] : undefined;
  const a = prefix(fill);
  const mods = shade.map(([local, v]) => `<${a}${local} val="${v}"/>`).join('');
  const keep = alpha && !shade.some(([local]) => local === 'alpha') ? serializeElement(alpha) : '';
  const inner = mods + keep;
  setChildren(
    fill,
    fragment(inner ? `<${a}schemeClr val="${scheme}">${inner}</${a}schemeClr>` : `<${a}schemeClr val="${scheme}"/>`),
  );
}
