/**
 * The deck read back as PowerPoint reads it: the theme in the theme part,
 * text in the layouts' placeholders, tables on a table style, languages by
 * script, and a package with none of the known repair triggers.
 */
import pptxgen from 'pptxgenjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { deckOpts, makeContent, FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { checkPackage } from '../helpers/package-check.js';
import { pptxgenjsZip } from '../helpers/pptxgenjs-zip.js';
import { parseRels, readPptx, relsPartName, type PptxView } from '../helpers/pptx.js';
import { attr, descendants, firstChild, NS, parseXml } from '../helpers/xml.js';

const CONTENT = ['russia-north-korea-treaty', 'us-policy-response'];

interface Built {
  name: string;
  theme: string;
  r: BuildResult;
  view: PptxView;
}

describe('PowerPoint-native decks', () => {
  const decks: Built[] = [];
  beforeAll(async () => {
    const c = makeContent({ stress: stressDeck });
    for (const theme of ['briefing-light', 'briefing-dark']) {
      for (const slug of CONTENT) {
        const r = await buildDeck(slug, { contentDir: FIXTURE_DECKS, themesDir: REPO_THEMES, outDir: c.out, theme });
        decks.push({ name: `${slug} (${theme})`, theme, r, view: await readPptx(r.pptx!) });
      }
      const r = await buildDeck('stress', { ...deckOpts(c), theme });
      decks.push({ name: `stress (${theme})`, theme, r, view: await readPptx(r.pptx!) });
    }
  }, 60_000);

  it('passes the package-consistency check, in both themes', () => {
    for (const d of decks) expect(checkPackage(d.r.pptx!), d.name).toEqual([]);
  });

  it('validates every part against the schemas, table styles and notes included', async () => {
    for (const d of decks) {
      const problems = await validatePptx(d.r.pptx!);
      expect(problems, `${d.name}\n${formatValidation(problems)}`).toEqual([]);
      expect(d.view.entries).toContain('ppt/tableStyles.xml');
    }
  });

  it('writes the theme’s colours and fonts into the theme part', async () => {
    for (const d of decks) {
      const theme = (await loadTheme(REPO_THEMES, d.theme)).theme!;
      const xml = parseXml(await d.view.part('ppt/theme/theme1.xml'));
      const slot = (name: string) => attr(firstChild(descendants(xml, NS.a, name)[0], NS.a, 'srgbClr')!, 'val');
      const c = theme.colors;
      const dark = d.theme === 'briefing-dark';
      expect([slot('dk1'), slot('lt1')], d.name).toEqual(dark ? [c.background, c.text] : [c.text, c.background]);
      expect([slot('accent1'), slot('accent2'), slot('accent3'), slot('hlink')]).toEqual([
        c.tableHeaderBackground,
        c.accent,
        c.bannerBackground,
        c.link,
      ]);
      expect(attr(firstChild(descendants(xml, NS.a, 'majorFont')[0], NS.a, 'latin')!, 'typeface')).toBe(
        theme.fonts.heading,
      );
      expect(attr(firstChild(descendants(xml, NS.a, 'minorFont')[0], NS.a, 'latin')!, 'typeface')).toBe(
        theme.fonts.body,
      );
      const scripts = descendants(descendants(xml, NS.a, 'minorFont')[0], NS.a, 'font').map((f) => attr(f, 'script'));
      expect(scripts).toEqual(expect.arrayContaining(['Hang', 'Jpan', 'Hans', 'Hant']));
      // The master maps the slide colours onto the scheme: swapped on a dark theme, as PowerPoint's dark themes are.
      const master = await d.view.part('ppt/slideMasters/slideMaster1.xml');
      expect(master).toContain(dark ? '<p:clrMap bg1="dk1" tx1="lt1"' : '<p:clrMap bg1="lt1" tx1="dk1"');
      expect(master).not.toMatch(/srgbClr val="4472C4"|srgbClr val="4F81BD"/); // no Office blue
    }
  });

  it('gives the master its placeholders and the layouts PowerPoint’s names', async () => {
    const d = decks[0];
    const master = parseXml(await d.view.part('ppt/slideMasters/slideMaster1.xml'));
    expect(descendants(master, NS.p, 'ph').map((ph) => attr(ph, 'type'))).toEqual([
      'title',
      'body',
      'dt',
      'ftr',
      'sldNum',
    ]);
    expect(descendants(master, NS.p, 'txStyles')).toHaveLength(1);
    const layouts = await Promise.all(
      d.view.entries
        .filter((e) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(e))
        .sort()
        .map((e) => d.view.part(e)),
    );
    const names = layouts.map((x) => /<p:cSld name="([^"]+)"/.exec(x)![1]);
    expect(names).toEqual(
      expect.arrayContaining([
        'Title Slide',
        'Title and Content',
        'Section Header',
        'Title Only',
        'Two Content',
        'Blank',
        'Quote',
        'Picture with Caption',
      ]),
    );
    for (const x of layouts)
      expect(x, 'every layout keeps the footer placeholders').toMatch(/<p:ph type="ftr" sz="quarter" idx="11"\/>/);
  });

  it('holds every bullet in a body placeholder its layout defines, with normAutofit', async () => {
    let checked = 0;
    for (const d of decks) {
      for (const [i, s] of d.r.deck!.slides.entries()) {
        if ((s.kind !== 'bullets' && s.kind !== 'agenda') || s.body.paragraphs.every((p) => p.bullet === 'none'))
          continue;
        const slide = parseXml(d.view.slides[i].xml);
        const bodies = descendants(slide, NS.p, 'sp').filter(
          (sp) => descendants(sp, NS.a, 'buChar').length + descendants(sp, NS.a, 'buAutoNum').length > 0,
        );
        expect(bodies.length, `${d.name} slide ${i + 1}`).toBeGreaterThan(0);
        const layout = await d.view.part(d.view.slides[i].layoutFile);
        for (const sp of bodies) {
          const ph = descendants(sp, NS.p, 'ph')[0];
          expect(ph, `${d.name} slide ${i + 1}: bullets outside a placeholder`).toBeDefined();
          const idx = attr(ph, 'idx');
          expect(layout, `${d.name} slide ${i + 1}: layout lacks placeholder idx ${idx}`).toMatch(
            new RegExp(`<p:ph (?:[^>]* )?idx="${idx}"`),
          );
          expect(descendants(sp, NS.a, 'normAutofit'), `${d.name} slide ${i + 1}`).toHaveLength(1);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('puts every title in the layout’s title placeholder, first in reading order', () => {
    for (const d of decks) {
      for (const s of d.view.slides) {
        const shapes = descendants(parseXml(s.xml), NS.p, 'cNvPr').slice(1);
        expect(s.title, d.name).not.toBeNull();
        expect(
          shapes[0] && attr(shapes[0], 'name'),
          `${d.name}: slide ${s.index + 1} does not start with its title`,
        ).toBe('Title');
      }
    }
  });

  it('marks every table’s header row and gives it the deck’s table style', async () => {
    let tables = 0;
    for (const d of decks) {
      const styles = await d.view.part('ppt/tableStyles.xml');
      for (const s of d.view.slides) {
        for (const tblPr of descendants(parseXml(s.xml), NS.a, 'tblPr')) {
          expect([attr(tblPr, 'firstRow'), attr(tblPr, 'bandRow')]).toEqual(['1', '1']);
          const id = firstChild(tblPr, NS.a, 'tableStyleId');
          expect(id, d.name).toBeDefined();
          expect(styles).toContain(`<a:tblStyle styleId="${id!.children[0]}"`);
          tables++;
        }
        // Cells carry no direct fill or border: the style draws them, also on rows a briefer adds.
        expect(s.xml).not.toMatch(/<a:tcPr[^>]*>(?:(?!<\/a:tcPr>).)*<a:(?:solidFill|lnL)/s);
      }
    }
    expect(tables).toBeGreaterThan(8);
  });

  it('tags Hangul, Cyrillic and CJK runs with their languages, and altLang only beside East Asian text', () => {
    const xml = decks
      .find((d) => d.name === 'stress (briefing-light)')!
      .view.slides.map((s) => s.xml)
      .join('');
    const run = (t: string) =>
      new RegExp(`<a:rPr lang="([^"]+)"(?: altLang="([^"]+)")?[^>]*>(?:(?!</a:r>).)*<a:t>${t}`, 's')
        .exec(xml)
        ?.slice(1, 3);
    expect(run('한국어 문장이')).toEqual(['ko-KR', 'en-US']);
    expect(run('Русский текст')).toEqual(['ru-RU', undefined]);
    expect(run('Hangul\\)')).toEqual(['en-US', undefined]);
    expect(run('中文摘要')).toEqual(['zh-CN', 'en-US']);
    expect(run('日本語のテキスト')).toEqual(['ja-JP', 'en-US']);
    expect(xml).not.toMatch(/lang="(?:en-US|ru-RU)" altLang=/);
  });

  it('takes the default language from deck.yaml', async () => {
    const c = makeContent({
      de: { yaml: 'title: Lage\nlanguage: de-DE\n', files: { '01-a.md': '# Lage\n\n- Der Bericht, 한국어 dazu.\n' } },
    });
    const view = await readPptx((await buildDeck('de', deckOpts(c))).pptx!);
    const xml = view.slides.map((s) => s.xml).join('');
    expect(xml).toMatch(/<a:rPr lang="de-DE"[^>]*>(?:(?!<\/a:r>).)*<a:t>Der Bericht, /s);
    expect(xml).toMatch(/<a:rPr lang="ko-KR" altLang="de-DE"/);
  });
});

describe('SVG pictures', () => {
  it('embed the SVG as vector beside a real PNG fallback, as PowerPoint 2016+ writes them', async () => {
    const chart =
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#0B3D91"/><circle cx="200" cy="100" r="80" fill="#C8102E"/></svg>';
    const outside =
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><image href="photo.png" width="400" height="200"/><rect width="40" height="20"/></svg>';
    const md = (title: string, src: string) => `# ${title}\n\n![A chart](${src})\n`;
    const c = makeContent({
      svg: {
        files: {
          '01-a.md': md('Vector', 'chart.svg'),
          '02-b.md': md('Outside', 'outside.svg'),
          'chart.svg': chart,
          'outside.svg': outside,
        },
      },
    });
    const r = await buildDeck('svg', deckOpts(c));
    expect(checkPackage(r.pptx!)).toEqual([]);
    expect(formatValidation(await validatePptx(r.pptx!))).toBe('');
    const view = await readPptx(r.pptx!);
    const [vector, raster] = ['Vector', 'Outside'].map((t) => view.slides.find((s) => s.title === t)!);
    const blip = firstChild(descendants(parseXml(vector.xml), NS.p, 'blipFill')[0], NS.a, 'blip')!;
    const svgBlip = descendants(blip, 'http://schemas.microsoft.com/office/drawing/2016/SVG/main', 'svgBlip');
    expect(svgBlip).toHaveLength(1);
    const byId = new Map(
      parseRels(await view.part(relsPartName(vector.file)), vector.file).map((x) => [x.id, x.target]),
    );
    const main = byId.get(attr(blip, 'embed', NS.r)!)!;
    const svg = byId.get(attr(svgBlip[0], 'embed', NS.r)!)!;
    // The main blip is what LibreOffice, Keynote and older PowerPoint draw: a PNG, not SVG bytes under a .png name.
    expect([...(await view.partBytes(main)).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(Buffer.from(await view.partBytes(svg)).toString()).toBe(chart);
    expect(vector.images.map((i) => i.contentType).sort()).toEqual(['image/png', 'image/svg+xml']);
    // An SVG that refers outside itself would draw differently in the two readers: PNG only.
    expect(raster.xml).not.toContain('svgBlip');
    expect(raster.images.map((i) => i.contentType)).toEqual(['image/png']);
  });
});

describe('package-consistency check', () => {
  it('finds pptxgenjs’s own repair triggers in its raw output (so it can fail)', async () => {
    const p = new pptxgen();
    const s = p.addSlide();
    s.addText('one', { x: 1, y: 1, w: 3, h: 1 });
    s.addTable([[{ text: 'a' }]], { x: 1, y: 3, w: 3 });
    p.addSlide().addText('two', { x: 1, y: 1, w: 3, h: 1 });
    s.addImage({
      data: 'image/jpg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z',
      x: 5,
      y: 1,
      w: 1,
      h: 1,
    });
    const raw = await pptxgenjsZip(p);
    const problems = checkPackage(raw).join('\n');
    expect(problems).toMatch(/folder entry/);
    expect(problems).toMatch(/Override for missing part `ppt\/slideMasters\/slideMaster2\.xml`/);
    expect(problems).toMatch(/unregistered type `image\/jpg`/);
    expect(problems).toMatch(/shape id 2 used 2 times/);
    expect(problems).toMatch(/empty `<a:ln>`/);
    expect(problems).toMatch(/notesMasterIdLst after sldIdLst/);
    expect(problems).toMatch(/shares `theme1.xml`/);
  });
});
