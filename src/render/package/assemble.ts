import type { Deck } from '../../model/deck.js';
import type { Theme } from '../../model/theme.js';
import { readZip, writeZip, type ZipEntry } from '../../util/zip.js';
import { layoutCatalogue } from '../layout-catalogue.js';
import { contentTypesXml } from './content-types.js';
import { appXml } from './doc-props-xml.js';
import { LOGO_REL, layoutXml } from './layout-xml.js';
import { masterXml } from './master-xml.js';
import { notesMasterAfterSlideMasters, notesParagraphs, stableSectionIds } from './presentation-xml.js';
import { fixSlideXml, renumberShapes } from './slide-xml.js';
import { withSvgBlip } from './svg-blip.js';
import { tableStylesXml } from './table-style-xml.js';
import { themeXml } from './theme-xml.js';
import { relsXml } from './xml.js';

const LOGO_PART = 'ppt/media/briefdeck-logo.png';

/**
 * pptxgenjs's package → the deck PowerPoint opens without repair: briefdeck's
 * own theme, master, layouts, table style and notes theme replace
 * pptxgenjs's stand-ins; slides are pointed at the real layouts and repaired
 * (slide-xml.ts); notes slides exist only for slides with notes; content
 * types, app properties and presentation properties match the parts; dates
 * and ids are fixed, so the same deck gives the same bytes.
 */
export function assemblePackage(raw: Uint8Array, deck: Deck, theme: Theme): Uint8Array {
  const decoder = new TextDecoder();
  const parts = new Map<string, Uint8Array | string>(readZip(raw).map((e) => [e.name, e.data]));
  const text = (name: string) => {
    const v = parts.get(name);
    if (v === undefined) throw new Error(`briefdeck bug: pptxgenjs wrote no \`${name}\``);
    return typeof v === 'string' ? v : decoder.decode(v);
  };
  const language = deck.info.language;

  // pptxgenjs's layouts by name → briefdeck's layout files.
  const catalogue = layoutCatalogue(!!theme.logo);
  const layoutFile = new Map<string, string>();
  for (const name of [...parts.keys()].filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))) {
    const shown = /<p:cSld name="([^"]*)"/.exec(text(name))?.[1];
    const i = catalogue.findIndex((l) => l.name === shown);
    if (i >= 0) layoutFile.set(name.slice('ppt/slideLayouts/'.length), `slideLayout${i + 1}.xml`);
  }
  for (const name of [...parts.keys()]) if (/^ppt\/(slideLayouts|slideMasters)\//.test(name) || name === 'ppt/theme/theme1.xml') parts.delete(name);

  catalogue.forEach((spec, i) => {
    parts.set(`ppt/slideLayouts/slideLayout${i + 1}.xml`, layoutXml(spec, theme, deck.chrome, language));
    const rels = [{ id: 'rId1', type: 'slideMaster', target: '../slideMasters/slideMaster1.xml' }];
    if (theme.logo) rels.push({ id: LOGO_REL, type: 'image', target: `../media/${LOGO_PART.split('/').pop()}` });
    parts.set(`ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`, relsXml(rels));
  });
  parts.set('ppt/slideMasters/slideMaster1.xml', masterXml(theme, catalogue.length));
  parts.set(
    'ppt/slideMasters/_rels/slideMaster1.xml.rels',
    relsXml([...catalogue.map((_, i) => ({ id: `rId${i + 1}`, type: 'slideLayout', target: `../slideLayouts/slideLayout${i + 1}.xml` })), { id: `rId${catalogue.length + 1}`, type: 'theme', target: '../theme/theme1.xml' }]),
  );
  parts.set('ppt/theme/theme1.xml', themeXml(theme));
  parts.set('ppt/theme/theme2.xml', themeXml(theme, `${theme.name} (notes)`));
  parts.set('ppt/tableStyles.xml', tableStylesXml(theme, theme.name));
  if (theme.logo) parts.set(LOGO_PART, theme.logo.data);

  // Slides, their layouts and their notes.
  let notes = 0;
  let creation = 0;
  const creationIds = (xml: string) => xml.replace(/(<p14:creationId [^>]*val=")\d+"/g, (_m, head: string) => `${head}${1000000001 + creation++}"`);
  const slideNames = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  for (const name of slideNames) {
    let slide = fixSlideXml(text(name), language);
    const relsName = name.replace('ppt/slides/', 'ppt/slides/_rels/') + '.rels';
    let rels = text(relsName);
    const number = Number(/(\d+)\.xml$/.exec(name)![1]);
    const planned = deck.slides[number - 1];
    if (planned?.kind === 'image' && planned.image.svg) {
      const media = `briefdeck-svg-${number}.svg`;
      parts.set(`ppt/media/${media}`, planned.image.svg);
      ({ slide, rels } = withSvgBlip(slide, rels, `../media/${media}`));
    }
    parts.set(name, slide);
    rels = rels.replace(/Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/, (_m, file: string) => `Target="../slideLayouts/${layoutFile.get(file) ?? file}"`);
    const notesTarget = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    if (notesTarget) {
      const notesName = `ppt/notesSlides/${notesTarget}`;
      const xml = text(notesName);
      if (/<a:t><\/a:t>/.test(xml) && !/<a:t>[^<]+<\/a:t>/.test(xml.replace(/<a:fld[\s\S]*?<\/a:fld>/g, ''))) {
        // pptxgenjs writes a notes slide, with an empty run, for every slide.
        parts.delete(notesName);
        parts.delete(`ppt/notesSlides/_rels/${notesTarget}.rels`);
        rels = rels.replace(/<Relationship [^>]*Target="\.\.\/notesSlides\/[^"]+"\/>/, '');
      } else {
        notes++;
        parts.set(notesName, renumberShapes(creationIds(notesParagraphs(xml).replace(/ lang="en-US"/g, ` lang="${language}"`))));
      }
    }
    parts.set(relsName, rels);
  }
  parts.set('ppt/notesMasters/notesMaster1.xml', creationIds(text('ppt/notesMasters/notesMaster1.xml')));
  parts.set('ppt/notesMasters/_rels/notesMaster1.xml.rels', relsXml([{ id: 'rId1', type: 'theme', target: '../theme/theme2.xml' }]));

  // Package-wide parts.
  parts.set(
    'ppt/presentation.xml',
    stableSectionIds(notesMasterAfterSlideMasters(text('ppt/presentation.xml'))).replace(/<p:notesSz cx="\d+" cy="\d+"\/>/, '<p:notesSz cx="6858000" cy="9144000"/>'),
  );
  parts.set('docProps/core.xml', text('docProps/core.xml').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${deck.info.timestamp}`));
  const fonts = [...new Set([theme.fonts.heading, theme.fonts.body, theme.fonts.mono])];
  parts.set('docProps/app.xml', appXml({ slideTitles: deck.slides.map((s) => s.title), notes, fonts, theme: theme.name, company: deck.info.organization }));
  parts.delete('[Content_Types].xml');
  const names = [...parts.keys()];
  const entries: ZipEntry[] = [{ name: '[Content_Types].xml', data: contentTypesXml(names) }, ...names.map((name) => ({ name, data: parts.get(name)! }))].map((e) => ({
    name: e.name,
    data: typeof e.data === 'string' ? new TextEncoder().encode(e.data) : e.data,
  }));
  return writeZip(entries);
}
