import type { TextFrame } from '../../model/text-frame.js';
import { NS_A, NS_P, escAttr } from './xml.js';
import { byName, elements, setAttr, type XmlElement } from './xml-tree.js';

/**
 * The slide's table gets its caption as alternative text (`descr` on its `p:cNvPr`), which pptxgenjs cannot write for
 * a table: what PowerPoint's accessibility checker and screen readers read.
 */
export function withTableAlt(sld: XmlElement, alt: string): void {
  for (const frame of byName(sld, NS_P, ['graphicFrame']).get('graphicFrame')!) {
    if (byName(frame, NS_A, ['tbl']).get('tbl')!.length === 0) continue;
    for (const nv of elements(frame, NS_P, 'nvGraphicFramePr'))
      for (const c of elements(nv, NS_P, 'cNvPr')) setAttr(c, 'descr', escAttr(alt));
  }
}

/** A frame's text, paragraphs on lines. */
export const frameText = (f: TextFrame): string =>
  f.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
