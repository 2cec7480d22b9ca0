/**
 * Package consistency, beyond the schemas: the checks PowerPoint makes when
 * it decides a file "needs repair" that XSD validation does not (PptxGenJS
 * #1444, #1462, #1441, #1442, #1443, #1449; see the research notes behind
 * the render/package stage). Returns one line per problem; [] means clean.
 */
import { unzipSync } from 'fflate';
import { attr, childElements, descendants, firstChild, NS, parseXml, type XmlElement } from './xml.js';
import { parseRels, relsPartName } from './pptx.js';
import { chartProblems } from './chart-check.js';

const MAGIC: Record<string, (b: Uint8Array) => boolean> = {
  png: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  gif: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46,
  svg: (b) => /^\s*(<\?xml|<svg)/.test(new TextDecoder().decode(b.subarray(0, 200))),
};

const REQUIRED = [
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/core.xml',
  'docProps/app.xml',
  'ppt/presentation.xml',
  'ppt/presProps.xml',
  'ppt/viewProps.xml',
  'ppt/tableStyles.xml',
  'ppt/theme/theme1.xml',
  'ppt/slideMasters/slideMaster1.xml',
];
const KNOWN_TYPES =
  /^(application\/(xml|vnd\.openxmlformats-[A-Za-z.-]+\+xml|vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|x-fontdata)|image\/(png|jpeg|gif|svg\+xml|x-emf|x-wmf|tiff|bmp))$/;

export function checkPackage(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const methods = new Map<string, number>();
  const files = unzipSync(bytes, {
    filter: (f) => {
      methods.set(f.name, f.compression);
      return true;
    },
  });
  const names = Object.keys(files);
  const text = (n: string) => new TextDecoder().decode(files[n]);
  // P1: parts only, every one DEFLATEd.
  for (const n of names) {
    if (n.endsWith('/')) problems.push(`zip: folder entry \`${n}\``);
    else if (methods.get(n) !== 8) problems.push(`zip: \`${n}\` is not DEFLATEd (method ${methods.get(n)})`);
  }
  for (const r of REQUIRED) if (!files[r]) problems.push(`missing part \`${r}\``);
  if (!names.some((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))) problems.push('no slide layout');

  // P2: content types ⇄ parts.
  const ct = parseXml(text('[Content_Types].xml'), '[Content_Types].xml');
  const defaults = new Map<string, string>();
  for (const d of childElements(ct, NS.ct, 'Default')) {
    const ext = (attr(d, 'Extension') ?? '').toLowerCase();
    if (defaults.has(ext)) problems.push(`content types: Default \`${ext}\` twice`);
    defaults.set(ext, attr(d, 'ContentType') ?? '');
  }
  const overrides = new Map<string, string>();
  for (const o of childElements(ct, NS.ct, 'Override')) {
    const part = (attr(o, 'PartName') ?? '').replace(/^\//, '');
    if (overrides.has(part)) problems.push(`content types: Override \`${part}\` twice`);
    overrides.set(part, attr(o, 'ContentType') ?? '');
    if (!files[part]) problems.push(`content types: Override for missing part \`${part}\``);
  }
  for (const [k, v] of [...defaults, ...overrides])
    if (!KNOWN_TYPES.test(v)) problems.push(`content types: unregistered type \`${v}\` for \`${k}\``);
  for (const n of names.filter((x) => x !== '[Content_Types].xml' && !x.endsWith('/'))) {
    if (!overrides.has(n) && !defaults.has(n.slice(n.lastIndexOf('.') + 1).toLowerCase()))
      problems.push(`content types: no type for \`${n}\``);
  }
  for (const ext of defaults.keys())
    if (ext !== 'rels' && ext !== 'xml' && !names.some((n) => n.toLowerCase().endsWith(`.${ext}`)))
      problems.push(`content types: unused Default \`${ext}\``);

  // P3, P4: relationships resolve, ids unique; every id a part uses is in its rels.
  for (const n of names.filter((x) => /\.(xml|rels)$/.test(x))) {
    const xml = text(n);
    try {
      parseXml(xml, n);
    } catch (e) {
      problems.push(`${n}: not well-formed: ${(e as Error).message}`);
      continue;
    }
    if (n.endsWith('.rels')) continue;
    const relsName = relsPartName(n);
    const rels = files[relsName] ? parseRels(text(relsName), n, relsName) : [];
    const ids = new Set<string>();
    for (const r of rels) {
      if (ids.has(r.id)) problems.push(`${relsName}: Id \`${r.id}\` twice`);
      ids.add(r.id);
      if (!r.external && !files[r.target]) problems.push(`${relsName}: \`${r.id}\` targets missing \`${r.target}\``);
    }
    for (const m of xml.matchAll(/\br:(?:id|embed|link|pict)="([^"]*)"/g))
      if (!ids.has(m[1])) problems.push(`${n}: uses \`${m[1]}\`, not in its relationships`);
    // P6: numbers are numbers.
    for (const m of xml.matchAll(/="(NaN|undefined|null|Infinity|-Infinity)"/g))
      problems.push(`${n}: attribute value \`${m[1]}\``);
    for (const m of xml.matchAll(/<a:(?:ext|chExt) cx="(-?\d+)" cy="(-?\d+)"/g))
      if (Number(m[1]) < 0 || Number(m[2]) < 0) problems.push(`${n}: negative extent ${m[1]}×${m[2]}`);
    if (/<a:ln\s*\/>|<a:ln(\s[^>]*)?>\s*<\/a:ln>/.test(xml)) problems.push(`${n}: empty \`<a:ln>\``);
    if (/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\//.test(n))
      problems.push(...shapeProblems(n, parseXml(xml, n)));
    if (/^ppt\/charts\/chart\d+\.xml$/.test(n)) problems.push(...chartProblems(n, parseXml(xml, n)));
  }

  // P12: media bytes are what their name says.
  for (const n of names.filter((x) => x.startsWith('ppt/media/'))) {
    const ext = n.slice(n.lastIndexOf('.') + 1).toLowerCase();
    if (MAGIC[ext] && !MAGIC[ext](files[n])) problems.push(`${n}: bytes are not ${ext}`);
  }

  // P13: presentation.xml lists exactly the slides; notes master where the schema wants it.
  const pres = parseXml(text('ppt/presentation.xml'), 'ppt/presentation.xml');
  const slideParts = names.filter((x) => /^ppt\/slides\/slide\d+\.xml$/.test(x));
  const listed = descendants(pres, NS.p, 'sldId').length;
  if (listed !== slideParts.length)
    problems.push(`presentation.xml lists ${listed} slides, the package has ${slideParts.length}`);
  const top = childElements(pres).map((e) => e.local);
  if (top.includes('notesMasterIdLst') && top.indexOf('notesMasterIdLst') > top.indexOf('sldIdLst'))
    problems.push('presentation.xml: notesMasterIdLst after sldIdLst');
  const notesSz = firstChild(pres, NS.p, 'notesSz');
  if (!notesSz || attr(notesSz, 'cx') !== '6858000' || attr(notesSz, 'cy') !== '9144000')
    problems.push("presentation.xml: notes size is not PowerPoint's 6858000 × 9144000");

  // P14: the notes master has a theme of its own.
  const masterThemes = names
    .filter((x) => /^ppt\/slideMasters\/_rels\//.test(x))
    .flatMap((r) => [...text(r).matchAll(/Target="\.\.\/theme\/([^"]+)"/g)].map((m) => m[1]));
  for (const r of names.filter((x) => /^ppt\/notesMasters\/_rels\//.test(x))) {
    for (const m of text(r).matchAll(/Target="\.\.\/theme\/([^"]+)"/g))
      if (masterThemes.includes(m[1])) problems.push(`${r}: the notes master shares \`${m[1]}\` with a slide master`);
  }
  // P15: creation ids unique across parts.
  const creation = new Map<string, string>();
  for (const n of names.filter((x) => x.endsWith('.xml'))) {
    for (const m of text(n).matchAll(/<p14:creationId [^>]*val="(\d+)"/g)) {
      if (creation.has(m[1])) problems.push(`${n}: creationId ${m[1]} also in ${creation.get(m[1])}`);
      creation.set(m[1], n);
    }
  }
  // Notes slides only for slides that have notes; app.xml counts them right.
  const notesParts = names.filter((x) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(x));
  for (const n of notesParts)
    if (/<a:t><\/a:t>|<a:t\/>/.test(text(n).replace(/<a:fld[\s\S]*?<\/a:fld>/g, '')))
      problems.push(`${n}: an empty notes run`);
  const app = text('docProps/app.xml');
  if (Number(/<Slides>(\d+)<\/Slides>/.exec(app)?.[1]) !== slideParts.length)
    problems.push('app.xml: Slides count is wrong');
  if (Number(/<Notes>(\d+)<\/Notes>/.exec(app)?.[1]) !== notesParts.length)
    problems.push('app.xml: Notes count is wrong');
  return problems;
}

/** P7–P10 inside one slide-like part. */
function shapeProblems(part: string, root: XmlElement): string[] {
  const out: string[] = [];
  const ids = new Map<string, number>();
  for (const c of descendants(root, NS.p, 'cNvPr')) {
    const id = attr(c, 'id') ?? '';
    if (!/^\d+$/.test(id) || id === '0') out.push(`${part}: shape id \`${id}\``);
    ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const [id, n] of ids) if (n > 1) out.push(`${part}: shape id ${id} used ${n} times`);
  for (const sp of descendants(root, NS.p, 'sp')) {
    const isSlideImage = descendants(sp, NS.p, 'ph').some((ph) => attr(ph, 'type') === 'sldImg');
    const body = firstChild(sp, NS.p, 'txBody');
    if (!isSlideImage && (!body || childElements(body, NS.a, 'p').length === 0))
      out.push(`${part}: a shape without text body or paragraph`);
  }
  for (const tc of descendants(root, NS.a, 'tc')) {
    const body = firstChild(tc, NS.a, 'txBody');
    if (!body || childElements(body, NS.a, 'p').length === 0) out.push(`${part}: a table cell without a paragraph`);
  }
  for (const bgPr of descendants(root, NS.p, 'bgPr'))
    if (!firstChild(bgPr, NS.a, 'effectLst') && !firstChild(bgPr, NS.a, 'effectDag'))
      out.push(`${part}: background without \`<a:effectLst/>\``);
  for (const p of descendants(root, NS.a, 'p')) {
    const kids = p.children.filter((k): k is XmlElement => typeof k !== 'string');
    const pPrs = kids.filter((k) => k.ns === NS.a && k.local === 'pPr');
    if (pPrs.length > 1 || (pPrs.length === 1 && kids[0] !== pPrs[0]))
      out.push(`${part}: a paragraph with its \`<a:pPr>\` not first and alone`);
  }
  return out;
}
