import { type Document, type Element, XMLSerializer } from '@xmldom/xmldom';
import { children, descendants, parsePart } from '../../template/xml.js';
import { readZip, writeZip } from '../../util/zip.js';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DCTERMS = 'http://purl.org/dc/terms/';

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
/** Gridlines and axis lines: the text colour, lightened, so they follow the theme (PowerPoint's default style). */
const GRIDLINE: readonly [string, number][] = [
  ['lumMod', 15000],
  ['lumOff', 85000],
];
const AXIS_LINE: readonly [string, number][] = [
  ['lumMod', 25000],
  ['lumOff', 75000],
];

/**
 * pptxgenjs's chart parts → charts PowerPoint opens without repair, in the theme's colours, with the same bytes for
 * the same deck. On parsed XML:
 * - every chart group lists only axes the plot writes (pptxgenjs lists a third `c:axId` with no axis for every 2D bar
 *   and line chart, #1534, and repeats it in every group of a combination chart, #1013), an axis id is written once,
 *   and series ids are unique across the groups;
 * - every series (every slice, for a pie) gets its own theme colour by reference: pptxgenjs picks a random one of
 *   the given colours when there are fewer than series or slices (#588);
 * - gridlines and axis lines follow the theme's text colour (pptxgenjs writes a scheme name as if it were hex);
 * - an empty cell is a missing point, not an empty value;
 * - the embedded workbook carries the deck's timestamp (pptxgenjs stamps it with the clock) and no empty cells.
 */
export function repairChartParts(parts: Map<string, string | Uint8Array>, timestamp: string): void {
  const decoder = new TextDecoder();
  const text = (v: string | Uint8Array) => (typeof v === 'string' ? v : decoder.decode(v));
  for (const [name, value] of [...parts]) {
    if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) parts.set(name, repairChart(text(value), name));
    else if (/^ppt\/embeddings\/[^/]+\.xlsx$/.test(name) && typeof value !== 'string')
      parts.set(name, stableWorkbook(value, timestamp));
  }
}

/** One chart part, repaired (see `repairChartParts`). */
export function repairChart(xml: string, name: string): string {
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
    const series = children(plot)
      .filter((e) => (e.localName ?? '').endsWith('Chart'))
      .flatMap((g) => children(g, C, 'ser'));
    series.forEach((ser, k) => {
      setVal(ser, 'idx', k);
      setVal(ser, 'order', k);
      const points = children(ser, C, 'dPt');
      if (points.length > 0) points.forEach((pt, i) => recolour(doc, pt, Number(valOf(pt, 'idx') ?? i)));
      else recolour(doc, ser, k);
    });
    for (const lines of descendants(plot, C, 'majorGridlines')) lineColour(doc, lines, GRIDLINE);
    for (const ax of children(plot).filter(isAxis)) lineColour(doc, ax, AXIS_LINE);
  }
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

const isAxis = (e: Element) =>
  e.namespaceURI === C &&
  (e.localName === 'catAx' || e.localName === 'valAx' || e.localName === 'dateAx' || e.localName === 'serAx');

const valOf = (el: Element, local: string) => children(el, C, local)[0]?.getAttribute('val') ?? undefined;

function setVal(el: Element, local: string, v: number): void {
  children(el, C, local)[0]?.setAttribute('val', String(v));
}

/** The k-th colour of the cycle on a series or data point: its fill, its line and its marker. */
function recolour(doc: Document, el: Element, k: number): void {
  const shade = SHADES[Math.floor(k / ACCENTS.length) % SHADES.length];
  const fills = [
    ...children(el, C, 'spPr'),
    ...children(el, C, 'marker').flatMap((m) => children(m, C, 'spPr')),
  ].flatMap((sp) => descendants(sp, A, 'solidFill'));
  for (const fill of fills) setColour(doc, fill, ACCENTS[k % ACCENTS.length], shade);
}

function lineColour(doc: Document, el: Element, shade: readonly [string, number][]): void {
  for (const sp of children(el, C, 'spPr'))
    for (const ln of children(sp, A, 'ln'))
      for (const fill of children(ln, A, 'solidFill')) setColour(doc, fill, 'tx1', shade);
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
  if (alpha) clr.appendChild(alpha);
  fill.appendChild(clr);
}
