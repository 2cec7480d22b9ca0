import { type Document, type Element, XMLSerializer } from '@xmldom/xmldom';
import { children, descendants, parsePart } from '../../template/xml.js';
import { readZip, writeZip } from '../../util/zip.js';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DCTERMS = 'http://purl.org/dc/terms/';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
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
export function repairChartParts(
  parts: Map<string, string | Uint8Array>,
  timestamp: string,
  palette: readonly string[] = ACCENTS,
): void {
  const decoder = new TextDecoder();
  const text = (v: string | Uint8Array) => (typeof v === 'string' ? v : decoder.decode(v));
  renumberCharts(parts, text);
  for (const [name, value] of [...parts]) {
    if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) parts.set(name, repairChart(text(value), name, palette));
    else if (/^ppt\/embeddings\/[^/]+\.xlsx$/.test(name) && typeof value !== 'string')
      parts.set(name, stableWorkbook(value, timestamp));
  }
}

/**
 * pptxgenjs numbers charts and their workbooks with a counter that lives as long as the process, so a deck's second
 * build would name them `chart9.xml`…: they are numbered from 1 in the order they were written, and the
 * relationships of slides and charts point at the new names (relative targets, where pptxgenjs writes absolute ones).
 */
function renumberCharts(parts: Map<string, string | Uint8Array>, text: (v: string | Uint8Array) => string): void {
  const number = (n: string) => Number(/(\d+)\.xml$/.exec(n)![1]);
  const charts = [...parts.keys()]
    .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
    .sort((a, b) => number(a) - number(b));
  if (charts.length === 0) return;
  const renamed = new Map(charts.map((n, i) => [n.slice('ppt/charts/'.length), `chart${i + 1}.xml`]));
  const moves: [string, string, string | Uint8Array][] = [];
  charts.forEach((name, i) => {
    const relsName = `ppt/charts/_rels/${name.slice('ppt/charts/'.length)}.rels`;
    const rels = parsePart(text(parts.get(relsName)!), relsName);
    for (const rel of descendants(rels, REL, 'Relationship')) {
      const target = rel.getAttribute('Target') ?? '';
      const book = /[^/]+\.xlsx$/.exec(target)?.[0];
      if (!book) continue;
      const to = `Microsoft_Excel_Worksheet${i + 1}.xlsx`;
      moves.push([`ppt/embeddings/${book}`, `ppt/embeddings/${to}`, parts.get(`ppt/embeddings/${book}`)!]);
      rel.setAttribute('Target', `../embeddings/${to}`);
    }
    moves.push([name, `ppt/charts/chart${i + 1}.xml`, parts.get(name)!]);
    moves.push([relsName, `ppt/charts/_rels/chart${i + 1}.xml.rels`, new XMLSerializer().serializeToString(rels)]);
  });
  for (const [from] of moves) parts.delete(from);
  for (const [, to, data] of moves) parts.set(to, data);
  for (const name of [...parts.keys()].filter((n) => /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(n))) {
    const rels = parsePart(text(parts.get(name)!), name);
    let changed = false;
    for (const rel of descendants(rels, REL, 'Relationship')) {
      if (!(rel.getAttribute('Type') ?? '').endsWith('/chart')) continue;
      const old = /[^/]+$/.exec(rel.getAttribute('Target') ?? '')![0];
      rel.setAttribute('Target', `../charts/${renamed.get(old) ?? old}`);
      changed = true;
    }
    if (changed) parts.set(name, new XMLSerializer().serializeToString(rels));
  }
}

/** One chart part, repaired (see `repairChartParts`). */
export function repairChart(xml: string, name: string, palette: readonly string[] = ACCENTS): string {
  const doc = parsePart(xml, name);
  for (const plot of descendants(doc, C, 'plotArea')) {
    const axes = new Set<string>();
    for (const ax of children(plot).filter(isAxis)) {
      const id = valOf(ax, 'axId');
      if (id === undefined || axes.has(id)) plot.removeChild(ax);
      else axes.add(id);
    }
    for (const group of children(plot).filter((e) => e.namespaceURI === C && (e.localName ?? '').endsWith('Chart')))
      for (const axId of children(group, C, 'axId'))
        if (!axes.has(axId.getAttribute('val') ?? '')) group.removeChild(axId);
    for (const ax of children(plot, C, 'valAx'))
      for (const e of children(ax)) if (CAT_AXIS_ONLY.has(e.localName ?? '')) ax.removeChild(e);
    // A line chart's grouping is required (pptxgenjs leaves it out): first in the group.
    for (const line of children(plot, C, 'lineChart'))
      if (children(line, C, 'grouping').length === 0) {
        const g = doc.createElementNS(C, 'c:grouping');
        g.setAttribute('val', 'standard');
        line.insertBefore(g, line.firstChild);
      }
    // A line or scatter series has no invertIfNegative (pptxgenjs writes a bar series' for it).
    for (const group of children(plot).filter((e) => /^(line|scatter|radar|area)Chart$/.test(e.localName ?? '')))
      for (const ser of children(group, C, 'ser')) {
        for (const e of children(ser, C, 'invertIfNegative')) ser.removeChild(e);
        if (group.localName === 'lineChart') inSchemaOrder(ser, LINE_SER);
      }
    const series = children(plot)
      .filter((e) => (e.localName ?? '').endsWith('Chart'))
      .flatMap((g) => children(g, C, 'ser'));
    series.forEach((ser, k) => {
      setVal(ser, 'idx', k);
      setVal(ser, 'order', k);
      const points = children(ser, C, 'dPt');
      if (points.length > 0) {
        points.forEach((pt, i) => recolour(doc, pt, Number(valOf(pt, 'idx') ?? i), palette));
        // Slices are parted by the background colour.
        lineColour(doc, ser, [], 'bg1');
      } else recolour(doc, ser, k, palette);
    });
    for (const lines of descendants(plot, C, 'majorGridlines')) lineColour(doc, lines, GRIDLINE);
    for (const ax of children(plot).filter(isAxis)) lineColour(doc, ax, AXIS_LINE);
  }
  // Text pptxgenjs sets in black Arial where no option reaches it (a pie's series labels) follows the theme instead.
  for (const clr of descendants(doc, A, 'srgbClr'))
    if (clr.getAttribute('val') === '000000') {
      const ref = doc.createElementNS(A, 'a:schemeClr');
      ref.setAttribute('val', 'tx1');
      clr.parentNode?.replaceChild(ref, clr);
    }
  for (const latin of descendants(doc, A, 'latin'))
    if (latin.getAttribute('typeface') === 'Arial') latin.setAttribute('typeface', '+mn-lt');
  for (const cache of descendants(doc, C, 'numCache'))
    for (const pt of children(cache, C, 'pt'))
      if ((children(pt, C, 'v')[0]?.textContent ?? '').trim() === '') cache.removeChild(pt);
  return new XMLSerializer().serializeToString(doc);
}

/** The embedded workbook: the deck's timestamp in its properties, no empty cells. Entry order and names kept. */
export function stableWorkbook(bytes: Uint8Array, timestamp: string): Uint8Array {
  const entries = readZip(bytes).map((e) => {
    const xml = () => new TextDecoder().decode(e.data);
    let doc: Document | undefined;
    if (e.name === 'docProps/core.xml') {
      doc = parsePart(xml(), e.name);
      for (const local of ['created', 'modified'])
        for (const el of descendants(doc, DCTERMS, local)) el.textContent = timestamp;
    } else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) {
      doc = parsePart(xml(), e.name);
      for (const cell of descendants(doc, SML, 'c')) {
        const v = children(cell, SML, 'v')[0];
        if (v && (v.textContent ?? '') === '') cell.parentNode?.removeChild(cell);
      }
    }
    return doc ? { name: e.name, data: new TextEncoder().encode(new XMLSerializer().serializeToString(doc)) } : e;
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
  const rank = (e: Element) => order.indexOf(e.localName ?? '');
  for (const k of [...kids].sort((a, b) => rank(a) - rank(b))) el.appendChild(k);
}

const isAxis = (e: Element) =>
  e.namespaceURI === C &&
  (e.localName === 'catAx' || e.localName === 'valAx' || e.localName === 'dateAx' || e.localName === 'serAx');

const valOf = (el: Element, local: string) => children(el, C, local)[0]?.getAttribute('val') ?? undefined;

function setVal(el: Element, local: string, v: number): void {
  children(el, C, local)[0]?.setAttribute('val', String(v));
}

/** The k-th colour of the cycle on a series or data point: its fill, its line and its marker. */
function recolour(doc: Document, el: Element, k: number, palette: readonly string[]): void {
  const shade = SHADES[Math.floor(k / palette.length) % SHADES.length];
  const fills = [
    ...children(el, C, 'spPr'),
    ...children(el, C, 'marker').flatMap((m) => children(m, C, 'spPr')),
  ].flatMap((sp) => descendants(sp, A, 'solidFill'));
  for (const fill of fills) setColour(doc, fill, palette[k % palette.length], shade);
}

function lineColour(doc: Document, el: Element, shade: readonly [string, number][], scheme = 'tx1'): void {
  for (const sp of children(el, C, 'spPr'))
    for (const ln of children(sp, A, 'ln'))
      for (const fill of children(ln, A, 'solidFill')) setColour(doc, fill, scheme, shade);
}

function setColour(doc: Document, fill: Element, scheme: string, shade: readonly (readonly [string, number])[]): void {
  // Keep a transparency pptxgenjs wrote (chartColorsOpacity); the colour itself is replaced.
  const old = children(fill)[0];
  const alpha = old ? children(old, A, 'alpha')[0] : undefined;
  while (fill.firstChild) fill.removeChild(fill.firstChild);
  const clr = doc.createElementNS(A, 'a:schemeClr');
  clr.setAttribute('val', scheme);
  for (const [local, v] of shade) {
    const m = doc.createElementNS(A, `a:${local}`);
    m.setAttribute('val', String(v));
    clr.appendChild(m);
  }
  if (alpha && !shade.some(([local]) => local === 'alpha')) clr.appendChild(alpha);
  fill.appendChild(clr);
}
