import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { MAX_PACKAGE_ELEMENTS, MAX_XML_ELEMENTS, xmlShape } from './xml-limits.js';

export { MAX_PACKAGE_ELEMENTS };

/** The namespaces of the parts briefdeck reads from a template. */
export const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export type { Element };

/** A template part that is not well-formed XML (the message names what is wrong). */
export class PartSyntaxError extends Error {}

/**
 * Parse one part with a namespace-aware DOM (xmldom). OOXML forbids DTDs, so
 * a part with one is refused before parsing: no entity is ever expanded. So
 * is a part nested too deep or with too many elements (see xml-limits.ts).
 */
export function parsePart(text: string, part: string, budget?: { elements: number }): Document {
  if (/<!DOCTYPE/i.test(text)) throw new PartSyntaxError(`\`${part}\` has a DOCTYPE, which OOXML forbids`);
  // Depth and element count are checked before a DOM is built: xmldom has no limit of its own.
  const shape = xmlShape(text, Math.min(MAX_XML_ELEMENTS, budget?.elements ?? MAX_XML_ELEMENTS));
  if (shape.problem)
    throw new PartSyntaxError(
      `\`${part}\` ${shape.problem}${budget && budget.elements < MAX_XML_ELEMENTS ? ' (with the parts read before it)' : ''}`,
    );
  if (budget) budget.elements -= shape.elements;
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning')
          throw new PartSyntaxError(`\`${part}\` is not well-formed XML: ${String(message).split('\n')[0]}`);
      },
    }).parseFromString(text, 'application/xml');
  } catch (e) {
    if (e instanceof PartSyntaxError) throw e;
    throw new PartSyntaxError(`\`${part}\` is not well-formed XML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Element children of `el`, optionally only `ns:local` ones. */
export function children(el: Element | Document, ns?: string, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if ((ns === undefined || e.namespaceURI === ns) && (local === undefined || e.localName === local)) out.push(e);
  }
  return out;
}

export const child = (el: Element | Document | undefined, ns: string, local: string): Element | undefined =>
  el ? children(el, ns, local)[0] : undefined;

/**
 * The first descendant along a path of `ns:local` steps, e.g. `path(sp, [[NS.p, 'nvSpPr'], [NS.p, 'nvPr'], [NS.p,
 * 'ph']])`.
 */
export function path(
  el: Element | Document | undefined,
  steps: readonly (readonly [string, string])[],
): Element | undefined {
  let cur = el;
  for (const [ns, local] of steps) cur = child(cur, ns, local);
  return cur as Element | undefined;
}

export function descendants(el: Element | Document, ns: string, local: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, local)) as Element[];
}

/** An attribute's value, or undefined when absent. */
export const attr = (el: Element | undefined, name: string): string | undefined =>
  el && el.hasAttribute(name) ? el.getAttribute(name)! : undefined;

/** Serialise an element as it stands in the part. */
export const outer = (el: Element): string => el.toString();
