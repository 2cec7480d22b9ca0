/**
 * A part pptxgenjs wrote, as a tree of namespace-resolved elements, for the
 * package stage to edit elements rather than text. Untouched elements are
 * written back exactly as read (their source text is kept), so an edit
 * changes only what it edits, and the same deck gives the same bytes.
 *
 * Why not xmldom (src/template/xml.ts reads templates with it): parsing and
 * serialising every slide of the 200-section bench deck with it took about as
 * long as the whole render (measured 0.7–0.9 s against 0.9 s), over the
 * package stage's budget of 1.1×. This reader is one linear pass: `indexOf`
 * for the next tag, one sticky regular expression to read it. It reads any
 * well-formed XML without a DTD (attributes in either quotes and any order,
 * white space anywhere it is allowed, empty elements either way, prefixes as
 * declared) and refuses what it cannot read (a DOCTYPE, an unclosed element)
 * instead of guessing.
 */
export interface XmlElement {
  /** Qualified name as written (`a:p`). */
  readonly name: string;
  readonly ns: string | undefined;
  readonly local: string;
  /** The attributes' source text (` id="2" name="x"`); replace it with `setAttrs`. */
  attrs: string;
  children: XmlNode[];
  parent: XmlElement | undefined;
  /** The element's source text while neither it nor anything inside it was edited. */
  source: string | undefined;
  /** Written `<x/>` (not `<x></x>`) when it has no children. */
  selfClosing: boolean;
}

/** A child: an element, or text, a comment or markup we write, as its source text. */
export type XmlNode = XmlElement | string;

export class XmlTreeError extends Error {}

const QUESTION = 0x3f;
const BANG = 0x21;
const SLASH = 0x2f;
const EMPTY_SCOPE = new Map<string, string>();
/** A start tag: its name, its attributes' text (quoted values may hold `>` and `/`), and `/` if it closes itself. */
const OPEN_TAG = /<([^\s/>]+)((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>/y;
const CLOSE_TAG = /<\/([^\s>]+)\s*>/y;

export interface XmlTree {
  /** What comes before the root element (the XML declaration). */
  prolog: string;
  root: XmlElement;
  /** What comes after it (white space, comments). */
  epilog: string;
}

export function parseXmlTree(xml: string, part: string): XmlTree {
  let pos = 0;
  let prolog = '';
  let epilog = '';
  let root: XmlElement | undefined;
  // The open elements, where each starts, and the prefixes in scope there (parallel stacks: fewer objects to collect).
  const open: XmlElement[] = [];
  const starts: number[] = [];
  const scopes: Map<string, string>[] = [];
  const fail = (why: string) => {
    throw new XmlTreeError(`briefdeck bug: pptxgenjs's \`${part}\` is not XML we can read: ${why} at offset ${pos}`);
  };
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > pos) {
      if (open.length > 0) open[open.length - 1].children.push(xml.slice(pos, textEnd));
      else if (root && xml.slice(pos, textEnd).trim() !== '') fail('text after the root element');
      else if (root) epilog += xml.slice(pos, textEnd);
      else prolog += xml.slice(pos, textEnd);
    }
    if (lt < 0) break;
    pos = lt;
    const next = xml.charCodeAt(pos + 1);
    if (next === QUESTION || next === BANG) {
      const close = next === QUESTION ? '?>' : xml.startsWith('<!--', pos) ? '-->' : ']]>';
      if (close === ']]>' && !xml.startsWith('<![CDATA[', pos)) fail('a DOCTYPE');
      const end = xml.indexOf(close, pos);
      if (end < 0) fail('unclosed markup');
      const markup = xml.slice(pos, end + close.length);
      if (open.length > 0) open[open.length - 1].children.push(markup);
      else if (root) epilog += markup;
      else prolog += markup;
      pos = end + close.length;
      continue;
    }
    if (next === SLASH) {
      CLOSE_TAG.lastIndex = pos;
      const m = CLOSE_TAG.exec(xml);
      if (!m) fail('an unclosed tag');
      const el = open.pop();
      if (!el || el.name !== m![1]) fail(`\`</${m![1]}>\` closes nothing open`);
      el!.source = xml.slice(starts.pop()!, pos + m![0].length);
      scopes.pop();
      pos += m![0].length;
      continue;
    }
    OPEN_TAG.lastIndex = pos;
    const m = OPEN_TAG.exec(xml);
    if (!m) fail('an unclosed tag');
    const [whole, name, attrs, slash] = m!;
    const selfClosing = slash === '/';
    const parent = open.length > 0 ? open[open.length - 1] : undefined;
    let scope = scopes.length > 0 ? scopes[scopes.length - 1] : EMPTY_SCOPE;
    if (attrs.includes('xmlns')) {
      scope = new Map(scope);
      for (const [k, v] of attributes(attrs)) {
        if (k === 'xmlns') scope.set('', v);
        else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
      }
    }
    const colon = name.indexOf(':');
    const el: XmlElement = {
      name,
      ns: scope.get(colon < 0 ? '' : name.slice(0, colon)),
      local: colon < 0 ? name : name.slice(colon + 1),
      attrs,
      children: [],
      parent,
      source: selfClosing ? whole : undefined,
      selfClosing,
    };
    if (parent) parent.children.push(el);
    else if (root) fail('a second root element');
    else root = el;
    if (!selfClosing) {
      open.push(el);
      starts.push(pos);
      scopes.push(scope);
    }
    pos += whole.length;
  }
  if (open.length > 0 || !root) fail(open.length > 0 ? `\`<${open[open.length - 1].name}>\` never closed` : 'no root');
  return { prolog, root: root!, epilog };
}

/** The tree as text: untouched elements as they were read, edited ones written out. */
export function serializeXmlTree(t: XmlTree): string {
  return t.prolog + serializeElement(t.root) + t.epilog;
}

/** One element as text, as `serializeXmlTree` writes it. */
export function serializeElement(el: XmlElement): string {
  const out: string[] = [];
  const write = (n: XmlNode) => {
    if (typeof n === 'string') return void out.push(n);
    if (n.source !== undefined) return void out.push(n.source);
    if (n.children.length === 0 && n.selfClosing) return void out.push(`<${n.name}${n.attrs}/>`);
    out.push(`<${n.name}${n.attrs}>`);
    for (const c of n.children) write(c);
    out.push(`</${n.name}>`);
  };
  write(el);
  return out.join('');
}

/** Mark `el` edited: it and every element around it are written out again. */
export function touch(el: XmlElement): void {
  for (let e: XmlElement | undefined = el; e; e = e.parent) e.source = undefined;
}

/** Replace `el`'s children (elements, or markup we write as text). */
export function setChildren(el: XmlElement, children: XmlNode[]): void {
  el.children = children;
  for (const c of children) if (typeof c !== 'string') c.parent = el;
  touch(el);
}

/** Replace `el`'s attributes' source text. */
export function setAttrs(el: XmlElement, attrs: string): void {
  el.attrs = attrs;
  touch(el);
}

/**
 * Set (or, with undefined, remove) one attribute. Only that attribute's text changes: the others keep their order,
 * quotes and spacing; a new one goes last. Values are written as given (already escaped: `escAttr`), in the quotes the
 * attribute had (double for a new one).
 */
export function setAttr(el: XmlElement, name: string, value: string | undefined): void {
  for (const m of el.attrs.matchAll(ATTRIBUTE)) {
    if (m[1] !== name) continue;
    const start = m.index!;
    const end = start + m[0].length;
    if (value === undefined) {
      let from = start;
      while (from > 0 && /\s/.test(el.attrs[from - 1])) from--;
      return setAttrs(el, el.attrs.slice(0, from) + el.attrs.slice(end));
    }
    const q = m[2] === undefined ? "'" : '"';
    const v = q === "'" ? value.replace(/'/g, '&apos;') : value.replace(/"/g, '&quot;');
    if ((m[2] ?? m[3]) !== v) setAttrs(el, `${el.attrs.slice(0, start)}${m[1]}=${q}${v}${q}${el.attrs.slice(end)}`);
    return;
  }
  if (value !== undefined) setAttrs(el, `${el.attrs.replace(/\s+$/, '')} ${name}="${value.replace(/"/g, '&quot;')}"`);
}

/** Markup we write (a placeholder's `<p:ph>`, a paragraph's `<a:pPr>`), as elements to insert. */
export function fragment(xml: string): XmlNode[] {
  const wrapped = parseXmlTree(`<f ${FRAGMENT_NS}>${xml}</f>`, 'fragment');
  return wrapped.root.children;
}

const FRAGMENT_NS = [
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
].join(' ');

/** Remove `el` from its parent. */
export function remove(el: XmlElement): void {
  const parent = el.parent;
  if (!parent) return;
  setChildren(
    parent,
    parent.children.filter((c) => c !== el),
  );
}

/** An attribute's value as written (entities left as they are), or undefined. */
export function attr(el: XmlElement, name: string): string | undefined {
  if (!el.attrs.includes(name)) return undefined;
  // A regex of its own: `matchAll` over ATTRIBUTE would start where an early return here left its lastIndex.
  ATTRIBUTE_SCAN.lastIndex = 0;
  for (let m = ATTRIBUTE_SCAN.exec(el.attrs); m; m = ATTRIBUTE_SCAN.exec(el.attrs))
    if (m[1] === name) return m[2] ?? m[3];
  return undefined;
}

/** Element children, optionally only `ns:local` ones. */
export function elements(el: XmlElement, ns?: string, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children)
    if (typeof c !== 'string' && (ns === undefined || c.ns === ns) && (local === undefined || c.local === local))
      out.push(c);
  return out;
}

/** Every `ns:local` element under `el`, in document order, without recursion. */
export function descendants(el: XmlElement, ns: string, local: string): XmlElement[] {
  return byName(el, ns, [local]).get(local) ?? [];
}

/** The elements under `el` named `ns:` one of `locals`, each name's in document order: one walk for several names. */
export function byName(el: XmlElement, ns: string, locals: readonly string[]): Map<string, XmlElement[]> {
  const found = collect(el, [[ns, locals]]);
  return new Map(locals.map((l) => [l, found(ns, l)]));
}

/**
 * The elements under `el` of several names in several namespaces, each name's in document order: one walk, without
 * recursion. Returns a lookup; asking for a name not wanted is a bug.
 */
export function collect(
  el: XmlElement,
  wanted: readonly (readonly [string, readonly string[]])[],
): (ns: string, local: string) => XmlElement[] {
  const lists = new Map<string, Map<string, XmlElement[]>>();
  for (const [ns, locals] of wanted) {
    const byLocal = lists.get(ns) ?? new Map<string, XmlElement[]>();
    for (const l of locals) byLocal.set(l, []);
    lists.set(ns, byLocal);
  }
  const stack: XmlElement[] = [];
  const push = (e: XmlElement) => {
    for (let k = e.children.length - 1; k >= 0; k--) {
      const c = e.children[k];
      if (typeof c !== 'string') stack.push(c);
    }
  };
  push(el);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.ns !== undefined) lists.get(n.ns)?.get(n.local)?.push(n);
    if (n.children.length > 0) push(n);
  }
  return (ns, local) => {
    const list = lists.get(ns)?.get(local);
    if (!list) throw new Error(`briefdeck bug: \`${local}\` was not collected`);
    return list;
  };
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ATTRIBUTE_SCAN = new RegExp(ATTRIBUTE.source, 'g');

function* attributes(attrs: string): Generator<[string, string]> {
  for (const m of attrs.matchAll(ATTRIBUTE)) yield [m[1], m[2] ?? m[3]];
}

/** Each attribute of `el` as written: name and value (entities left as they are). */
export const attrList = (el: XmlElement): [string, string][] => [...attributes(el.attrs)];
