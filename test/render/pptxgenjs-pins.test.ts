import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import PartCollector from '../../src/render/package/part-collector.js';
import { FRAME_MARK } from '../../src/render/frame-to-text.js';

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
