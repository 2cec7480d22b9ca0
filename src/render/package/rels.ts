import { decodeXML } from 'entities';
import { NS_PKG_REL, REL } from './xml.js';
import { attr, elements, parseXmlTree } from './xml-tree.js';

/** One relationship of a part, as a value: read from the part, edited as a list, written by `relsXml`. */
export interface Rel {
  id: string;
  /** The relationship type's full URI. */
  type: string;
  /** The target, decoded (relsXml escapes it again). */
  target: string;
  external?: boolean;
}

/** A relationships part as a list, whatever the attribute order, quoting or whitespace it was written with. */
export function parseRels(xml: string, part: string): Rel[] {
  const { root } = parseXmlTree(xml, part);
  if (root.ns !== NS_PKG_REL || root.local !== 'Relationships')
    throw new Error(`briefdeck bug: \`${part}\` is not a relationships part`);
  return elements(root, NS_PKG_REL, 'Relationship').map((r) => {
    const get = (name: string) => {
      const v = attr(r, name);
      if (v === undefined) throw new Error(`briefdeck bug: a relationship in \`${part}\` has no \`${name}\``);
      return decodeXML(v);
    };
    const mode = attr(r, 'TargetMode');
    return {
      id: get('Id'),
      type: get('Type'),
      target: get('Target'),
      ...(mode === 'External' ? { external: true } : {}),
    };
  });
}

/** The full URI of an officeDocument relationship type (`slideLayout`, `image`…). */
export const relType = (short: string): string => `${REL}/${short}`;

/** The relationships of `type` (a full URI or an officeDocument short name). */
export const relsOfType = (rels: readonly Rel[], type: string): Rel[] =>
  rels.filter((r) => r.type === (type.includes(':') ? type : relType(type)));

/** An id no relationship in the list has: one past the highest `rIdN`. */
export function nextRelId(rels: readonly Rel[]): string {
  const numbers = rels.map((r) => /^rId(\d+)$/.exec(r.id)?.[1]).filter((n): n is string => n !== undefined);
  return `rId${Math.max(0, ...numbers.map(Number)) + 1}`;
}

/** A relative target resolved against the folder of the part that holds it (`ppt/slides/slide1.xml`). */
export function resolveTarget(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = part.split('/').slice(0, -1);
  for (const step of target.split('/'))
    if (step === '..') out.pop();
    else if (step !== '.' && step !== '') out.push(step);
  return out.join('/');
}
