import { describe, expect, it } from 'vitest';
import { nextRelId, parseRels, relType, resolveTarget } from '../../src/render/package/rels.js';
import { NS_A, NS_P, NS_R, REL, relsXml } from '../../src/render/package/xml.js';
import { attrNS, namespaceOf, prefixOf, requirePrefixes, textOf } from '../../src/render/package/xml-tree-edit.js';
import {
  XmlTreeError,
  attr,
  descendants,
  elements,
  parseXmlTree,
  serializeXmlTree,
  setAttr,
  setAttrs,
  setChildren,
} from '../../src/render/package/xml-tree.js';

const SLIDE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<p:sld xmlns:a="${NS_A}" xmlns:p="${NS_P}"><p:cSld><p:spTree>` +
  '<p:sp><p:nvSpPr><p:cNvPr id="2" name="a &gt; b"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr></p:nvSpPr>' +
  '<p:txBody><a:bodyPr wrap="square" title=\'x>y\'/><a:p><a:pPr algn="l"/><a:r><a:t>1 &lt; 2 &amp; 3 > 0</a:t></a:r>' +
  '<a:pPr/><a:r><a:t>two</a:t></a:r></a:p><!-- kept --></p:txBody></p:sp></p:spTree></p:cSld></p:sld>';

describe('the package stage’s XML tree (src/render/package/xml-tree.ts)', () => {
  it('writes an untouched part back byte for byte, and resolves namespaces by declaration, not prefix', () => {
    const t = parseXmlTree(SLIDE, 'slide1.xml');
    expect(serializeXmlTree(t)).toBe(SLIDE);
    const other = SLIDE.replaceAll('a:', 'x:').replace('xmlns:a=', 'xmlns:x=');
    const p = descendants(parseXmlTree(other, 'slide1.xml').root, NS_A, 'p');
    expect(p).toHaveLength(1);
    expect(p[0].name).toBe('x:p');
  });

  it('an edit rewrites only the edited element and those around it; attributes are read whatever their quotes', () => {
    const t = parseXmlTree(SLIDE, 'slide1.xml');
    const [p] = descendants(t.root, NS_A, 'p');
    setChildren(p, ['<a:pPr algn="r"/>', ...p.children.filter((c) => typeof c === 'string' || c.local !== 'pPr')]);
    const [bodyPr] = descendants(t.root, NS_A, 'bodyPr');
    expect(attr(bodyPr, 'title')).toBe('x>y');
    setAttrs(bodyPr, ` vert="horz"${bodyPr.attrs}`);
    const out = serializeXmlTree(t);
    expect(out).toContain(
      '<a:p><a:pPr algn="r"/><a:r><a:t>1 &lt; 2 &amp; 3 > 0</a:t></a:r><a:r><a:t>two</a:t></a:r></a:p>',
    );
    expect(out).toContain('<a:bodyPr vert="horz" wrap="square" title=\'x>y\'/>');
    expect(out).toContain('<p:cNvPr id="2" name="a &gt; b"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr>');
    expect(out).toContain('<!-- kept -->');
    expect(elements(descendants(t.root, NS_P, 'nvSpPr')[0])).toHaveLength(3);
  });

  it('refuses what it cannot read rather than guess', () => {
    expect(() => parseXmlTree('<!DOCTYPE x><x/>', 'p')).toThrow(XmlTreeError);
    expect(() => parseXmlTree('<a><b></a>', 'p')).toThrow(/closes nothing open/);
    expect(() => parseXmlTree('<a>', 'p')).toThrow(/never closed/);
    expect(() => parseXmlTree('<a x="1/>', 'p')).toThrow(/unclosed tag/);
  });
});

describe('edits that keep what they do not edit (src/render/package/xml-tree.ts, xml-tree-edit.ts)', () => {
  it('setAttr changes only its attribute, in its quotes, and removes one with the space before it', () => {
    const t = parseXmlTree(`<a:p xmlns:a="${NS_A}"><a:rPr  lang='en-US'   b="1"\n dirty="0"/></a:p>`, 'p');
    const [rPr] = descendants(t.root, NS_A, 'rPr');
    setAttr(rPr, 'lang', 'de-DE');
    setAttr(rPr, 'b', undefined);
    setAttr(rPr, 'altLang', 'a"b');
    expect(serializeXmlTree(t)).toBe(
      `<a:p xmlns:a="${NS_A}"><a:rPr  lang='de-DE'\n dirty="0" altLang="a&quot;b"/></a:p>`,
    );
  });

  it('keeps white space and comments after the root, and refuses text there', () => {
    const xml = '<?xml version="1.0"?>\r\n<x><y/></x>\n<!-- end -->\n';
    expect(serializeXmlTree(parseXmlTree(xml, 'p'))).toBe(xml);
    expect(() => parseXmlTree('<x/>text', 'p')).toThrow(/text after the root/);
  });

  it('resolves prefixes by declaration: attributes by namespace, text decoded, prefixes checked before our markup', () => {
    const t = parseXmlTree(
      `<s xmlns:d="${NS_A}" xmlns:q="${NS_R}"><d:blip q:embed="rId7"/><d:t>1 &lt; 2 <![CDATA[& 3]]></d:t></s>`,
      's',
    );
    const [blip] = descendants(t.root, NS_A, 'blip');
    expect(attrNS(blip, NS_R, 'embed')).toBe('rId7');
    expect(namespaceOf(blip, 'd')).toBe(NS_A);
    expect(prefixOf(blip, NS_R)).toBe('q');
    expect(textOf(descendants(t.root, NS_A, 't')[0])).toBe('1 < 2 & 3');
    expect(() => requirePrefixes(t.root, 's', { a: NS_A })).toThrow(/does not bind `a:`/);
  });
});

describe('relationships as a list (src/render/package/rels.ts)', () => {
  const written = (attrs: string[]) =>
    `<?xml version="1.0"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\n` +
    `  <Relationship ${attrs.join('\n    ')} />\n</Relationships>\n`;

  it('reads a relationship whatever the attribute order, quotes, white space or entities, and writes it one way', () => {
    const link = [
      'Id="rId1"',
      `Type="${REL}/hyperlink"`,
      'Target="https://x.org/?a=1&amp;b=2"',
      'TargetMode="External"',
    ];
    const one = parseRels(written(link), 'a.rels');
    const other = parseRels(written([...link].reverse().map((a) => a.replace(/"/g, "'"))), 'b.rels');
    expect(other).toEqual(one);
    expect(one).toEqual([{ id: 'rId1', type: `${REL}/hyperlink`, target: 'https://x.org/?a=1&b=2', external: true }]);
    expect(relsXml(one)).toContain(
      `<Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://x.org/?a=1&amp;b=2" TargetMode="External"/>`,
    );
    expect(nextRelId([...one, { id: 'rId9', type: relType('image'), target: 'x.png' }])).toBe('rId10');
    expect(resolveTarget('ppt/slides/slide1.xml', '../notesSlides/notesSlide1.xml')).toBe(
      'ppt/notesSlides/notesSlide1.xml',
    );
    expect(resolveTarget('ppt/slides/slide1.xml', '/ppt/charts/chart3.xml')).toBe('ppt/charts/chart3.xml');
  });
});
