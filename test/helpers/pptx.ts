/**
 * Read a produced .pptx back for assertions.
 *
 * Slide order is presentation order: ppt/presentation.xml `p:sldIdLst` →
 * ppt/_rels/presentation.xml.rels, never file names. Every other link (layout,
 * notes slide, images) is followed through the slide's own .rels part.
 *
 * The package is read with the project's own zip reader (src/util/zip.ts), XML
 * with the strict tokenizer in ./xml.ts (no XML parser is a declared dependency). A part that is not well-formed makes
 * readPptx reject
 * with the part name and line, which is what a corrupt deck deserves.
 */
import { readZip } from '../../src/util/zip.js';
import { NS, attr, childElements, descendants, firstChild, parseXml, textContent, type XmlElement } from './xml.js';

export { decodeXmlText, parseXml, XmlSyntaxError, NS } from './xml.js';
export type { XmlElement, XmlAttribute } from './xml.js';

export const REL_TYPE = {
  slide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide',
  slideLayout: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout',
  notesSlide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
} as const;

export interface ImageView {
  /** Part name in the package, e.g. `ppt/media/image-1-1.png`. */
  name: string;
  /** From [Content_Types].xml (Override for the part, else Default for its extension); '' if none. */
  contentType: string;
  bytes: Uint8Array;
}

export interface SlideView {
  /** 0-based position in presentation order (`slides[i].index === i`). */
  index: number;
  /** Part name, e.g. `ppt/slides/slide3.xml`. */
  file: string;
  /** Raw XML of the slide part. */
  xml: string;
  /**
   * Text of the first shape whose `<p:ph>` has type="title" or "ctrTitle"
   * (its paragraphs joined with "\n"); null when the slide has no such shape.
   */
  title: string | null;
  /**
   * One entry per `<a:p>` that contains at least one `<a:t>`, in document
   * order, over every shape (title included) but outside `<a:tbl>`. A
   * paragraph's text is its `<a:t>` texts concatenated, `<a:br>` as "\n".
   */
  texts: string[];
  /**
   * Each `<a:tbl>` → rows (`a:tr`) → cells (`a:tc`, merged-away cells included); a cell's paragraphs joined with "\n".
   */
  tables: string[][][];
  /**
   * Text of the notes slide's body placeholder (paragraphs joined with "\n");
   * null when the slide has no notes slide or it has no body placeholder.
   * pptxgenjs writes a notes slide for every slide, so "no notes" reads as ''.
   */
  notes: string | null;
  /** Part name of the notes slide, if any. */
  notesFile: string | null;
  /** `<p:cSld name>` of the slide's layout ('' if the layout has no name). */
  layoutName: string;
  /** Part name of the slide's layout. */
  layoutFile: string;
  /** Targets of the slide's image relationships, in .rels order, de-duplicated. */
  images: ImageView[];
}

export interface SectionView {
  name: string;
  /** 0-based indexes into `slides`. */
  slideIndexes: number[];
}

export interface PptxView {
  slides: SlideView[];
  /** From `p14:sectionLst` in ppt/presentation.xml; [] when there are none. */
  sections: SectionView[];
  /** Every file name in the zip (directories excluded), in archive order. */
  entries: string[];
  /** A part's text (UTF-8). Accepts `ppt/x.xml` or `/ppt/x.xml`; rejects if missing. */
  part(name: string): Promise<string>;
  /** A part's bytes. Same naming rules as `part`. */
  partBytes(name: string): Promise<Uint8Array>;
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name for internal targets; the raw Target for external ones. */
  target: string;
  external: boolean;
}

/** `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`. */
export function relsPartName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolve a relationship Target against the part that owns the .rels. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

export function parseRels(xml: string, sourcePart: string, relsName = relsPartName(sourcePart)): Relationship[] {
  const root = parseXml(xml, relsName);
  return childElements(root, NS.rel, 'Relationship').map((r) => {
    const id = attr(r, 'Id');
    const type = attr(r, 'Type');
    const target = attr(r, 'Target');
    if (!id || !type || target === undefined) throw new Error(`${relsName}: Relationship without Id/Type/Target`);
    const external = attr(r, 'TargetMode') === 'External';
    return { id, type, target: external ? target : resolveTarget(sourcePart, target), external };
  });
}

/** Text of one `<a:p>`: its `<a:t>` texts in order, `<a:br>` as "\n". */
export function paragraphText(p: XmlElement): string {
  let s = '';
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.ns === NS.a && c.local === 't') s += textContent(c);
      else if (c.ns === NS.a && c.local === 'br') s += '\n';
      else walk(c);
    }
  };
  walk(p);
  return s;
}

function hasRunText(p: XmlElement): boolean {
  return descendants(p, NS.a, 't').length > 0;
}

/** All paragraphs of a text-bearing element (a shape's txBody, a table cell), joined with "\n". */
function bodyText(el: XmlElement): string {
  return descendants(el, NS.a, 'p').map(paragraphText).join('\n');
}

/** Placeholder type of a `p:sp` (undefined if it is not a placeholder). */
function placeholderType(sp: XmlElement): string | undefined {
  const nvSpPr = firstChild(sp, NS.p, 'nvSpPr');
  const nvPr = nvSpPr && firstChild(nvSpPr, NS.p, 'nvPr');
  const ph = nvPr && firstChild(nvPr, NS.p, 'ph');
  if (!ph) return undefined;
  return attr(ph, 'type') ?? 'obj'; // ST_PlaceholderType default
}

function shapeText(sp: XmlElement): string {
  const body = firstChild(sp, NS.p, 'txBody');
  return body ? bodyText(body) : '';
}

const isTable = (e: XmlElement) => e.ns === NS.a && e.local === 'tbl';

export async function readPptx(buf: Uint8Array): Promise<PptxView> {
  const files = new Map(readZip(buf).map((e) => [e.name, e.data]));
  const entries = [...files.keys()];
  const norm = (name: string) => name.replace(/^\/+/, '');
  const lookup = (name: string): Uint8Array => {
    const n = norm(name);
    const f = files.get(n) ?? safeDecode(n, (d) => files.get(d));
    if (!f) throw new Error(`part not found in package: ${n}`);
    return f;
  };
  const decoder = new TextDecoder();
  const part = async (name: string): Promise<string> => decoder.decode(lookup(name));
  const partBytes = async (name: string): Promise<Uint8Array> => lookup(name);
  const hasPart = (name: string) => files.has(norm(name));
  const rels = async (source: string): Promise<Relationship[]> => {
    const name = relsPartName(source);
    return hasPart(name) ? parseRels(await part(name), source, name) : [];
  };

  // Content types
  const ctRoot = parseXml(await part('[Content_Types].xml'), '[Content_Types].xml');
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const o of childElements(ctRoot, NS.ct, 'Override'))
    overrides.set(norm(attr(o, 'PartName') ?? '').toLowerCase(), attr(o, 'ContentType') ?? '');
  for (const d of childElements(ctRoot, NS.ct, 'Default'))
    defaults.set((attr(d, 'Extension') ?? '').toLowerCase(), attr(d, 'ContentType') ?? '');
  const contentType = (name: string) =>
    overrides.get(name.toLowerCase()) ?? defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase()) ?? '';

  // Presentation order
  const presName = 'ppt/presentation.xml';
  const pres = parseXml(await part(presName), presName);
  const presRels = new Map((await rels(presName)).map((r) => [r.id, r]));
  const sldIdLst = firstChild(pres, NS.p, 'sldIdLst');
  const sldIds = sldIdLst ? childElements(sldIdLst, NS.p, 'sldId') : [];
  const slideIdToIndex = new Map<string, number>();

  const layoutNames = new Map<string, Promise<string>>();
  const layoutName = (file: string) => {
    let p = layoutNames.get(file);
    if (!p) {
      p = part(file).then((xml) => {
        const cSld = firstChild(parseXml(xml, file), NS.p, 'cSld');
        return (cSld && attr(cSld, 'name')) ?? '';
      });
      layoutNames.set(file, p);
    }
    return p;
  };

  const slides = await Promise.all(
    sldIds.map(async (sldId, index): Promise<SlideView> => {
      const id = attr(sldId, 'id') ?? '';
      const rId = attr(sldId, 'id', NS.r);
      const rel = rId ? presRels.get(rId) : undefined;
      if (!rel || rel.type !== REL_TYPE.slide)
        throw new Error(`${presName}: p:sldId id=${id} r:id=${rId} does not resolve to a slide relationship`);
      slideIdToIndex.set(id, index);
      const file = rel.target;
      const xml = await part(file);
      const root = parseXml(xml, file);
      const slideRels = await rels(file);

      const spTreeShapes = descendants(root, NS.p, 'sp');
      const titleSp = spTreeShapes.find((sp) => {
        const t = placeholderType(sp);
        return t === 'title' || t === 'ctrTitle';
      });
      const texts = descendants(root, NS.a, 'p', isTable).filter(hasRunText).map(paragraphText);
      const tables = descendants(root, NS.a, 'tbl').map((tbl) =>
        childElements(tbl, NS.a, 'tr').map((tr) =>
          childElements(tr, NS.a, 'tc').map((tc) => {
            const body = firstChild(tc, NS.a, 'txBody');
            return body ? bodyText(body) : '';
          }),
        ),
      );

      const layoutRel = slideRels.find((r) => r.type === REL_TYPE.slideLayout);
      if (!layoutRel) throw new Error(`${file}: no slideLayout relationship`);

      const notesRel = slideRels.find((r) => r.type === REL_TYPE.notesSlide);
      let notes: string | null = null;
      if (notesRel) {
        const notesRoot = parseXml(await part(notesRel.target), notesRel.target);
        const body = descendants(notesRoot, NS.p, 'sp').find((sp) => placeholderType(sp) === 'body');
        notes = body ? shapeText(body) : null;
      }

      const images: ImageView[] = [];
      for (const r of slideRels) {
        if (r.type !== REL_TYPE.image || r.external || images.some((i) => i.name === r.target)) continue;
        images.push({ name: r.target, contentType: contentType(r.target), bytes: await partBytes(r.target) });
      }

      return {
        index,
        file,
        xml,
        title: titleSp ? shapeText(titleSp) : null,
        texts,
        tables,
        notes,
        notesFile: notesRel?.target ?? null,
        layoutName: await layoutName(layoutRel.target),
        layoutFile: layoutRel.target,
        images,
      };
    }),
  );

  // Sections (PowerPoint 2010 extension)
  const sections: SectionView[] = [];
  for (const sectionLst of descendants(pres, NS.p14, 'sectionLst')) {
    for (const section of childElements(sectionLst, NS.p14, 'section')) {
      const lst = firstChild(section, NS.p14, 'sldIdLst');
      const slideIndexes = (lst ? childElements(lst, NS.p14, 'sldId') : []).map((s) => {
        const id = attr(s, 'id') ?? '';
        const i = slideIdToIndex.get(id);
        if (i === undefined)
          throw new Error(`${presName}: section "${attr(section, 'name')}" lists unknown slide id ${id}`);
        return i;
      });
      sections.push({ name: attr(section, 'name') ?? '', slideIndexes });
    }
  }

  return { slides, sections, entries, part, partBytes };
}

function safeDecode<T>(name: string, f: (decoded: string) => T | undefined): T | undefined {
  try {
    const d = decodeURI(name);
    return d === name ? undefined : f(d);
  } catch {
    return undefined;
  }
}
