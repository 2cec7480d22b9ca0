import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import type { TemplatePart } from '../../model/template.js';
import { NS_A, NS_P, NS_R, XML_HEAD } from './xml.js';

/**
 * What the deck's `ppt/presentation.xml` takes from the template's: its
 * slide size and default text style, as elements serialised to sit in a
 * presentation part (whose root declares the `a`, `r` and `p` prefixes;
 * any other prefix they use is declared on the element that uses it).
 */
export function presentationSettings(part: TemplatePart): { sizeXml: string; defaultTextStyleXml?: string } {
  const root = parse(part).documentElement!;
  const size = firstChild(root, NS_P, 'sldSz');
  const style = firstChild(root, NS_P, 'defaultTextStyle');
  return {
    // ECMA-376's default slide size (4:3) when the template names none.
    sizeXml: size ? inPresentation(size) : '<p:sldSz cx="9144000" cy="6858000"/>',
    ...(style ? { defaultTextStyleXml: inPresentation(style) } : {}),
  };
}

/**
 * The template's table styles with briefdeck's added to its list (it is what every table names); ours alone when the
 * template has none. The template's styles and its default are kept.
 */
export function withOurTableStyle(theirs: TemplatePart | undefined, ours: string): string {
  if (!theirs) return ours;
  const list = parse(theirs).documentElement!;
  const style = firstChild(parse({ name: 'briefdeck table style', data: ours }).documentElement!, NS_A, 'tblStyle')!;
  list.appendChild(list.ownerDocument!.importNode(style, true));
  return XML_HEAD + new XMLSerializer().serializeToString(list);
}

const WRAP = `<w xmlns:a="${NS_A}" xmlns:r="${NS_R}" xmlns:p="${NS_P}">`;

/** An element as it reads inside a presentation part's root, whose prefixes it does not declare again. */
function inPresentation(el: Element): string {
  const doc = new DOMParser().parseFromString(`${WRAP}</w>`, 'application/xml');
  doc.documentElement!.appendChild(doc.importNode(el, true));
  const text = new XMLSerializer().serializeToString(doc.documentElement!);
  if (!text.startsWith(WRAP) || !text.endsWith('</w>'))
    throw new Error('briefdeck bug: the serialised wrapper of a template element changed');
  return text.slice(WRAP.length, -'</w>'.length);
}

/** Parts were checked well-formed when the template was read; here a fault is a bug. */
function parse(part: TemplatePart | { name: string; data: string }) {
  const text = typeof part.data === 'string' ? part.data : new TextDecoder().decode(part.data);
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`briefdeck bug: \`${part.name}\` does not parse: ${message}`);
    },
  }).parseFromString(text, 'application/xml');
}

function firstChild(el: Element, ns: string, local: string): Element | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local)
      return n as Element;
  return undefined;
}
