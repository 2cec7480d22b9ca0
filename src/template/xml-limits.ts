/**
 * Limits on the shape of one template part, checked by a linear scan of its
 * text before any DOM is built: xmldom has no depth or size limit of its own,
 * and a layout of a million nested elements (63 KB zipped) took 75 s and
 * 2.5 GB to parse. A PowerPoint master nests about 15 deep and holds a few
 * thousand elements.
 */
export const MAX_XML_DEPTH = 256;
export const MAX_XML_ELEMENTS = 100_000;
/**
 * Across all the parts of one package that are parsed (their DOMs are kept while the template is read). The largest
 * master among the real templates the tests use holds 2,434 elements; 100,000 small ones take about 160 MB as a DOM.
 */
export const MAX_PACKAGE_ELEMENTS = 200_000;

/**
 * What is wrong with the part's shape, as a phrase after its name (undefined when it is within the limits), and how
 * many elements it holds.
 */
export function xmlShape(text: string, maxElements = MAX_XML_ELEMENTS): { problem?: string; elements: number } {
  let elements = 0;
  const problem = scan(text, maxElements, (n) => (elements = n));
  return problem ? { problem, elements } : { elements };
}

function scan(text: string, maxElements: number, counted: (n: number) => void): string | undefined {
  let depth = 0;
  let elements = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) i = after(text, '-->', i + 4);
      else if (text.startsWith('<![CDATA[', i)) i = after(text, ']]>', i + 9);
      else return 'has a DOCTYPE or other declaration, which OOXML forbids';
    } else if (next === 0x3f /* ? */) {
      i = after(text, '?>', i + 2);
    } else if (next === 0x2f /* / */) {
      depth--;
      i = after(text, '>', i + 2);
    } else {
      const end = tagEnd(text, i + 1);
      if (end === -1) break; // truncated: the parser names it
      elements++;
      if (text.charCodeAt(end - 1) !== 0x2f) depth++;
      if (depth > MAX_XML_DEPTH) return `nests elements more than ${MAX_XML_DEPTH} deep`;
      if (elements > maxElements) return `has more than ${maxElements.toLocaleString('en')} elements`;
      i = end + 1;
    }
    if (i === -1 || i >= text.length) break;
    i = text.indexOf('<', i);
  }
  counted(elements);
  return undefined;
}

/** The index just past `close` from `from`, or -1 when it never comes. */
function after(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at === -1 ? -1 : at + close.length;
}

/** The index of the `>` that ends a start tag, skipping quoted attribute values; -1 when the text ends first. */
function tagEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x3e) return j;
    if (c === 0x22 || c === 0x27) {
      j = text.indexOf(c === 0x22 ? '"' : "'", j + 1);
      if (j === -1) return -1;
    }
  }
  return -1;
}
