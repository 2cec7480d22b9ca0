/**
 * What a template package holds, read straight from its parts, independently
 * of src/ (so a test can hold the product's template reader against it):
 * masters in `p:sldMasterIdLst` order, each master's layouts in
 * `p:sldLayoutIdLst` order, every placeholder with the defaults the schema
 * gives missing attributes, and its box as written or inherited from the
 * master the way PowerPoint inherits it (by type: ctrTitle from title, the
 * content types from body).
 */
import { unzipSync } from 'fflate';
import { parseRels, relsPartName } from './pptx.js';
import { attr, childElements, descendants, firstChild, NS, parseXml, type XmlElement } from './xml.js';

export const PRESENTATION_TYPE = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  potx: 'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml',
} as const;

export interface Box {
  x: number;
  y: number;
  cx: number;
  cy: number;
}

export interface TemplatePlaceholder {
  /** Shape name (`p:cNvPr@name`). */
  name: string;
  /** `p:ph@type`, `obj` when absent (the schema default: `<p:ph/>` is a content placeholder). */
  type: string;
  /** `p:ph@idx`, 0 when absent (the schema default, the same as the title's). */
  idx: number;
  /** Whether `idx` was written (LibreOffice leaves it off its content placeholders). */
  idxWritten: boolean;
  orient?: string;
  sz?: string;
  /** Box in EMU: the shape's own `a:xfrm`, else the master placeholder's; null when neither has one. */
  box: Box | null;
  inherited: boolean;
  /** First `a:latin@typeface` in the shape's text (direct formatting or lstStyle), as written. */
  font?: string;
  /** First `sz` on a `defRPr`/`rPr`/`endParaRPr` in the shape's text, in points. */
  sizePt?: number;
}

export interface TemplateLayout {
  /** Part name, e.g. `ppt/slideLayouts/slideLayout2.xml`. */
  file: string;
  /** `p:cSld@name` ('' when absent). */
  name: string;
  /** `p:sldLayout@type`, `cust` when absent. */
  type: string;
  /** 0-based index of its master in `masters`. */
  master: number;
  placeholders: TemplatePlaceholder[];
  /** Shapes that are not placeholders (decoration, logos, footers drawn as shapes): `p:sp`/`p:cxnSp`, `p:pic`. */
  decoration: Decoration;
}

export interface Decoration {
  shapes: number;
  pictures: number;
  /**
   * `p:cSld/p:bg`: a picture (`a:blipFill`), another fill, a theme style reference (`p:bgRef`), or none (inherited).
   */
  background: 'picture' | 'fill' | 'theme' | 'none';
  /** Media parts the part relates to (backgrounds, logos, pictures), in .rels order. */
  images: string[];
}

export interface TemplateMaster {
  file: string;
  /** `p:cSld@name` ('' when absent: LibreOffice writes none). */
  name: string;
  theme: { file: string; name: string; major: string; minor: string };
  placeholders: TemplatePlaceholder[];
  decoration: Decoration;
  /** Level-1 sizes in `p:txStyles` (points); null when the master has none (LibreOffice writes none). */
  txStyles: { titlePt?: number; bodyPt?: number } | null;
  layouts: TemplateLayout[];
}

export interface SampleSlide {
  file: string;
  layoutFile: string;
  layoutName: string;
  decoration: Decoration;
}

export interface TemplateStructure {
  /** Content type of /ppt/presentation.xml in [Content_Types].xml. */
  contentType: string;
  slideSize: { cx: number; cy: number };
  masters: TemplateMaster[];
  /** Every layout, master by master. */
  layouts: TemplateLayout[];
  /** The slides the template ships, in presentation order. */
  sampleSlides: SampleSlide[];
  /** Part names under ppt/media/. */
  media: string[];
  /**
   * Every `a:latin` face named in masters, layouts and slides (`+mj-lt`/`+mn-lt` resolved through the master's theme),
   * sorted.
   */
  fonts: string[];
}

const REL_THEME = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
const REL_LAYOUT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/**
 * Read a .pptx/.potx's structure; throws (with the part name) on anything that is not a readable presentation package.
 */
export function readTemplateStructure(bytes: Uint8Array): TemplateStructure {
  const files = unzipSync(bytes);
  const text = (name: string): string => {
    const f = files[name];
    if (!f) throw new Error(`part not found in package: ${name}`);
    return new TextDecoder().decode(f);
  };
  const xml = (name: string) => parseXml(text(name), name);
  const rels = (name: string) => {
    const relsName = relsPartName(name);
    return files[relsName] ? parseRels(text(relsName), name) : [];
  };

  const ct = xml('[Content_Types].xml');
  const override = childElements(ct, NS.ct, 'Override').find((o) => attr(o, 'PartName') === '/ppt/presentation.xml');
  const pres = xml('ppt/presentation.xml');
  const presRels = new Map(rels('ppt/presentation.xml').map((r) => [r.id, r.target]));
  const byRid = (list: XmlElement | undefined, item: string, owner: Map<string, string>) =>
    (list ? childElements(list, NS.p, item) : []).map((e) => {
      const target = owner.get(attr(e, 'id', NS.r) ?? '');
      if (!target) throw new Error(`p:${item} r:id=${attr(e, 'id', NS.r)} does not resolve`);
      return target;
    });
  const sldSz = firstChild(pres, NS.p, 'sldSz');
  const fonts = new Set<string>();

  const masters = byRid(firstChild(pres, NS.p, 'sldMasterIdLst'), 'sldMasterId', presRels).map(
    (file, m): TemplateMaster => {
      const root = xml(file);
      const masterRels = rels(file);
      const themeFile = masterRels.find((r) => r.type === REL_THEME)?.target ?? '';
      const theme = themeOf(themeFile ? xml(themeFile) : undefined, themeFile);
      const collectFonts = (el: XmlElement) => {
        for (const l of descendants(el, NS.a, 'latin')) {
          const face = attr(l, 'typeface') ?? '';
          fonts.add(face === '+mj-lt' ? theme.major : face === '+mn-lt' ? theme.minor : face);
        }
      };
      collectFonts(root);
      const masterPhs = placeholdersOf(root, []);
      const layoutRels = new Map(masterRels.filter((r) => r.type === REL_LAYOUT).map((r) => [r.id, r.target]));
      const layouts = byRid(firstChild(root, NS.p, 'sldLayoutIdLst'), 'sldLayoutId', layoutRels).map(
        (lf): TemplateLayout => {
          const lroot = xml(lf);
          collectFonts(lroot);
          return {
            file: lf,
            name: cSldName(lroot),
            type: attr(lroot, 'type') ?? 'cust',
            master: m,
            placeholders: placeholdersOf(lroot, masterPhs),
            decoration: decorationOf(lroot, rels(lf)),
          };
        },
      );
      return {
        file,
        name: cSldName(root),
        theme,
        placeholders: masterPhs,
        decoration: decorationOf(root, masterRels),
        txStyles: txStylesOf(root),
        layouts,
      };
    },
  );

  const layoutName = new Map(masters.flatMap((m) => m.layouts.map((l) => [l.file, l.name] as const)));
  const sampleSlides = byRid(firstChild(pres, NS.p, 'sldIdLst'), 'sldId', presRels).map((file): SampleSlide => {
    const root = xml(file);
    const slideRels = rels(file);
    // Theme references on a slide are its master's, already counted above.
    for (const l of descendants(root, NS.a, 'latin'))
      if (!attr(l, 'typeface')?.startsWith('+')) fonts.add(attr(l, 'typeface') ?? '');
    const layoutFile = slideRels.find((r) => r.type === REL_LAYOUT)?.target ?? '';
    return {
      file,
      layoutFile,
      layoutName: layoutName.get(layoutFile) ?? '',
      decoration: decorationOf(root, slideRels),
    };
  });
  fonts.delete('');

  return {
    contentType: (override && attr(override, 'ContentType')) ?? '',
    slideSize: { cx: Number(sldSz && attr(sldSz, 'cx')), cy: Number(sldSz && attr(sldSz, 'cy')) },
    masters,
    layouts: masters.flatMap((m) => m.layouts),
    sampleSlides,
    media: Object.keys(files).filter((n) => n.startsWith('ppt/media/')),
    fonts: [...fonts].sort(),
  };
}

/** The master placeholder a layout placeholder of `type` inherits from: by type, content types from the body. */
export function masterTypeFor(type: string): string {
  if (type === 'ctrTitle' || type === 'title') return 'title';
  if (type === 'dt' || type === 'ftr' || type === 'sldNum' || type === 'hdr') return type;
  return 'body';
}

/** Whether a placeholder type takes body text (what a layout needs besides its title to carry bullets). */
export const isBodyType = (type: string): boolean => type === 'body' || type === 'obj' || type === 'subTitle';

function cSldName(root: XmlElement): string {
  const cSld = firstChild(root, NS.p, 'cSld');
  return (cSld && attr(cSld, 'name')) ?? '';
}

function themeOf(root: XmlElement | undefined, file: string): TemplateMaster['theme'] {
  const face = (which: string) => {
    const font = root && descendants(root, NS.a, which)[0];
    const latin = font && firstChild(font, NS.a, 'latin');
    return (latin && attr(latin, 'typeface')) ?? '';
  };
  return { file, name: (root && attr(root, 'name')) ?? '', major: face('majorFont'), minor: face('minorFont') };
}

function placeholdersOf(root: XmlElement, master: readonly TemplatePlaceholder[]): TemplatePlaceholder[] {
  const cSld = firstChild(root, NS.p, 'cSld');
  const tree = cSld && firstChild(cSld, NS.p, 'spTree');
  if (!tree) return [];
  const out: TemplatePlaceholder[] = [];
  for (const sp of descendants(tree, NS.p, 'sp')) {
    const nv = firstChild(sp, NS.p, 'nvSpPr');
    const ph = nv && firstChild(firstChild(nv, NS.p, 'nvPr') ?? nv, NS.p, 'ph');
    if (!nv || !ph) continue;
    const type = attr(ph, 'type') ?? 'obj';
    const own = boxOf(sp);
    const from = own ? undefined : master.find((p) => p.type === masterTypeFor(type));
    const cNvPr = firstChild(nv, NS.p, 'cNvPr');
    const latin = descendants(sp, NS.a, 'latin')[0];
    const sized = [
      ...descendants(sp, NS.a, 'defRPr'),
      ...descendants(sp, NS.a, 'rPr'),
      ...descendants(sp, NS.a, 'endParaRPr'),
    ].find((e) => attr(e, 'sz'));
    out.push({
      name: (cNvPr && attr(cNvPr, 'name')) ?? '',
      type,
      idx: Number(attr(ph, 'idx') ?? 0),
      idxWritten: attr(ph, 'idx') !== undefined,
      ...(attr(ph, 'orient') ? { orient: attr(ph, 'orient') } : {}),
      ...(attr(ph, 'sz') ? { sz: attr(ph, 'sz') } : {}),
      box: own ?? from?.box ?? null,
      inherited: !own && !!from?.box,
      ...(latin ? { font: attr(latin, 'typeface') } : {}),
      ...(sized ? { sizePt: Number(attr(sized, 'sz')) / 100 } : {}),
    });
  }
  return out;
}

function decorationOf(
  root: XmlElement,
  partRels: readonly { type: string; target: string; external: boolean }[],
): Decoration {
  const cSld = firstChild(root, NS.p, 'cSld');
  const tree = cSld && firstChild(cSld, NS.p, 'spTree');
  const bg = cSld && firstChild(cSld, NS.p, 'bg');
  const bgPr = bg && firstChild(bg, NS.p, 'bgPr');
  const background = !bg ? 'none' : !bgPr ? 'theme' : firstChild(bgPr, NS.a, 'blipFill') ? 'picture' : 'fill';
  const images = [...new Set(partRels.filter((r) => r.type === REL_IMAGE && !r.external).map((r) => r.target))];
  const isPh = (e: XmlElement) => descendants(e, NS.p, 'ph').length > 0;
  const shapes = tree
    ? [...descendants(tree, NS.p, 'sp'), ...descendants(tree, NS.p, 'cxnSp')].filter((e) => !isPh(e)).length
    : 0;
  const pictures = tree ? descendants(tree, NS.p, 'pic').filter((e) => !isPh(e)).length : 0;
  return { shapes, pictures, background, images };
}

function txStylesOf(root: XmlElement): TemplateMaster['txStyles'] {
  const tx = firstChild(root, NS.p, 'txStyles');
  if (!tx) return null;
  const lvl1 = (style: string) => {
    const st = firstChild(tx, NS.p, style);
    const l = st && firstChild(st, NS.a, 'lvl1pPr');
    const d = l && firstChild(l, NS.a, 'defRPr');
    const sz = d && attr(d, 'sz');
    return sz ? Number(sz) / 100 : undefined;
  };
  const titlePt = lvl1('titleStyle');
  const bodyPt = lvl1('bodyStyle');
  return { ...(titlePt ? { titlePt } : {}), ...(bodyPt ? { bodyPt } : {}) };
}

function boxOf(sp: XmlElement): Box | null {
  const spPr = firstChild(sp, NS.p, 'spPr');
  const xfrm = spPr && firstChild(spPr, NS.a, 'xfrm');
  const off = xfrm && firstChild(xfrm, NS.a, 'off');
  const ext = xfrm && firstChild(xfrm, NS.a, 'ext');
  if (!off || !ext) return null;
  return {
    x: Number(attr(off, 'x')),
    y: Number(attr(off, 'y')),
    cx: Number(attr(ext, 'cx')),
    cy: Number(attr(ext, 'cy')),
  };
}
