/**
 * A small, strict, namespace-aware XML reader for the test helpers.
 *
 * No XML parser is a declared dependency of this project (htmlparser2 is in
 * node_modules only as a transitive dependency of mailparser, and it is an
 * HTML-first parser that does not resolve namespaces), so this is a careful
 * hand-written tokenizer that covers what OOXML parts contain: an XML
 * declaration, elements, attributes in either quote style, character data,
 * CDATA sections, comments and processing instructions. It builds a tree with
 * resolved namespace URIs, so queries do not depend on the prefixes a writer
 * chose.
 *
 * It is deliberately strict: a bare `&`, an unknown entity, a character XML
 * does not allow (e.g. U+0007), a `<` inside an attribute value, a mismatched
 * end tag, a duplicate attribute, an unbound prefix, a DOCTYPE (OOXML forbids
 * DTDs) or trailing content throws an XmlSyntaxError. A deck with any of those is corrupt, and a test helper that
 * silently read past it would hide the bug.
 */

export const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  p14: 'http://schemas.microsoft.com/office/powerpoint/2010/main',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export interface XmlAttribute {
  /** Qualified name as written, e.g. `r:id`. */
  readonly name: string;
  readonly local: string;
  /** Resolved namespace URI; '' for an unprefixed attribute. */
  readonly ns: string;
  /** Decoded value (entities resolved, attribute-value whitespace normalised). */
  readonly value: string;
}

export interface XmlElement {
  /** Qualified name as written, e.g. `a:t`. */
  readonly name: string;
  readonly local: string;
  /** Resolved namespace URI; '' when the element is in no namespace. */
  readonly ns: string;
  readonly attrs: readonly XmlAttribute[];
  /** Child elements and decoded text, in document order. */
  readonly children: (XmlElement | string)[];
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly part: string | undefined,
    readonly line: number,
  ) {
    super(`${part ? `${part}: ` : ''}line ${line}: ${message}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Decode the five predefined XML entities and decimal/hex character
 * references (`&amp; &lt; &gt; &quot; &apos; &#NN; &#xNN;`). Anything else
 * after an `&` — a bare ampersand, an HTML entity such as `&nbsp;`, a
 * reference to a character XML does not allow — throws, because an XML parser
 * (and PowerPoint) would reject it too.
 */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&<\s]*)(;?)/g, (whole, body: string, semi: string) => {
    if (!semi) throw new Error(`bare "&" (not an entity reference) in ${JSON.stringify(excerpt(s, whole))}`);
    if (body.startsWith('#')) {
      const hex = body[1] === 'x';
      const digits = body.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits))
        throw new Error(`malformed character reference "${whole}"`);
      const cp = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(cp)) throw new Error(`character reference "${whole}" is not an allowed XML character`);
      return String.fromCodePoint(cp);
    }
    const named = NAMED_ENTITIES[body];
    if (named === undefined) throw new Error(`undefined entity "${whole}"`);
    return named;
  });
}

function excerpt(s: string, around: string): string {
  const i = s.indexOf(around);
  return s.slice(Math.max(0, i - 20), i + around.length + 20);
}

const NAME_RE = /[^\s/>=<"'&]+/y;

/** Parse a whole XML document and return its root element. */
export function parseXml(source: string, part?: string): XmlElement {
  // XML end-of-line handling: \r\n and lone \r become \n before parsing.
  const xml = (source.charCodeAt(0) === 0xfeff ? source.slice(1) : source).replace(/\r\n?/g, '\n');
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    let line = 1;
    for (let i = 0; i < at && i < xml.length; i++) if (xml.charCodeAt(i) === 10) line++;
    throw new XmlSyntaxError(message, part, line);
  };
  const decode = (raw: string, at: number): string => {
    try {
      return decodeXmlText(raw);
    } catch (e) {
      return fail((e as Error).message, at);
    }
  };

  // Characters XML 1.0 does not allow anywhere, not even escaped (C0 controls
  // other than tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates).
  const bad =
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(
      xml,
    );
  if (bad)
    fail(
      `character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`,
      bad.index,
    );

  interface Open {
    raw: { name: string; attrs: { name: string; value: string }[] };
    el: XmlElement;
    scope: Map<string, string>;
  }
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  const rootScope = new Map<string, string>([
    ['xml', NS.xml],
    ['', ''],
  ]);

  const resolve = (qname: string, scope: Map<string, string>, isAttr: boolean, at: number) => {
    const colon = qname.indexOf(':');
    if (colon < 0) return { local: qname, ns: isAttr ? '' : (scope.get('') ?? '') };
    const prefix = qname.slice(0, colon);
    const local = qname.slice(colon + 1);
    if (!local || local.includes(':')) fail(`malformed name "${qname}"`, at);
    const ns = scope.get(prefix);
    if (ns === undefined) fail(`unbound namespace prefix "${prefix}" in "${qname}"`, at);
    return { local, ns: ns as string };
  };

  const skipSpace = () => {
    while (pos < xml.length && /\s/.test(xml[pos])) pos++;
  };
  const readName = (what: string): string => {
    NAME_RE.lastIndex = pos;
    const m = NAME_RE.exec(xml);
    if (!m) return fail(`expected ${what}`);
    pos += m[0].length;
    return m[0];
  };
  const expectEnd = (terminator: string, what: string): number => {
    const end = xml.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    return end;
  };
  const addText = (text: string, at: number) => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (text.trim() !== '') fail('text outside the root element', at);
      return;
    }
    const kids = top.el.children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + text;
    else kids.push(text);
  };

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      addText(decode(xml.slice(pos), pos), pos);
      pos = xml.length;
      break;
    }
    if (lt > pos) {
      const raw = xml.slice(pos, lt);
      if (raw.includes(']]>')) fail('"]]>" in character data');
      addText(decode(raw, pos), pos);
      pos = lt;
    }
    if (xml.startsWith('<?', pos)) {
      const end = expectEnd('?>', 'processing instruction');
      pos = end + 2;
    } else if (xml.startsWith('<!--', pos)) {
      const end = expectEnd('-->', 'comment');
      pos = end + 3;
    } else if (xml.startsWith('<![CDATA[', pos)) {
      if (!stack.length) fail('CDATA outside the root element');
      const start = pos + 9;
      pos = start;
      const end = expectEnd(']]>', 'CDATA section');
      addText(xml.slice(start, end), start);
      pos = end + 3;
    } else if (xml.startsWith('<!', pos)) {
      fail('DOCTYPE / markup declaration (not allowed in OOXML parts)');
    } else if (xml.startsWith('</', pos)) {
      const at = pos;
      pos += 2;
      const name = readName('an end-tag name');
      skipSpace();
      if (xml[pos] !== '>') fail(`malformed end tag </${name}`);
      pos++;
      const top = stack.pop();
      if (!top) fail(`end tag </${name}> without a start tag`, at);
      else if (top.raw.name !== name) fail(`end tag </${name}> does not match <${top.raw.name}>`, at);
      else if (stack.length === 0) root = top.el;
    } else {
      const at = pos;
      if (root) fail('content after the root element', at);
      pos++;
      const name = readName('an element name');
      const attrs: { name: string; value: string }[] = [];
      let selfClosing = false;
      for (;;) {
        const before = pos;
        skipSpace();
        if (xml.startsWith('/>', pos)) {
          pos += 2;
          selfClosing = true;
          break;
        }
        if (xml[pos] === '>') {
          pos++;
          break;
        }
        if (pos >= xml.length) fail(`unterminated start tag <${name}`, at);
        if (pos === before) fail(`expected whitespace before an attribute in <${name}`);
        const an = readName(`an attribute name in <${name}`);
        skipSpace();
        if (xml[pos] !== '=') fail(`expected "=" after attribute ${an} in <${name}`);
        pos++;
        skipSpace();
        const q = xml[pos];
        if (q !== '"' && q !== "'") fail(`attribute ${an} in <${name} is not quoted`);
        const vStart = pos + 1;
        const vEnd = xml.indexOf(q, vStart);
        if (vEnd < 0) fail(`unterminated value of attribute ${an} in <${name}`);
        const rawValue = xml.slice(vStart, vEnd);
        if (rawValue.includes('<')) fail(`"<" in the value of attribute ${an} in <${name}`, vStart);
        if (attrs.some((x) => x.name === an)) fail(`duplicate attribute ${an} in <${name}`, at);
        // Attribute-value normalisation: literal tab/newline become spaces;
        // character references (&#10;) survive as the characters they name.
        attrs.push({ name: an, value: decode(rawValue.replace(/[\t\n]/g, ' '), vStart) });
        pos = vEnd + 1;
      }

      const parentScope = stack.length ? stack[stack.length - 1].scope : rootScope;
      let scope = parentScope;
      for (const a of attrs) {
        if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
          if (scope === parentScope) scope = new Map(parentScope);
          scope.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
        }
      }
      const { local, ns } = resolve(name, scope, false, at);
      const resolvedAttrs: XmlAttribute[] = [];
      const seen = new Set<string>();
      for (const a of attrs) {
        if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
        const r = resolve(a.name, scope, true, at);
        const key = `{${r.ns}}${r.local}`;
        if (seen.has(key)) fail(`duplicate attribute {${r.ns}}${r.local} in <${name}`, at);
        seen.add(key);
        resolvedAttrs.push({ name: a.name, local: r.local, ns: r.ns, value: a.value });
      }
      const el: XmlElement = { name, local, ns, attrs: resolvedAttrs, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.el.children.push(el);
      if (selfClosing) {
        if (!parent) root = el;
      } else {
        stack.push({ raw: { name, attrs }, el, scope });
      }
    }
  }
  if (stack.length) fail(`unclosed element <${stack[stack.length - 1].raw.name}>`);
  if (!root) fail('no root element');
  return root as XmlElement;
}

// ---------------------------------------------------------------------------
// Queries

export function attr(el: XmlElement, local: string, ns = ''): string | undefined {
  return el.attrs.find((a) => a.local === local && a.ns === ns)?.value;
}

export function isEl(node: XmlElement | string, ns: string, local: string): node is XmlElement {
  return typeof node !== 'string' && node.ns === ns && node.local === local;
}

export function childElements(el: XmlElement, ns?: string, local?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement =>
      typeof c !== 'string' && (ns === undefined || c.ns === ns) && (local === undefined || c.local === local),
  );
}

export function firstChild(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  return childElements(el, ns, local)[0];
}

/**
 * Descendants (not `el` itself) matching ns/local, in document order. If
 * `skip` matches an element, neither it nor its subtree is visited.
 */
export function descendants(
  el: XmlElement,
  ns: string,
  local: string,
  skip?: (e: XmlElement) => boolean,
): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (skip?.(c)) continue;
      if (c.ns === ns && c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Concatenated character data of an element's subtree. */
export function textContent(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textContent(c);
  return s;
}
