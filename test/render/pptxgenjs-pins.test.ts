import PptxGenJS from 'pptxgenjs';
import { beforeAll, describe, expect, it } from 'vitest';
import PartCollector from '../../src/render/package/part-collector.js';
import { FRAME_MARK } from '../../src/render/frame-to-text.js';
import { attr, childElements, descendants, NS, parseXml, textContent, type XmlElement } from '../helpers/xml.js';

/**
 * What briefdeck relies on in pptxgenjs 4.0.1's output, each pinned by name: if an update changes one, the test
 * names the behaviour, and the place that relies on it (src/render/frame-to-text.ts, src/render/package/*) must be
 * looked at before the update is taken.
 */
async function slideXml(fill: (s: PptxGenJS.Slide) => void): Promise<string> {
  const p = new PptxGenJS();
  fill(p.addSlide());
  const written: unknown = await p.write({ outputType: 'uint8array' });
  if (!(written instanceof PartCollector)) throw new Error('pptxgenjs did not write to the part collector');
  const xml = written.parts.get('ppt/slides/slide1.xml');
  return typeof xml === 'string' ? xml : new TextDecoder().decode(xml);
}
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** Every part pptxgenjs writes for a presentation, as text (binary parts as given). */
async function allParts(fill: (p: PptxGenJS) => void): Promise<Map<string, string | Uint8Array>> {
  const p = new PptxGenJS();
  fill(p);
  const written: unknown = await p.write({ outputType: 'uint8array' });
  if (!(written instanceof PartCollector)) throw new Error('pptxgenjs did not write to the part collector');
  return written.parts;
}
const xmlOf = (parts: Map<string, string | Uint8Array>, name: string): XmlElement => {
  const v = parts.get(name);
  if (v === undefined) throw new Error(`pptxgenjs wrote no ${name}`);
  return parseXml(typeof v === 'string' ? v : new TextDecoder().decode(v), name);
};
const relsOf = (parts: Map<string, string | Uint8Array>, name: string) =>
  childElements(xmlOf(parts, name), NS.rel, 'Relationship').map((r) => ({
    type: (attr(r, 'Type') ?? '').replace(/^.*\//, ''),
    target: attr(r, 'Target') ?? '',
  }));
const P14 = 'http://schemas.microsoft.com/office/powerpoint/2010/main';
/** A 1×1 transparent PNG. */
const PNG =
  'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const GUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/i;

describe('pptxgenjs 4.0.1 behaviours briefdeck relies on', () => {
  it('a line break inside a run starts a new paragraph (why every run is sanitised first: model/safe-text.ts)', async () => {
    const xml = await slideXml((s) => s.addText([{ text: 'one\ntwo' }], { x: 0, y: 0, w: 4, h: 1 }));
    expect(count(xml, /<a:p>/g)).toBe(2);
  });

  it('`breakLine` ends a paragraph and `softBreakBefore` writes `<a:br/>` inside one (one planned paragraph = one `<a:p>`)', async () => {
    const xml = await slideXml((s) =>
      s.addText(
        [
          { text: 'first', options: { breakLine: true } },
          { text: 'second' },
          { text: 'same paragraph', options: { softBreakBefore: true } },
        ],
        { x: 0, y: 0, w: 4, h: 1 },
      ),
    );
    expect(count(xml, /<a:p>/g)).toBe(2);
    expect(count(xml, /<a:br\/>/g)).toBe(1);
  });

  it('a later run of a mixed-format paragraph gets its own `<a:pPr>` (removed by the package stage: PR #1083)', async () => {
    const xml = await slideXml((s) =>
      s.addText([{ text: 'plain ' }, { text: 'bold', options: { bold: true } }], { x: 0, y: 0, w: 4, h: 1 }),
    );
    expect(count(xml, /<a:p>/g)).toBe(1);
    expect(count(xml, /<a:pPr\b/g)).toBeGreaterThan(1);
  });

  it('a bulleted run starts a paragraph of its own (paragraph options go on a paragraph’s first run only)', async () => {
    const xml = await slideXml((s) =>
      s.addText(
        [
          { text: 'a', options: { bullet: true } },
          { text: 'b', options: { bullet: true } },
        ],
        { x: 0, y: 0, w: 4, h: 1 },
      ),
    );
    expect(count(xml, /<a:p>/g)).toBe(2);
  });

  it('`objectName` is the shape’s `cNvPr name`, written as the package stage finds it', async () => {
    const xml = await slideXml((s) =>
      s.addText([{ text: 'x' }], { x: 0, y: 0, w: 4, h: 1, objectName: `${FRAME_MARK}0` }),
    );
    expect(xml).toMatch(new RegExp(`<p:cNvPr id="\\d+" name="${FRAME_MARK}0"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr>`));
  });

  it('the slide number is a `sldNum` placeholder with idx 4294967295; tables start `<a:tblPr/>`; runs `lang="en-US" altLang="en-US"`', async () => {
    const xml = await slideXml((s) => {
      s.slideNumber = { x: 1, y: 1 };
      s.addTable([[{ text: 'cell' }]], { x: 0, y: 0, w: 4 });
      s.addText([{ text: 'x', options: { lang: 'de-DE' } }], { x: 0, y: 2, w: 4, h: 1 });
    });
    expect(xml).toContain('<p:ph type="sldNum" sz="quarter" idx="4294967295"/>');
    expect(xml).toContain('<a:tblPr/>');
    expect(xml).toContain(' lang="de-DE" altLang="en-US"');
    expect(xml).toMatch(/<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"\/><\/p:cNvGraphicFramePr>\s*<p:nvPr>/);
  });
});

/**
 * What the package stage (src/render/package/*) relies on in the package pptxgenjs writes, read as XML. Each test
 * names the behaviour and the step that relies on it.
 */
describe('pptxgenjs 4.0.1 package parts the package stage edits', () => {
  let parts: Map<string, string | Uint8Array>;
  let again: Map<string, string | Uint8Array>;
  const deck = (p: PptxGenJS) => {
    p.addSection({ title: 'One' });
    const a = p.addSlide({ sectionTitle: 'One' });
    a.addText([{ text: 'first frame' }], { x: 0, y: 0, w: 4, h: 1 });
    a.addTable([[{ text: 'cell' }]], { x: 0, y: 1, w: 4 });
    a.addText([{ text: 'second frame' }], { x: 0, y: 2, w: 4, h: 1 });
    a.addNotes('line one\nline two');
    p.addSection({ title: 'Two' });
    const b = p.addSlide({ sectionTitle: 'Two' });
    b.addImage({ data: PNG, x: 0, y: 0, w: 1, h: 1 });
    b.addChart(p.ChartType.bar, [{ name: 's', labels: ['a', 'b'], values: [1, 2] }], { x: 1, y: 1, w: 4, h: 3 });
  };
  beforeAll(async () => {
    parts = await allParts(deck);
    again = await allParts(deck);
  });

  it('every slide gets a notes slide, related by type `notesSlide`; without notes its text is one empty `a:t` (notes-xml.ts drops it)', () => {
    for (const n of [1, 2]) {
      const notes = relsOf(parts, `ppt/slides/_rels/slide${n}.xml.rels`).filter((r) => r.type === 'notesSlide');
      expect(notes).toEqual([{ type: 'notesSlide', target: `../notesSlides/notesSlide${n}.xml` }]);
    }
    const empty = xmlOf(parts, 'ppt/notesSlides/notesSlide2.xml');
    const texts = descendants(empty, NS.a, 't', (e) => e.ns === NS.a && e.local === 'fld');
    expect(texts.map(textContent)).toEqual(['']);
  });

  it('notes are one run whose `a:t` holds the line breaks (notes-xml.ts makes paragraphs of them)', () => {
    const notes = xmlOf(parts, 'ppt/notesSlides/notesSlide1.xml');
    const texts = descendants(notes, NS.a, 't', (e) => e.ns === NS.a && e.local === 'fld').map(textContent);
    expect(texts).toEqual(['line one\nline two']);
    const langs = descendants(notes, NS.a, 'rPr').map((r) => attr(r, 'lang'));
    expect(new Set(langs)).toEqual(new Set(['en-US']));
  });

  it('a slide relates exactly one layout (assemble.ts points it at the planned one)', () => {
    for (const n of [1, 2])
      expect(relsOf(parts, `ppt/slides/_rels/slide${n}.xml.rels`).filter((r) => r.type === 'slideLayout')).toHaveLength(
        1,
      );
  });

  it('presentation.xml lists the notes master after the slides, with a notes size; sections are `p14:section`s with random GUIDs', () => {
    const pres = xmlOf(parts, 'ppt/presentation.xml');
    const top = childElements(pres).map((e) => e.local);
    expect(top.indexOf('notesMasterIdLst')).toBeGreaterThan(top.indexOf('sldIdLst'));
    expect(top).toContain('notesSz');
    expect(top).toContain('sldMasterIdLst');
    const ids = (x: XmlElement) => descendants(x, P14, 'section').map((s) => attr(s, 'id') ?? '');
    expect(ids(pres)).toHaveLength(2);
    for (const id of ids(pres)) expect(id).toMatch(GUID);
    expect(ids(xmlOf(again, 'ppt/presentation.xml'))).not.toEqual(ids(pres));
  });

  it('presentation.xml.rels relates one slide master and one theme (a template replaces both)', () => {
    const types = relsOf(parts, 'ppt/_rels/presentation.xml.rels').map((r) => r.type);
    expect(types.filter((t) => t === 'slideMaster')).toHaveLength(1);
    expect(types.filter((t) => t === 'theme')).toHaveLength(1);
  });

  it('notes slides and the notes master carry a random `p14:creationId`; core.xml carries the clock (both fixed for the same bytes)', () => {
    for (const name of ['ppt/notesSlides/notesSlide1.xml', 'ppt/notesMasters/notesMaster1.xml'])
      expect(descendants(xmlOf(parts, name), P14, 'creationId')).toHaveLength(1);
    const core = xmlOf(parts, 'docProps/core.xml');
    for (const local of ['created', 'modified']) {
      const [el] = descendants(core, 'http://purl.org/dc/terms/', local);
      expect(Math.abs(Date.parse(textContent(el)) - Date.now())).toBeLessThan(24 * 3600 * 1000);
    }
  });

  it('slides, notes slides and presentation.xml bind `a:`, `p:` and `r:` on their root (our markup uses those prefixes)', () => {
    for (const name of ['ppt/slides/slide1.xml', 'ppt/notesSlides/notesSlide1.xml', 'ppt/presentation.xml']) {
      const text = parts.get(name) as string;
      const root = /^[\s\S]*?<([^?!][^\s>]*)([^>]*)>/.exec(text)!;
      for (const [prefix, ns] of [
        ['a', NS.a],
        ['p', NS.p],
        ['r', NS.r],
      ])
        expect(root[2], `${name} ${prefix}`).toContain(`xmlns:${prefix}="${ns}"`);
    }
  });

  it('text frames are the slide’s `p:sp`s in the order added; tables, pictures and charts are not `p:sp` (build-timing.ts)', () => {
    const spTree = descendants(xmlOf(parts, 'ppt/slides/slide1.xml'), NS.p, 'spTree')[0];
    const shapes = childElements(spTree, NS.p, 'sp').map((sp) => textContent(sp));
    expect(shapes).toEqual(['first frame', 'second frame']);
    const second = descendants(xmlOf(parts, 'ppt/slides/slide2.xml'), NS.p, 'spTree')[0];
    expect(childElements(second, NS.p, 'sp')).toHaveLength(0);
  });

  it('a picture embeds its image by `r:embed` on its `a:blip` (svg-blip.ts adds the SVG beside it)', () => {
    const blips = descendants(xmlOf(parts, 'ppt/slides/slide2.xml'), NS.a, 'blip');
    expect(blips).toHaveLength(1);
    expect(attr(blips[0], 'embed', NS.r)).toMatch(/^rId\d+$/);
  });

  it('charts are related by absolute targets and numbered by a counter that outlives a presentation (chart-parts.ts renumbers)', () => {
    const chart = (m: Map<string, string | Uint8Array>) =>
      relsOf(m, 'ppt/slides/_rels/slide2.xml.rels').find((r) => r.type === 'chart')!.target;
    expect(chart(parts)).toMatch(/^\/ppt\/charts\/chart\d+\.xml$/);
    expect(chart(again)).not.toBe(chart(parts));
    const name = chart(again).slice(1);
    const book = relsOf(again, name.replace('charts/', 'charts/_rels/') + '.rels').find((r) => r.type === 'package');
    expect(book?.target).toMatch(/\.xlsx$/);
  });
});
