/**
 * What makes PowerPoint repair a chart part, beyond dml-chart.xsd (which only catches a third `c:axId` where the
 * chart type allows two): the checks the package check runs on every `ppt/charts/chartN.xml`. Returns one line per
 * problem.
 * - C1 (#1534, #1013): every `c:axId` a chart group lists names an axis the plot writes; an axis id is written once;
 *   every `c:crossAx` names another written axis; a 2D group other than a pie or doughnut lists exactly two axes.
 * - C2 (#1013): series `c:idx` and `c:order` unique across the groups of a combination chart.
 * - C3 (#588): every `a:srgbClr` is six hex digits (pptxgenjs writes a scheme name there as if it were hex), and no
 *   two series of a chart, or two slices of a pie, share a fill (pptxgenjs picks a random colour when it was given
 *   fewer colours than series or slices).
 * - C4: a cached point has a value (pptxgenjs writes an empty `c:v` for a missing figure).
 */
import { attr, childElements, descendants, firstChild, type XmlElement } from './xml.js';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const AXES = new Set(['catAx', 'valAx', 'dateAx', 'serAx']);
const NO_AXES = new Set(['pieChart', 'doughnutChart', 'ofPieChart', 'pie3DChart']);

export function chartProblems(part: string, root: XmlElement): string[] {
  const out: string[] = [];
  for (const plot of descendants(root, C, 'plotArea')) {
    const axes = childElements(plot, C).filter((e) => AXES.has(e.local));
    const ids = new Map<string, number>();
    for (const ax of axes) {
      const id = attr(firstChild(ax, C, 'axId')!, 'val') ?? '';
      ids.set(id, (ids.get(id) ?? 0) + 1);
    }
    for (const [id, n] of ids) if (n > 1) out.push(`${part}: axis ${id} written ${n} times`);
    for (const ax of axes) {
      const cross = attr(firstChild(ax, C, 'crossAx') ?? ax, 'val');
      if (cross !== undefined && !ids.has(cross)) out.push(`${part}: ${ax.local} crosses axis ${cross}, not written`);
    }
    const groups = childElements(plot, C).filter((e) => e.local.endsWith('Chart'));
    for (const g of groups) {
      const listed = childElements(g, C, 'axId').map((a) => attr(a, 'val') ?? '');
      for (const id of listed) if (!ids.has(id)) out.push(`${part}: ${g.local} lists axis ${id}, not written`);
      if (!NO_AXES.has(g.local) && !g.local.endsWith('3DChart') && listed.length !== 2)
        out.push(`${part}: ${g.local} lists ${listed.length} axes, expected 2`);
    }
    const series = groups.flatMap((g) => childElements(g, C, 'ser'));
    for (const key of ['idx', 'order']) {
      const seen = new Set<string>();
      for (const s of series) {
        const v = attr(firstChild(s, C, key) ?? s, 'val') ?? '';
        if (seen.has(v)) out.push(`${part}: series ${key} ${v} used twice`);
        seen.add(v);
      }
    }
    for (const g of groups) {
      const sers = childElements(g, C, 'ser');
      if (sers.length > 1) duplicateFills(part, sers, 'series', out);
      for (const s of sers) {
        const points = childElements(s, C, 'dPt');
        if (points.length > 1) duplicateFills(part, points, 'slices', out);
      }
    }
  }
  for (const c of descendants(root, A, 'srgbClr'))
    if (!/^[0-9A-Fa-f]{6}$/.test(attr(c, 'val') ?? '')) out.push(`${part}: colour \`${attr(c, 'val')}\` is not hex`);
  for (const cache of descendants(root, C, 'numCache'))
    for (const pt of childElements(cache, C, 'pt')) {
      const v = firstChild(pt, C, 'v');
      if (!v || v.children.join('').trim() === '') out.push(`${part}: point ${attr(pt, 'idx')} has an empty value`);
    }
  return out;
}

/** The colour of a series' or slice's own fill (or line, for a line series), as a comparable string. */
function fillOf(el: XmlElement): string | undefined {
  const sp = firstChild(el, C, 'spPr');
  if (!sp) return undefined;
  const fill = firstChild(sp, A, 'solidFill') ?? firstChild(firstChild(sp, A, 'ln') ?? sp, A, 'solidFill');
  const clr = fill && childElements(fill)[0];
  if (!clr) return undefined;
  const mods = childElements(clr)
    .filter((m) => m.local !== 'alpha')
    .map((m) => `${m.local}=${attr(m, 'val')}`);
  return [clr.local, attr(clr, 'val'), ...mods].join(' ');
}

function duplicateFills(part: string, els: XmlElement[], what: string, out: string[]): void {
  const seen = new Map<string, number>();
  els.forEach((e, i) => {
    const f = fillOf(e);
    if (f === undefined) return;
    if (seen.has(f)) out.push(`${part}: ${what} ${seen.get(f)} and ${i} share the colour \`${f}\``);
    else seen.set(f, i);
  });
}
