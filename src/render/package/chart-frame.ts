import { NS_A, NS_P } from './xml.js';
import { byName, elements, fragment, setChildren, type XmlElement } from './xml-tree.js';
import { requirePrefixes } from './xml-tree-edit.js';

const CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

/**
 * A chart's frame fills the layout's content placeholder, as PowerPoint writes a chart inserted into one: its
 * `<p:ph>` as the layout has it (so *Reset* and a change of layout keep the chart in the content area), grouping
 * locked as for a table. Its position stays the box the planner measured.
 */
export function chartInPlaceholder(sld: XmlElement, ph: string): void {
  for (const frame of byName(sld, NS_P, ['graphicFrame']).get('graphicFrame')!) {
    if (byName(frame, CHART, ['chart']).get('chart')!.length === 0) continue;
    requirePrefixes(frame, 'slide', { a: NS_A, p: NS_P });
    for (const nv of elements(frame, NS_P, 'nvGraphicFramePr')) {
      for (const c of elements(nv, NS_P, 'cNvGraphicFramePr'))
        setChildren(c, fragment('<a:graphicFrameLocks noGrp="1"/>'));
      for (const p of elements(nv, NS_P, 'nvPr')) setChildren(p, fragment(ph));
    }
  }
}
