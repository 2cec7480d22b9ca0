import { REL } from './xml.js';

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
 * The slide has one picture (an image slide); its blip is the first.
 */
export function withSvgBlip(slide: string, rels: string, svgTarget: string): { slide: string; rels: string } {
  const ids = [...rels.matchAll(/ Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const id = `rId${Math.max(0, ...ids) + 1}`;
  let found = false;
  const out = slide.replace(/<a:blip r:embed="(rId\d+)"(?:\/>|><\/a:blip>)/, (_m, main: string) => {
    found = true;
    return `<a:blip r:embed="${main}"><a:extLst><a:ext uri="${SVG_EXT}"><asvg:svgBlip xmlns:asvg="${NS_ASVG}" r:embed="${id}"/></a:ext></a:extLst></a:blip>`;
  });
  if (!found) throw new Error('briefdeck bug: an image slide without a picture');
  return {
    slide: out,
    rels: rels.replace(
      '</Relationships>',
      `<Relationship Id="${id}" Type="${REL}/image" Target="${svgTarget}"/></Relationships>`,
    ),
  };
}
