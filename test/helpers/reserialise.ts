/**
 * The same XML written another way, as another version of pptxgenjs (or another writer) might write it: attributes
 * in reverse order and in single quotes, empty elements alternately self-closed and written as open-close pairs,
 * elements that hold only elements indented on lines of their own, line breaks as LF, every namespace declared on
 * the root (with the prefixes the part used), entities only where XML needs them. The information set is the same:
 * `canonicalXml` of both is equal.
 */
import { parseXml, type XmlElement } from './xml.js';

export function reserialised(xml: string, part: string): string {
  const root = parseXml(xml, part);
  const decls = new Map<string, string>();
  const note = (name: string, ns: string) => {
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    if (prefix === 'xml' || (prefix === '' && ns === '')) return;
    decls.set(prefix, ns);
  };
  const collect = (el: XmlElement) => {
    note(el.name, el.ns);
    for (const a of el.attrs) if (a.name.includes(':')) note(a.name, a.ns);
    for (const c of el.children) if (typeof c !== 'string') collect(c);
  };
  collect(root);
  let empties = 0;
  const write = (el: XmlElement, depth: number, top: boolean): string => {
    const attrs = [...el.attrs].reverse().map((a) => ` ${a.name}='${escAttr(a.value)}'`);
    if (top)
      for (const [prefix, ns] of decls) attrs.unshift(` ${prefix ? `xmlns:${prefix}` : 'xmlns'}='${escAttr(ns)}'`);
    const open = `<${el.name}${attrs.join('')}`;
    if (el.children.length === 0) return empties++ % 2 === 0 ? `${open}/>` : `${open}></${el.name}>`;
    const onlyElements = el.children.every((c) => typeof c !== 'string' || c.trim() === '');
    if (onlyElements) {
      const pad = `\n${'  '.repeat(depth + 1)}`;
      const kids = el.children.filter((c): c is XmlElement => typeof c !== 'string');
      return `${open}>${kids.map((k) => pad + write(k, depth + 1, false)).join('')}\n${'  '.repeat(depth)}</${el.name}>`;
    }
    const inner = el.children.map((c) => (typeof c === 'string' ? escText(c) : write(c, depth + 1, false))).join('');
    return `${open}>${inner}</${el.name}>`;
  };
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n${write(root, 0, true)}\n`;
}

/** A part's information set as plain data: names by namespace, attributes sorted, white space between elements gone. */
export function canonicalXml(xml: string, part: string): unknown {
  const walk = (el: XmlElement): unknown => {
    const onlyElements = el.children.every((c) => typeof c !== 'string' || c.trim() === '');
    return {
      name: `${el.ns} ${el.local}`,
      attrs: el.attrs.map((a) => `${a.ns} ${a.local}=${a.value}`).sort(),
      children: el.children
        .filter((c) => !(onlyElements && typeof c === 'string'))
        .map((c) => (typeof c === 'string' ? c : walk(c))),
    };
  };
  return walk(parseXml(xml, part));
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) =>
  escText(s).replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
