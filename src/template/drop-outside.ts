import path from 'node:path/posix';
import { XMLSerializer } from '@xmldom/xmldom';
import type { OpcPackage, Relationship } from './open-package.js';
import { children, NS, parsePart, type Element } from './xml.js';

/**
 * Relationship types a deck never carries from a template: OLE objects and embedded packages, ActiveX controls and
 * macros. Their parts are binary programs or documents the deck cannot vouch for, and a .pptx is not macro-enabled.
 */
export const FOREIGN_TYPES = new Set([
  'oleObject',
  'package',
  'activeXControl',
  'activeXControlBinary',
  'control',
  'vbaProject',
  'vbaProjectSignature',
  'attachedTemplate',
]);

/** A relationship a kept part may not keep: one that leaves the package, or one to a foreign part. */
export const isOutside = (r: Relationship): boolean => r.external || FOREIGN_TYPES.has(r.type);

/** What was dropped from one part, for the template's one warning. */
export interface DroppedFromPart {
  /** External targets (`file:///…`, `http://…`, `\\host\share`), as written. */
  external: string[];
  /** Foreign parts by relationship type (`oleObject`, `vbaProject`) and part name. */
  foreign: { type: string; target: string }[];
  /** Shapes removed because they showed or ran what was dropped. */
  shapes: number;
}

/** Elements whose reference to a dropped relationship is removed with them; the text or shape around them stays. */
const REMOVE_ELEMENT = new Set(['hlinkClick', 'hlinkHover', 'hlinkMouseOver', 'snd', 'custData', 'control']);
/** Elements that are a shape on a slide tree: removing one leaves a valid tree. */
const SHAPES = new Set(['sp', 'pic', 'graphicFrame', 'cxnSp', 'grpSp', 'contentPart']);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * A kept part and its relationships without anything outside the package:
 * external and foreign relationships are removed from its `.rels`, and what
 * used them in the part is removed (a hyperlink, a sound, a control) or
 * emptied (a picture fill loses its linked image; a picture shape, an OLE
 * frame or a linked video is removed). Unchanged bytes when nothing is
 * dropped, so a clean template's parts stay byte for byte.
 */
export function dropOutside(
  pkg: OpcPackage,
  part: string,
): { part: Uint8Array; rels?: Uint8Array; dropped: DroppedFromPart } {
  const relsName = `${path.dirname(part)}/_rels/${path.basename(part)}.rels`;
  const original = pkg.parts.get(part)!;
  const outside = pkg.rels(part).filter(isOutside);
  const dropped: DroppedFromPart = {
    external: outside.filter((r) => r.external).map((r) => r.target),
    foreign: outside.filter((r) => !r.external).map((r) => ({ type: r.type, target: r.target })),
    shapes: 0,
  };
  if (outside.length === 0) return { part: original, rels: pkg.parts.get(relsName), dropped };
  const ids = new Set(outside.map((r) => r.id));
  const relsDoc = parsePart(pkg.text(relsName), relsName);
  for (const r of children(relsDoc.documentElement as unknown as Element, NS.rel, 'Relationship'))
    if (ids.has(r.getAttribute('Id') ?? '')) r.parentNode?.removeChild(r);
  const rels = encode(relsDoc);
  if (!/\.xml$/i.test(part)) return { part: original, rels, dropped };
  const doc = parsePart(pkg.text(part), part);
  const users = (Array.from(doc.getElementsByTagName('*')) as Element[]).filter((el) =>
    Array.from(el.attributes).some((a) => a.namespaceURI === NS.r && ids.has(a.value)),
  );
  for (const el of users) {
    if (!el.parentNode) continue; // already removed with a shape around it
    if (el.localName === 'blip') {
      for (const a of Array.from(el.attributes))
        if (a.namespaceURI === NS.r && ids.has(a.value)) el.removeAttributeNode(a);
      // A picture shape with no image left shows PowerPoint's broken-picture box: remove it; a fill just goes empty.
      const pic = enclosingShape(el);
      if (pic?.localName === 'pic' && !el.hasAttributeNS(NS.r, 'embed')) dropped.shapes += removeShape(pic);
    } else if (REMOVE_ELEMENT.has(el.localName ?? '')) {
      const parent = el.parentNode as Element;
      parent.removeChild(el);
      // A controls list must hold at least one control.
      if (el.localName === 'control' && children(parent).length === 0) parent.parentNode?.removeChild(parent);
    } else {
      const shape = enclosingShape(el);
      if (shape) dropped.shapes += removeShape(shape);
      else el.parentNode.removeChild(el);
    }
  }
  return { part: encode(doc), rels, dropped };
}

/** The nearest shape on the tree around `el` (an OLE frame, a picture, a group). */
function enclosingShape(el: Element): Element | undefined {
  for (let n = el.parentNode as Element | null; n && n.nodeType === 1; n = n.parentNode as Element | null)
    if (n.namespaceURI === NS.p && SHAPES.has(n.localName ?? '')) return n;
  return undefined;
}

/** Remove a shape; inside an `mc:AlternateContent` the whole choice goes, since its fallback shows the same thing. */
function removeShape(shape: Element): number {
  let target: Element = shape;
  for (let n = shape.parentNode as Element | null; n && n.nodeType === 1; n = n.parentNode as Element | null) {
    if (n.namespaceURI === MC && n.localName === 'AlternateContent') {
      target = n;
      break;
    }
    if (n.namespaceURI === NS.p && (SHAPES.has(n.localName ?? '') || n.localName === 'spTree')) break;
  }
  target.parentNode?.removeChild(target);
  return 1;
}

function encode(doc: unknown): Uint8Array {
  return new TextEncoder().encode(
    new XMLSerializer().serializeToString(doc as Parameters<XMLSerializer['serializeToString']>[0]),
  );
}
