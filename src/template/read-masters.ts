import type { SchemeSlot } from '../model/template.js';
import type { OpcPackage } from './open-package.js';
import { readClrMap, readThemePart, type ClrMap } from './scheme.js';
import { attr, child, children, NS, PartSyntaxError, path, type Element } from './xml.js';

/** A placeholder shape of a master or layout, as written. */
export interface PlaceholderShape {
  /** `p:ph@type`, `obj` when absent (ECMA-376's default). */
  type: string;
  idx: string;
  sz?: string;
  orient?: string;
  /** The shape element (`p:sp`). */
  sp: Element;
}

export interface MasterInfo {
  part: string;
  /** `p:sldMasterId@id` in presentation.xml. */
  id: string;
  xml: Element;
  themePart: string;
  scheme: Record<SchemeSlot, string>;
  clrMap: ClrMap;
  majorFont: string;
  minorFont: string;
  placeholders: PlaceholderShape[];
  layouts: LayoutInfo[];
}

export interface LayoutInfo {
  part: string;
  name: string;
  /** `p:sldLayout@type` (`obj`, `title`, `secHead`…), '' when absent. */
  type: string;
  xml: Element;
  placeholders: PlaceholderShape[];
}

export interface TemplateStructure {
  masters: MasterInfo[];
  /** `p:sldSz` in points. */
  size: { w: number; h: number };
  /** `p:defaultTextStyle`, when the presentation has one (PowerPoint's do; LibreOffice's do not). */
  defaultTextStyle?: Element;
  /** Layout parts the template's own sample slides use, in slide order (hints for choosing layouts). */
  sampleLayouts: string[];
}

/** A shape tree's placeholders (`p:sp` with `p:nvSpPr/p:nvPr/p:ph`), in document order. */
export function placeholdersOf(part: Element): PlaceholderShape[] {
  const tree = path(part, [
    [NS.p, 'cSld'],
    [NS.p, 'spTree'],
  ]);
  if (!tree) return [];
  return children(tree, NS.p, 'sp').flatMap((sp) => {
    const ph = path(sp, [
      [NS.p, 'nvSpPr'],
      [NS.p, 'nvPr'],
      [NS.p, 'ph'],
    ]);
    if (!ph) return [];
    return [
      {
        type: attr(ph, 'type') ?? 'obj',
        idx: attr(ph, 'idx') ?? '0',
        sz: attr(ph, 'sz'),
        orient: attr(ph, 'orient'),
        sp,
      },
    ];
  });
}

/**
 * The template's masters, in presentation order, each with its theme, colour
 * map and layouts, and the slide size. Throws PackagePartMissing or
 * PartSyntaxError for a broken package (the loader reports them).
 */
export function readStructure(pkg: OpcPackage): TemplateStructure {
  const pres = pkg.xml(pkg.main);
  const presRels = new Map(pkg.rels(pkg.main).map((r) => [r.id, r]));
  const seen = new Set<string>();
  const masters: MasterInfo[] = children(child(pres, NS.p, 'sldMasterIdLst') ?? pres, NS.p, 'sldMasterId').flatMap(
    (m) => {
      const rel = presRels.get(m.getAttributeNS(NS.r, 'id') ?? '');
      // A master listed twice is one master.
      if (!rel || rel.external || seen.has(rel.target)) return [];
      seen.add(rel.target);
      if (!/^\d+$/.test(attr(m, 'id') ?? ''))
        throw new PartSyntaxError(`\`${pkg.main}\` lists the slide master \`${rel.target}\` without a numeric id`);
      const xml = pkg.xml(rel.target);
      const rels = pkg.rels(rel.target);
      const themePart = rels.find((r) => r.type === 'theme' && !r.external)?.target;
      if (!themePart) return [];
      const theme = readThemePart(pkg.xml(themePart));
      const layoutRels = new Map(
        rels.filter((r) => r.type === 'slideLayout' && !r.external).map((r) => [r.id, r.target]),
      );
      // Layouts in the master's own order (its sldLayoutIdLst), which is what "New Slide" lists.
      const ordered = children(child(xml, NS.p, 'sldLayoutIdLst') ?? xml, NS.p, 'sldLayoutId')
        .map((l) => layoutRels.get(l.getAttributeNS(NS.r, 'id') ?? ''))
        .filter((t): t is string => !!t);
      const layouts = [...new Set([...ordered, ...layoutRels.values()])].map((part): LayoutInfo => {
        const lx = pkg.xml(part);
        return {
          part,
          name: attr(child(lx, NS.p, 'cSld'), 'name') ?? '',
          type: attr(lx, 'type') ?? '',
          xml: lx,
          placeholders: placeholdersOf(lx),
        };
      });
      return [
        {
          part: rel.target,
          id: attr(m, 'id') ?? '',
          xml,
          themePart,
          scheme: theme.scheme,
          clrMap: readClrMap(xml),
          majorFont: theme.major,
          minorFont: theme.minor,
          placeholders: placeholdersOf(xml),
          layouts,
        },
      ];
    },
  );
  const sz = child(pres, NS.p, 'sldSz');
  const cx = Number(attr(sz, 'cx') ?? 9144000);
  const cy = Number(attr(sz, 'cy') ?? 6858000);
  // ECMA-376 bounds a slide side to 1–56 in (914400–51206400 EMU).
  for (const v of [cx, cy])
    if (!Number.isInteger(v) || v < 914400 || v > 51206400)
      throw new PartSyntaxError(
        `\`${pkg.main}\` has a slide size of ${attr(sz, 'cx')} × ${attr(sz, 'cy')} EMU, outside the 1–56 inch a slide may be`,
      );
  const sampleLayouts = children(child(pres, NS.p, 'sldIdLst') ?? pres, NS.p, 'sldId').flatMap((s) => {
    const rel = presRels.get(s.getAttributeNS(NS.r, 'id') ?? '');
    if (!rel || rel.external || !pkg.parts.has(rel.target)) return [];
    return pkg
      .rels(rel.target)
      .filter((r) => r.type === 'slideLayout' && !r.external)
      .map((r) => r.target);
  });
  return {
    masters,
    size: { w: cx / 12700, h: cy / 12700 },
    defaultTextStyle: child(pres, NS.p, 'defaultTextStyle'),
    sampleLayouts,
  };
}
