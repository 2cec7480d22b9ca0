import type { Deck } from '../../model/deck.js';
import type { TextFrame } from '../../model/text-frame.js';
import type { Theme } from '../../model/theme.js';
import { layoutsOf } from '../../theme/layouts-of.js';
import { writeZip, type ZipEntry } from '../../util/zip.js';
import { builtinDesign } from './builtin-design.js';
import { seriesPalette } from '../chart-palette.js';
import { chartInPlaceholder } from './chart-frame.js';
import { repairChartParts } from './chart-parts.js';
import { frameText, withTableAlt } from './table-alt.js';
import { contentTypesXml } from './content-types.js';
import type { Design } from './design.js';
import { appXml } from './doc-props-xml.js';
import { notesMasterAfterSlideMasters, notesParagraphs, stableSectionIds } from './presentation-xml.js';
import { fixSlideXml, renumberShapes } from './slide-xml.js';
import { withSvgBlip } from './svg-blip.js';
import { withBuildTiming } from './build-timing.js';
import { templateDesign } from './template-design.js';
import { REL, relsXml } from './xml.js';

/**
 * pptxgenjs's package → the deck PowerPoint opens without repair: the
 * design (briefdeck's own theme, master, layouts and table style, or an
 * organisation template's, unchanged) replaces pptxgenjs's stand-ins; each
 * slide is pointed at the layout it was planned on and repaired
 * (slide-xml.ts); notes slides exist only for slides with notes; content
 * types, app properties and presentation properties match the parts; dates
 * and ids are fixed, so the same deck gives the same bytes. `written` is
 * pptxgenjs's parts in the order it wrote them (part-collector.ts); `frames`
 * are each slide's text frames in the order the renderer wrote them.
 */
export function assemblePackage(
  written: ReadonlyMap<string, string | Uint8Array>,
  deck: Deck,
  theme: Theme,
  frames: readonly (readonly TextFrame[])[],
): Uint8Array {
  const decoder = new TextDecoder();
  const parts = new Map(written);
  const text = (name: string) => {
    const v = parts.get(name);
    if (v === undefined) throw new Error(`briefdeck bug: pptxgenjs wrote no \`${name}\``);
    return typeof v === 'string' ? v : decoder.decode(v);
  };
  const language = deck.info.language;
  const layouts = layoutsOf(theme);

  for (const name of [...parts.keys()])
    if (/^ppt\/(slideLayouts|slideMasters|theme)\//.test(name) || name === 'ppt/tableStyles.xml') parts.delete(name);
  const design: Design = theme.template ? templateDesign(theme) : builtinDesign(deck, theme);
  for (const [name, data] of design.parts) {
    if (parts.has(name)) throw new Error(`briefdeck bug: the design's part \`${name}\` clashes with a slide's`);
    parts.set(name, data);
  }

  // Slides, their layouts and their notes.
  let notes = 0;
  let creation = 0;
  const creationIds = (xml: string) =>
    xml.replace(/(<p14:creationId [^>]*val=")\d+"/g, (_m, head: string) => `${head}${1000000001 + creation++}"`);
  const slideNames = [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  for (const name of slideNames) {
    const number = Number(/(\d+)\.xml$/.exec(name)![1]);
    const planned = deck.slides[number - 1];
    const layout = layouts.layouts.find((l) => l.file === planned.layoutFile);
    if (!layout)
      throw new Error(`briefdeck bug: slide ${number} is on \`${planned.layoutFile}\`, which the theme does not have`);
    let slide = withBuildTiming(
      fixSlideXml(text(name), language, frames[number - 1], layout, !!theme.template),
      frames[number - 1],
    );
    if (planned.kind === 'table' && planned.caption) slide = withTableAlt(slide, frameText(planned.caption));
    if (planned.kind === 'chart' && layout.slots.content) slide = chartInPlaceholder(slide, layout.slots.content.ph);
    const relsName = name.replace('ppt/slides/', 'ppt/slides/_rels/') + '.rels';
    let rels = text(relsName);
    if (planned.kind === 'image' && planned.image.svg) {
      const media = `briefdeck-svg-${number}.svg`;
      parts.set(`ppt/media/${media}`, planned.image.svg);
      ({ slide, rels } = withSvgBlip(slide, rels, `../media/${media}`));
    }
    parts.set(name, slide);
    rels = rels.replace(/Target="\.\.\/slideLayouts\/slideLayout\d+\.xml"/, `Target="../slideLayouts/${layout.file}"`);
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
        parts.set(
          notesName,
          renumberShapes(creationIds(notesParagraphs(xml).replace(/ lang="en-US"/g, ` lang="${language}"`))),
        );
      }
    }
    parts.set(relsName, rels);
  }
  parts.set('ppt/notesMasters/notesMaster1.xml', creationIds(text('ppt/notesMasters/notesMaster1.xml')));
  parts.set(
    'ppt/notesMasters/_rels/notesMaster1.xml.rels',
    relsXml([{ id: 'rId1', type: 'theme', target: `../theme/${design.notesTheme}` }]),
  );

  // Package-wide parts.
  let presentation = stableSectionIds(notesMasterAfterSlideMasters(text('ppt/presentation.xml'))).replace(
    /<p:notesSz cx="\d+" cy="\d+"\/>/,
    '<p:notesSz cx="6858000" cy="9144000"/>',
  );
  if (design.presentation) {
    // A template's masters, slide size and default text style, in place of pptxgenjs's one master.
    const p = design.presentation;
    presentation = presentation
      .replace(
        /<p:sldMasterIdLst>[\s\S]*?<\/p:sldMasterIdLst>/,
        `<p:sldMasterIdLst>${p.masters.map((m, i) => `<p:sldMasterId id="${m.id}" r:id="rIdMaster${i + 1}"/>`).join('')}</p:sldMasterIdLst>`,
      )
      .replace(/<p:sldSz\b[^>]*\/>/, p.sizeXml);
    if (p.defaultTextStyleXml)
      presentation = presentation.replace(/<p:defaultTextStyle>[\s\S]*?<\/p:defaultTextStyle>/, p.defaultTextStyleXml);
    const masterRels = p.masters
      .map(
        (m, i) =>
          `<Relationship Id="rIdMaster${i + 1}" Type="${REL}/slideMaster" Target="${m.part.replace(/^ppt\//, '')}"/>`,
      )
      .join('');
    const firstTheme = [...design.parts.keys()]
      .filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n) && n !== `ppt/theme/${design.notesTheme}`)
      .sort()[0];
    parts.set(
      'ppt/_rels/presentation.xml.rels',
      text('ppt/_rels/presentation.xml.rels')
        .replace(/<Relationship [^>]*Type="[^"]*\/slideMaster"[^>]*\/>/g, '')
        .replace(/(<Relationship [^>]*Type="[^"]*\/theme" Target=")[^"]*"/, `$1${firstTheme.replace(/^ppt\//, '')}"`)
        .replace('</Relationships>', `${masterRels}</Relationships>`),
    );
  }
  parts.set('ppt/presentation.xml', presentation);
  parts.set(
    'docProps/core.xml',
    text('docProps/core.xml').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${deck.info.timestamp}`),
  );
  const fonts = [...new Set([theme.fonts.heading, theme.fonts.body, theme.fonts.mono])];
  parts.set(
    'docProps/app.xml',
    appXml({
      slideTitles: deck.slides.map((s) => s.title),
      notes,
      fonts,
      theme: theme.name,
      company: deck.info.organization,
      size: deck.size,
    }),
  );
  repairChartParts(parts, deck.info.timestamp, seriesPalette(theme));
  parts.delete('[Content_Types].xml');
  const names = [...parts.keys()];
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: contentTypesXml(names, false, design.contentTypes) },
    ...names.map((name) => ({ name, data: parts.get(name)! })),
  ].map((e) => ({
    name: e.name,
    data: typeof e.data === 'string' ? new TextEncoder().encode(e.data) : e.data,
  }));
  return writeZip(entries);
}
