import { esc, XML_HEAD } from './xml.js';

const PML = 'application/vnd.openxmlformats-officedocument.presentationml';

/** Content types by part name; null for parts covered by an extension Default. */
function overrideOf(part: string, template: boolean): string | null {
  if (part === 'ppt/presentation.xml') return `${PML}.${template ? 'template' : 'presentation'}.main+xml`;
  const rules: [RegExp, string][] = [
    [/^ppt\/slides\/slide\d+\.xml$/, `${PML}.slide+xml`],
    [/^ppt\/slideLayouts\/slideLayout\d+\.xml$/, `${PML}.slideLayout+xml`],
    [/^ppt\/slideMasters\/slideMaster\d+\.xml$/, `${PML}.slideMaster+xml`],
    [/^ppt\/notesSlides\/notesSlide\d+\.xml$/, `${PML}.notesSlide+xml`],
    [/^ppt\/notesMasters\/notesMaster\d+\.xml$/, `${PML}.notesMaster+xml`],
    [/^ppt\/handoutMasters\/handoutMaster\d+\.xml$/, `${PML}.handoutMaster+xml`],
    [/^ppt\/theme\/theme\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.theme+xml'],
    [/^ppt\/presProps\.xml$/, `${PML}.presProps+xml`],
    [/^ppt\/viewProps\.xml$/, `${PML}.viewProps+xml`],
    [/^ppt\/tableStyles\.xml$/, `${PML}.tableStyles+xml`],
    [/^ppt\/commentAuthors\.xml$/, `${PML}.commentAuthors+xml`],
    [/^ppt\/charts\/chart\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
    [/^docProps\/core\.xml$/, 'application/vnd.openxmlformats-package.core-properties+xml'],
    [/^docProps\/app\.xml$/, 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
    [/^docProps\/custom\.xml$/, 'application/vnd.openxmlformats-officedocument.custom-properties+xml'],
  ];
  return rules.find(([re]) => re.test(part))?.[1] ?? null;
}

/**
 * Extension Defaults for media and the package's own parts (`image/jpeg` for .jpg, never the unregistered `image/jpg`).
 */
const DEFAULTS: Record<string, string> = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  fntdata: 'application/x-fontdata',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * `[Content_Types].xml` made from the parts the package really holds: a
 * Default for every extension used, an Override for every XML part that
 * needs one, nothing for a part that does not exist (pptxgenjs declares a
 * master per slide; PowerPoint repairs such files).
 */
export function contentTypesXml(
  parts: readonly string[],
  template = false,
  declared: ReadonlyMap<string, string> = new Map(),
): string {
  const exts = new Set<string>(['rels', 'xml']);
  const overrides: string[] = [];
  for (const part of parts) {
    if (part === '[Content_Types].xml') continue;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    // A template's part the rules do not know (tags, an .wdp picture) keeps the type the template declared for it.
    const o =
      overrideOf(part, template) ??
      (declared.has(part) && declared.get(part) !== DEFAULTS[ext] ? declared.get(part)! : null);
    if (o) overrides.push(`<Override PartName="/${esc(part)}" ContentType="${esc(o)}"/>`);
    else exts.add(ext);
  }
  const defaults = [...exts].map((e) => {
    const type = DEFAULTS[e];
    if (!type) throw new Error(`briefdeck bug: no content type for \`.${e}\` parts`);
    return `<Default Extension="${e}" ContentType="${type}"/>`;
  });
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join('')}${overrides.join('')}</Types>`;
}
