import { XMLSerializer } from '@xmldom/xmldom';
import { children, descendants, NS, parsePart } from '../../template/xml.js';

const CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

/**
 * A chart's frame fills the layout's content placeholder, as PowerPoint writes a chart inserted into one: its
 * `<p:ph>` as the layout has it (so *Reset* and a change of layout keep the chart in the content area), grouping
 * locked as for a table. Its position stays the box the planner measured. Done on parsed XML.
 */
export function chartInPlaceholder(slideXml: string, ph: string): string {
  const doc = parsePart(slideXml, 'slide');
  const phElement = parsePart(`<p:w xmlns:p="${NS.p}">${ph}</p:w>`, 'placeholder').documentElement!.firstChild!;
  for (const frame of descendants(doc, NS.p, 'graphicFrame')) {
    if (descendants(frame, CHART, 'chart').length === 0) continue;
    for (const nv of children(frame, NS.p, 'nvGraphicFramePr')) {
      for (const c of children(nv, NS.p, 'cNvGraphicFramePr')) {
        while (c.firstChild) c.removeChild(c.firstChild);
        const locks = doc.createElementNS(NS.a, 'a:graphicFrameLocks');
        locks.setAttribute('noGrp', '1');
        c.appendChild(locks);
      }
      for (const p of children(nv, NS.p, 'nvPr')) {
        while (p.firstChild) p.removeChild(p.firstChild);
        p.appendChild(doc.importNode(phElement, true));
      }
    }
  }
  return new XMLSerializer().serializeToString(doc);
}
