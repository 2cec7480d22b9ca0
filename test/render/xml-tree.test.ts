import { describe, expect, it } from 'vitest';
import { NS_A, NS_P } from '../../src/render/package/xml.js';
import {
  XmlTreeError,
  attr,
  descendants,
  elements,
  parseXmlTree,
  serializeXmlTree,
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
