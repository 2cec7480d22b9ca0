import { nextRelId, type Rel, relType } from './rels.js';
import { NS_A, NS_R } from './xml.js';
import { byName, elements, fragment, setChildren, type XmlElement } from './xml-tree.js';
import { attrNS, namespaceOf } from './xml-tree-edit.js';

const SVG_EXT = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';
const NS_ASVG = 'http://schemas.microsoft.com/office/drawing/2016/SVG/main';

/**
 * A slide's picture as PowerPoint 2016+ writes an inserted SVG: the main
 * blip stays the PNG rendering (what LibreOffice, Keynote and older
 * PowerPoint draw), and an `asvg:svgBlip` extension points at the SVG part,
 * which PowerPoint draws as vector. pptxgenjs cannot be given both: its own
 * SVG path stores the SVG bytes in the `.png` fallback (PptxGenJS #1150,
 * #401), which readers show as a broken picture.
 *
 * The slide has one picture (an image slide); its blip is the first that embeds an image. `rels` (the slide's) gets
 * the SVG part's relationship.
 */
export function withSvgBlip(sld: XmlElement, rels: Rel[], svgTarget: string): void {
  const blip = byName(sld, NS_A, ['blip'])
    .get('blip')!
    .find((b) => attrNS(b, NS_R, 'embed') !== undefined);
  if (!blip) throw new Error('briefdeck bug: an image slide without a picture');
  const id = nextRelId(rels);
  rels.push({ id, type: relType('image'), target: svgTarget });
  // Our elements take the blip's own prefix (the part binds it to DrawingML); `r:` is declared where the part does
  // not bind it to relationships.
  const colon = blip.name.indexOf(':');
  const a = colon < 0 ? '' : blip.name.slice(0, colon + 1);
  const r = namespaceOf(blip, 'r') === NS_R ? '' : ` xmlns:r="${NS_R}"`;
  const ext = `<${a}ext uri="${SVG_EXT}"><asvg:svgBlip xmlns:asvg="${NS_ASVG}"${r} r:embed="${id}"/></${a}ext>`;
  const list = elements(blip, NS_A, 'extLst')[0];
  if (list) setChildren(list, [...list.children, ...fragment(ext)]);
  else setChildren(blip, [...blip.children, ...fragment(`<${a}extLst>${ext}</${a}extLst>`)]);
}
