/**
 * Self-test of the test helpers: readPptx reads a pptxgenjs deck back in
 * presentation order, and validatePptx can both fail (raw pptxgenjs 4.0.1
 * output has the two defects documented in test/ooxml-schemas/README.md) and
 * pass (after a minimal local fix applied here, only to prove the validator
 * passes valid input; the production post-pass lives in src/render/).
 */
import { describe, expect, it } from 'vitest';
import { editZip, readZip } from '../../src/util/zip.js';
import pptxgen from 'pptxgenjs';
import { decodeXmlText, parseXml, readPptx } from '../helpers/pptx.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { pptxgenjsZip } from '../helpers/pptxgenjs-zip.js';

// 1×1 transparent PNG.
const PNG_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

async function buildDeck(): Promise<Uint8Array> {
  const p = new pptxgen();
  p.layout = 'LAYOUT_WIDE';
  p.defineSlideMaster({
    title: 'Content',
    objects: [{ placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.3, w: 12, h: 1 }, text: '' } }],
  });
  p.addSection({ title: 'Intro & overview' });
  p.addSection({ title: 'Details' });

  const s1 = p.addSlide({ masterName: 'Content', sectionTitle: 'Intro & overview' });
  s1.addText('First & <foremost>', { placeholder: 'title' });
  s1.addText([{ text: 'Bold lead. ', options: { bold: true } }, { text: 'Plain "rest" it\'s' }], {
    x: 0.5,
    y: 1.5,
    w: 12,
    h: 1,
  });
  s1.addNotes('Say hello & <wave>');

  const s2 = p.addSlide({ masterName: 'Content', sectionTitle: 'Details' });
  s2.addText('Second', { placeholder: 'title' });
  s2.addTable(
    [
      [{ text: 'Metric' }, { text: 'Value' }],
      [{ text: 'A & B' }, { text: 'line 1\nline 2' }],
    ],
    { x: 0.5, y: 1.5, w: 8 },
  );
  s2.addText('After the table', { x: 0.5, y: 4, w: 8, h: 0.5 });
  s2.addNotes('Second notes');

  const s3 = p.addSlide({ masterName: 'Content', sectionTitle: 'Details' });
  s3.addText('Third', { placeholder: 'title' });
  s3.addImage({ data: `image/png;base64,${PNG_B64}`, x: 1, y: 2, w: 1, h: 1 });
  // no notes on slide 3

  return Buffer.from(await pptxgenjsZip(p));
}

/** A deck of `n` slides with notes, for timing validatePptx. */
async function buildBigDeck(n: number): Promise<Uint8Array> {
  const p = new pptxgen();
  p.layout = 'LAYOUT_WIDE';
  for (let i = 0; i < n; i++) {
    const s = p.addSlide();
    s.addText(`Slide ${i + 1}`, { x: 0.5, y: 0.3, w: 12, h: 1, fontSize: 32 });
    s.addText(
      [
        { text: 'one', options: { bullet: true } },
        { text: 'two', options: { bullet: true } },
      ],
      { x: 0.5, y: 1.5, w: 12, h: 2 },
    );
    s.addNotes(`notes ${i + 1}`);
  }
  return Buffer.from(await pptxgenjsZip(p));
}

/**
 * Test-only fix of the two known pptxgenjs defects, mirroring the schema
 * README: keep only the first <a:pPr> of each <a:p>; move
 * <p:notesMasterIdLst> to right after </p:sldMasterIdLst>.
 */
async function fixKnownDefects(buf: Uint8Array): Promise<Uint8Array> {
  const edits: Record<string, (xml: string | undefined) => string> = {};
  for (const { name } of readZip(buf).filter((e) => /^ppt\/slides\/[^/]+\.xml$/.test(e.name))) {
    edits[name] = (xml) =>
      xml!.replace(/<a:p>[\s\S]*?<\/a:p>/g, (para) => {
        let seen = false;
        return para.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr) => (seen ? '' : ((seen = true), pPr)));
      });
  }
  edits['ppt/presentation.xml'] = (presXml) => {
    const lst = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(presXml!)?.[0];
    return lst ? presXml!.replace(lst, '').replace('</p:sldMasterIdLst>', `</p:sldMasterIdLst>${lst}`) : presXml!;
  };
  return editZip(buf, edits);
}

describe('decodeXmlText / parseXml', () => {
  it('decodes the predefined entities and character references', () => {
    expect(decodeXmlText('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42;&#x1F600;')).toBe(
      'a & b <c> "d" \'e\' AB😀',
    );
  });
  it('rejects a bare ampersand, unknown entities and disallowed characters', () => {
    expect(() => decodeXmlText('A & B')).toThrow(/bare "&"/);
    expect(() => decodeXmlText('&nbsp;')).toThrow(/undefined entity/);
    expect(() => decodeXmlText('&#0;')).toThrow(/not an allowed XML character/);
  });
  it('rejects malformed XML with the part name and line', () => {
    expect(() => parseXml('<a>\n<b name="x & y"/></a>', 'ppt/slides/slide9.xml')).toThrow(
      /ppt\/slides\/slide9\.xml: line 2: bare "&"/,
    );
    expect(() => parseXml('<a><b></a></b>')).toThrow(/does not match/);
    expect(() => parseXml('<x:a/>')).toThrow(/unbound namespace prefix/);
    expect(() => parseXml('<a>bell\u0007</a>')).toThrow(/U\+0007 is not allowed/);
  });
  it('resolves namespaces independently of prefixes, and reads CDATA and attribute whitespace', () => {
    const el = parseXml('<q:r xmlns:q="urn:x" k="a\tb&#10;c"><![CDATA[<&>]]></q:r>');
    expect(el).toMatchObject({ local: 'r', ns: 'urn:x', children: ['<&>'] });
    expect(el.attrs[0].value).toBe('a b\nc');
  });
});

describe('readPptx', () => {
  it('reads titles, texts, tables, notes, layouts, images and sections in presentation order', async () => {
    const deck = await readPptx(await buildDeck());
    expect(deck.slides.map((s) => s.title)).toEqual(['First & <foremost>', 'Second', 'Third']);
    expect(deck.slides.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(deck.slides.map((s) => s.layoutName)).toEqual(['Content', 'Content', 'Content']);

    const [s1, s2, s3] = deck.slides;
    expect(s1.texts).toEqual(['First & <foremost>', 'Bold lead. Plain "rest" it\'s']);
    expect(s1.tables).toEqual([]);
    expect(s1.notes).toBe('Say hello & <wave>');

    expect(s2.tables).toEqual([
      [
        ['Metric', 'Value'],
        ['A & B', 'line 1\nline 2'],
      ],
    ]);
    expect(s2.texts).toEqual(['Second', 'After the table']); // table text excluded
    expect(s2.notes).toBe('Second notes');

    // pptxgenjs writes a notes slide for every slide; without addNotes its body is empty.
    expect(s3.notesFile).not.toBeNull();
    expect(s3.notes).toBe('');
    expect(s3.images).toHaveLength(1);
    expect(s3.images[0].contentType).toBe('image/png');
    expect([...s3.images[0].bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    expect(deck.sections).toEqual([
      { name: 'Intro & overview', slideIndexes: [0] },
      { name: 'Details', slideIndexes: [1, 2] },
    ]);
    expect(deck.entries).toContain('ppt/presentation.xml');
    expect(await deck.part('/ppt/slides/slide1.xml')).toBe(s1.xml);
    await expect(deck.part('ppt/nope.xml')).rejects.toThrow(/not found/);
  });

  it('follows p:sldIdLst, not file names', async () => {
    const built = await buildDeck();
    let changed = false;
    // Reverse the slide order in the list only; slide files keep their names.
    const reordered = editZip(built, {
      'ppt/presentation.xml': (pres) => {
        const out = pres!.replace(/<p:sldIdLst>([\s\S]*?)<\/p:sldIdLst>/, (_m, inner: string) => {
          const ids = inner.match(/<p:sldId\b[^>]*\/>/g) ?? [];
          return `<p:sldIdLst>${ids.reverse().join('')}</p:sldIdLst>`;
        });
        changed = out !== pres;
        return out;
      },
    });
    expect(changed).toBe(true);
    const deck = await readPptx(reordered);
    expect(deck.slides.map((s) => s.title)).toEqual(['Third', 'Second', 'First & <foremost>']);
    expect(deck.slides.map((s) => s.file)).toEqual([
      'ppt/slides/slide3.xml',
      'ppt/slides/slide2.xml',
      'ppt/slides/slide1.xml',
    ]);
    expect(deck.sections).toEqual([
      { name: 'Intro & overview', slideIndexes: [2] },
      { name: 'Details', slideIndexes: [1, 0] },
    ]);
  });
});

describe('validatePptx', () => {
  it('reports the two known pptxgenjs defects on raw output (so it can fail)', async () => {
    const results = await validatePptx(await buildDeck());
    const byPart = Object.fromEntries(results.map((r) => [r.part, r.errors]));
    expect(Object.keys(byPart), formatValidation(results)).toEqual(['ppt/presentation.xml', 'ppt/slides/slide1.xml']);
    expect(byPart['ppt/slides/slide1.xml']).toEqual([
      expect.stringMatching(/Element 'a:pPr': This element is not expected/),
    ]);
    expect(byPart['ppt/presentation.xml']).toEqual([
      expect.stringMatching(/Element 'p:notesMasterIdLst': This element is not expected/),
    ]);
  }, 30_000);

  it('passes once those two defects are fixed (so it can pass)', async () => {
    const results = await validatePptx(await fixKnownDefects(await buildDeck()));
    expect(results, formatValidation(results)).toEqual([]);
  }, 30_000);

  it('reports malformed XML in a validated part and in other parts', async () => {
    const broken = editZip(await fixKnownDefects(await buildDeck()), {
      'ppt/slides/slide2.xml': (slide) => slide!.replace('>Second<', '>Sec & ond<'),
      'ppt/_rels/presentation.xml.rels': (rels) => rels!.replace('Target="slides/slide1.xml"', 'Target="a&b"'),
    });
    const results = await validatePptx(broken);
    expect(results.map((r) => r.part)).toEqual(['ppt/_rels/presentation.xml.rels', 'ppt/slides/slide2.xml']);
    expect(results[0].errors[0]).toMatch(/not well-formed: .*bare "&"/);
    expect(results[1].errors[0]).toMatch(/parser error/);
  }, 30_000);

  it('validates a ~60-part deck', async () => {
    const buf = await fixKnownDefects(await buildBigDeck(27));
    const n = readZip(buf).filter((e) =>
      /^ppt\/(?:slides|slideLayouts|slideMasters|notesSlides|notesMasters|theme)\/[^/]+\.xml$|^ppt\/presentation\.xml$/.test(
        e.name,
      ),
    ).length;
    const results = await validatePptx(buf);
    expect(results, formatValidation(results)).toEqual([]);
    expect(n).toBeGreaterThanOrEqual(55);
  }, 30_000);
});
