import { describe, expect, it } from 'vitest';
import { presentationSettings, withOurTableStyle } from '../../src/render/package/template-parts.js';
import { DOMParser } from '@xmldom/xmldom';

const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const part = (name: string, text: string) => ({ name, data: new TextEncoder().encode(text) });
const presentation = (inner: string) =>
  part(
    'ppt/presentation.xml',
    `<?xml version="1.0"?><p:presentation xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}" xmlns:x="urn:x">${inner}</p:presentation>`,
  );

describe('presentationSettings (a template presentation part → what the deck takes from it)', () => {
  it('gives the slide size and default text style as written, without declaring the prefixes again', () => {
    const style = '<p:defaultTextStyle><a:lvl1pPr marL="0"><a:defRPr sz="1800"/></a:lvl1pPr></p:defaultTextStyle>';
    const r = presentationSettings(
      presentation(`<p:sldIdLst/><p:sldSz cx="12192000" cy="6858000" type="custom"/>${style}`),
    );
    expect(r).toEqual({ sizeXml: '<p:sldSz cx="12192000" cy="6858000" type="custom"/>', defaultTextStyleXml: style });
  });

  it('declares a prefix the presentation part does not have on the element that uses it', () => {
    const r = presentationSettings(presentation('<p:defaultTextStyle><x:note/></p:defaultTextStyle>'));
    expect(r.defaultTextStyleXml).toBe('<p:defaultTextStyle><x:note xmlns:x="urn:x"/></p:defaultTextStyle>');
    // No size in the template: ECMA-376's default.
    expect(r.sizeXml).toBe('<p:sldSz cx="9144000" cy="6858000"/>');
  });
});

describe('withOurTableStyle', () => {
  const ours = `<a:tblStyleLst xmlns:a="${NS.a}" def="{OURS}"><a:tblStyle styleId="{OURS}" styleName="briefing"/></a:tblStyleLst>`;
  const ids = (xml: string) => {
    const root = new DOMParser().parseFromString(xml, 'application/xml').documentElement!;
    return {
      def: root.getAttribute('def'),
      styles: Array.from(root.getElementsByTagNameNS(NS.a, 'tblStyle')).map((s) => s.getAttribute('styleId')),
    };
  };

  it('adds ours to the template list, an empty one too, keeping its styles and its default', () => {
    const empty = part('ppt/tableStyles.xml', `<a:tblStyleLst xmlns:a="${NS.a}" def="{THEIRS}"/>`);
    expect(ids(withOurTableStyle(empty, ours))).toEqual({ def: '{THEIRS}', styles: ['{OURS}'] });
    const one = part(
      'ppt/tableStyles.xml',
      `<a:tblStyleLst xmlns:a="${NS.a}" def="{THEIRS}"><a:tblStyle styleId="{THEIRS}" styleName="Theirs"/></a:tblStyleLst>`,
    );
    expect(ids(withOurTableStyle(one, ours))).toEqual({ def: '{THEIRS}', styles: ['{THEIRS}', '{OURS}'] });
  });

  it('is ours alone when the template has no table styles', () => {
    expect(withOurTableStyle(undefined, ours)).toBe(ours);
  });
});
