import type { Deck } from '../../model/deck.js';
import type { TextFrame } from '../../model/text-frame.js';
import type { Theme } from '../../model/theme.js';
import { layoutsOf } from '../../theme/layouts-of.js';
import { writeZip } from '../../util/zip.js';
import { builtinDesign } from './builtin-design.js';
import { seriesPalette } from '../chart-palette.js';
import { chartInPlaceholder } from './chart-frame.js';
import { repairChartParts } from './chart-parts.js';
import { frameText, withTableAlt } from './table-alt.js';
import { contentTypesXml } from './content-types.js';
import type { Design } from './design.js';
import { appXml } from './doc-props-xml.js';
import { fixNotes, stableCreationIds } from './notes-xml.js';
import { PackageParts } from './package-parts.js';
import { fixedDates, fixPresentation } from './presentation-xml.js';
import { relsOfType, relType, resolveTarget } from './rels.js';
import { fixSlide } from './slide-xml.js';
import { withSvgBlip } from './svg-blip.js';
import { withBuildTiming } from './build-timing.js';
import { templateDesign } from './template-design.js';
import { esc, relsXml } from './xml.js';

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
 *
 * Every edit goes through one seam (package-parts.ts): a part is parsed
 * once, as an XML tree or a list of relationships, edited as elements (or
 * given whole elements we write), and written once. Nothing here depends on
 * how pptxgenjs serialises a part (test/render/package-seam.test.ts); what it
 * does rely on in pptxgenjs is pinned in test/render/pptxgenjs-pins.test.ts.
 */
export function assemblePackage(
  written: ReadonlyMap<string, string | Uint8Array>,
  deck: Deck,
  theme: Theme,
  frames: readonly (readonly TextFrame[])[],
): Uint8Array {
  const parts = new PackageParts(written);
  const language = deck.info.language;
  const layouts = layoutsOf(theme);

  for (const name of parts.names())
    if (/^ppt\/(slideLayouts|slideMasters|theme)\//.test(name) || name === 'ppt/tableStyles.xml') parts.delete(name);
  const design: Design = theme.template ? templateDesign(theme) : builtinDesign(deck, theme);
  for (const [name, data] of design.parts) {
    if (parts.has(name)) throw new Error(`briefdeck bug: the design's part \`${name}\` clashes with a slide's`);
    parts.set(name, data);
  }

  // Slides, their layouts and their notes.
  let notes = 0;
  let creation = 1000000001;
  const slideNames = parts.names().filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  for (const name of slideNames) {
    const number = Number(/(\d+)\.xml$/.exec(name)![1]);
    const planned = deck.slides[number - 1];
    const layout = layouts.layouts.find((l) => l.file === planned.layoutFile);
    if (!layout)
      throw new Error(`briefdeck bug: slide ${number} is on \`${planned.layoutFile}\`, which the theme does not have`);
    const sld = parts.xml(name).root;
    fixSlide(sld, name, language, frames[number - 1], layout, !!theme.template);
    withBuildTiming(sld, frames[number - 1]);
    if (planned.kind === 'table' && planned.caption) withTableAlt(sld, frameText(planned.caption));
    if (planned.kind === 'chart' && layout.slots.content) chartInPlaceholder(sld, layout.slots.content.ph);
    const relsName = name.replace('ppt/slides/', 'ppt/slides/_rels/') + '.rels';
    const rels = parts.rels(relsName);
    if (planned.kind === 'image' && planned.image.svg) {
      const media = `briefdeck-svg-${number}.svg`;
      parts.set(`ppt/media/${media}`, planned.image.svg);
      withSvgBlip(sld, rels, `../media/${media}`);
    }
    parts.written(name);
    const layoutRels = relsOfType(rels, 'slideLayout');
    if (layoutRels.length !== 1) throw new Error(`briefdeck bug: \`${relsName}\` has ${layoutRels.length} layouts`);
    layoutRels[0].target = `../slideLayouts/${layout.file}`;
    for (const rel of relsOfType(rels, 'notesSlide')) {
      const notesName = resolveTarget(name, rel.target);
      const next = fixNotes(parts.xml(notesName).root, notesName, language, creation);
      if (next === undefined) {
        parts.delete(notesName);
        parts.delete(notesName.replace('ppt/notesSlides/', 'ppt/notesSlides/_rels/') + '.rels');
        rels.splice(rels.indexOf(rel), 1);
      } else {
        notes++;
        creation = next;
        parts.written(notesName);
      }
    }
  }
  stableCreationIds(parts.xml('ppt/notesMasters/notesMaster1.xml').root, creation);
  parts.set(
    'ppt/notesMasters/_rels/notesMaster1.xml.rels',
    relsXml([{ id: 'rId1', type: 'theme', target: `../theme/${design.notesTheme}` }]),
  );

  // Package-wide parts.
  const masterRelIds = design.presentation?.masters.map((_m, i) => `rIdMaster${i + 1}`) ?? [];
  fixPresentation(parts.xml('ppt/presentation.xml').root, design.presentation, masterRelIds);
  if (design.presentation) {
    // A template's masters and first theme, in place of pptxgenjs's one master and theme.
    const rels = parts.rels('ppt/_rels/presentation.xml.rels');
    const firstTheme = [...design.parts.keys()]
      .filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n) && n !== `ppt/theme/${design.notesTheme}`)
      .sort()[0];
    for (const old of relsOfType(rels, 'slideMaster')) rels.splice(rels.indexOf(old), 1);
    const themes = relsOfType(rels, 'theme');
    if (themes.length !== 1) throw new Error('briefdeck bug: pptxgenjs wrote other than one theme');
    themes[0].target = firstTheme.replace(/^ppt\//, '');
    design.presentation.masters.forEach((m, i) =>
      rels.push({ id: masterRelIds[i], type: relType('slideMaster'), target: m.part.replace(/^ppt\//, '') }),
    );
  }
  fixedDates(parts.xml('docProps/core.xml').root, esc(deck.info.timestamp));
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
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: new TextEncoder().encode(contentTypesXml(parts.names(), false, design.contentTypes)),
    },
    ...parts.entries(),
  ]);
}
