/**
 * Edits of a parsed part (xml-tree.ts) beyond setting children and attributes: placing nodes beside an element, text
 * content, and namespaces resolved by declaration, so that what we write into a part means the same whatever
 * prefixes the part happens to bind.
 */
import { decodeXML } from 'entities';
import { attrList, elements, setChildren, type XmlElement, type XmlNode } from './xml-tree.js';

/** The namespace `prefix` ('' for the default) is bound to at `el`, from the declarations on it and around it. */
export function namespaceOf(el: XmlElement, prefix: string): string | undefined {
  const decl = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (!e.attrs.includes('xmlns')) continue;
    for (const [k, v] of attrList(e)) if (k === decl) return decodeXML(v);
  }
  return undefined;
}

/** A prefix bound to `ns` at `el` (the first one declared nearest it), or undefined. */
export function prefixOf(el: XmlElement, ns: string): string | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (!e.attrs.includes('xmlns')) continue;
    for (const [k, v] of attrList(e))
      if (k.startsWith('xmlns:') && decodeXML(v) === ns && namespaceOf(el, k.slice(6)) === ns) return k.slice(6);
  }
  return undefined;
}

/** An attribute named by namespace and local name (`r:embed` whatever the part calls `r`), decoded. */
export function attrNS(el: XmlElement, ns: string, local: string): string | undefined {
  for (const [k, v] of attrList(el)) {
    const colon = k.indexOf(':');
    if (colon < 0 || k.slice(colon + 1) !== local || k.startsWith('xmlns')) continue;
    if (namespaceOf(el, k.slice(0, colon)) === ns) return decodeXML(v);
  }
  return undefined;
}

/**
 * Throws unless each prefix is bound to its namespace at `el`: markup we write into a part (a placeholder, a
 * paragraph's properties) names its elements `a:`, `p:` and `r:`, which must mean there what they mean to us.
 */
export function requirePrefixes(el: XmlElement, part: string, prefixes: Record<string, string>): void {
  for (const [prefix, ns] of Object.entries(prefixes))
    if (namespaceOf(el, prefix) !== ns)
      throw new Error(`briefdeck bug: \`${part}\` does not bind \`${prefix}:\` to ${ns}, which our markup uses there`);
}

/** The text inside `el`, decoded (nested elements' text included). */
export function textOf(el: XmlElement): string {
  let out = '';
  for (const c of el.children)
    out += typeof c === 'string' ? (c.startsWith('<') ? markupText(c) : decodeXML(c)) : textOf(c);
  return out;
}

/** `el`'s content replaced by text we write (already escaped). */
export function setText(el: XmlElement, escaped: string): void {
  if (el.children.length === 1 && el.children[0] === escaped) return;
  el.selfClosing = false;
  setChildren(el, escaped === '' ? [] : [escaped]);
}

/** `el` replaced by `nodes` (nothing, to remove it). */
export function replaceWith(el: XmlElement, nodes: XmlNode[]): void {
  const parent = el.parent!;
  setChildren(
    parent,
    parent.children.flatMap((c) => (c === el ? nodes : [c])),
  );
}

/** `nodes` put right after `ref`, or right before it. */
export function insertBeside(ref: XmlElement, nodes: XmlNode[], where: 'before' | 'after'): void {
  const parent = ref.parent!;
  setChildren(
    parent,
    parent.children.flatMap((c) => (c !== ref ? [c] : where === 'after' ? [c, ...nodes] : [...nodes, c])),
  );
}

/** The first element child named `ns:local`, or undefined. */
export const child = (el: XmlElement | undefined, ns: string, local: string): XmlElement | undefined =>
  el ? elements(el, ns, local)[0] : undefined;

/** The text of a CDATA section; comments and processing instructions hold none. */
const markupText = (s: string): string => (s.startsWith('<![CDATA[') ? s.slice(9, -3) : '');
