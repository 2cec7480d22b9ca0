import type { TextFrame } from '../../model/text-frame.js';
import { XMLSerializer } from '@xmldom/xmldom';
import { children, descendants, NS, parsePart } from '../../template/xml.js';

/**
 * The slide's table gets its caption as alternative text (`descr` on its `p:cNvPr`), which pptxgenjs cannot write for
 * a table: what PowerPoint's accessibility checker and screen readers read. Done on parsed XML.
 */
export function withTableAlt(slideXml: string, alt: string): string {
  const doc = parsePart(slideXml, 'slide');
  for (const frame of descendants(doc, NS.p, 'graphicFrame')) {
    if (descendants(frame, NS.a, 'tbl').length === 0) continue;
    for (const nv of children(frame, NS.p, 'nvGraphicFramePr'))
      for (const c of children(nv, NS.p, 'cNvPr')) c.setAttribute('descr', alt);
  }
  return new XMLSerializer().serializeToString(doc);
}

/** A frame's text, paragraphs on lines. */
export const frameText = (f: TextFrame): string =>
  f.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
