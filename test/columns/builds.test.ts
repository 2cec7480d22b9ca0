/**
 * Builds (`incremental: true`): read back from the .pptx as PowerPoint's "Appear, by paragraph, on click" timing,
 * schema-valid, and read by LibreOffice Impress as one animation per paragraph.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { buildDeck } from '../../src/build.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { convertWithLibreOffice } from '../helpers/pdf.js';
import { NS, parseXml, readPptx, type XmlElement } from '../helpers/pptx.js';
import { attr, descendants, textContent } from '../helpers/xml.js';
import { haveTools } from '../helpers/tools.js';

const deck = (yaml: string, files: Record<string, string>) =>
  makeContent({ d: { yaml: `title: Builds\ndate: "2026-01-02"\n${yaml}`, files } });

const LIST = '# Outlook\n\n- Sanctions enforcement\n  - at sea\n- Naval presence\n- Export controls\n';

/** Every element `p:local` under `el`, in document order. */
const all = (el: XmlElement, local: string, ns: string = NS.p): XmlElement[] => descendants(el, ns, local);
const at = (el: XmlElement, name: string): string | undefined => attr(el, name);

describe('builds', () => {
  it('writes one click per top-level bullet, nested items with their parent, and a by-paragraph build', async () => {
    const c = deck('incremental: true\n', { '01-outlook.md': LIST, '02-code.md': '# Code\n\n```\nx = 1\n```\n' });
    const r = await buildDeck('d', deckOpts(c));
    expect(r.diagnostics).toEqual([]);
    const view = await readPptx(r.pptx!);
    const slide = view.slides.find((s) => s.title === 'Outlook')!;
    const root = parseXml(slide.xml);
    expect(slide.xml).toContain('<p:timing');
    const [timing] = all(root, 'timing');
    expect(timing).toBeDefined();
    // The main sequence holds one click group per top-level bullet.
    const [main] = all(timing, 'cTn').filter((e) => at(e, 'nodeType') === 'mainSeq');
    const effects = all(main, 'cTn').filter((e) => at(e, 'presetClass') === 'entr');
    expect(effects.map((e) => [at(e, 'presetID'), at(e, 'nodeType')])).toEqual([
      ['1', 'clickEffect'],
      ['1', 'withEffect'],
      ['1', 'clickEffect'],
      ['1', 'clickEffect'],
    ]);
    const ranges = all(main, 'pRg').map((e) => [at(e, 'st'), at(e, 'end')]);
    expect(ranges).toEqual([
      ['0', '0'],
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
    ]);
    // They target the body: the shape whose paragraphs are the bullets.
    const spids = new Set(all(main, 'spTgt').map((e) => at(e, 'spid')));
    expect(spids.size).toBe(1);
    const body = all(root, 'sp').find((sp) => at(all(sp, 'cNvPr')[0], 'id') === [...spids][0])!;
    expect(all(body, 't', NS.a).map(textContent)).toEqual([
      'Sanctions enforcement',
      'at sea',
      'Naval presence',
      'Export controls',
    ]);
    expect(all(timing, 'bldP').map((e) => [at(e, 'spid'), at(e, 'build')])).toEqual([[[...spids][0], 'p']]);
    // Code lines are not bullets: no build.
    expect(view.slides.find((s) => s.title === 'Code')!.xml).not.toContain('<p:timing');
    const errors = await validatePptx(r.pptx!);
    expect(errors, formatValidation(errors)).toEqual([]);
  });

  it('follows the section: front matter turns builds on or off over deck.yaml', async () => {
    const on = await buildDeck('d', deckOpts(deck('', { '01-a.md': `---\nincremental: true\n---\n${LIST}` })));
    const off = await buildDeck(
      'd',
      deckOpts(deck('incremental: true\n', { '01-a.md': `---\nincremental: false\n---\n${LIST}` })),
    );
    const none = await buildDeck('d', deckOpts(deck('', { '01-a.md': LIST })));
    const timed = async (bytes: Uint8Array) =>
      (await readPptx(bytes)).slides.filter((s) => s.xml.includes('<p:timing')).map((s) => s.title);
    expect(await timed(on.pptx!)).toEqual(['Outlook']);
    expect(await timed(off.pptx!)).toEqual([]);
    expect(await timed(none.pptx!)).toEqual([]);
  });

  it.skipIf(!haveTools('soffice'))('is read by LibreOffice Impress as one animation per paragraph', async () => {
    const c = deck('incremental: true\n', {
      '01-outlook.md': LIST,
      '02-two.md':
        '# Sides\n\n:::: columns\n::: column\n### A\n- one\n- two\n:::\n::: column\n### B\n- three\n:::\n::::\n',
    });
    const r = await buildDeck('d', deckOpts(c));
    const dir = mkdtempSync(path.join(tmpdir(), 'builds-odp-'));
    const file = path.join(dir, 'builds.pptx');
    writeFileSync(file, r.pptx!);
    const [odp] = convertWithLibreOffice([file], dir, 'odp');
    const content = new TextDecoder().decode(unzipSync(readFileSync(odp))['content.xml']);
    const pages = [...content.matchAll(/<draw:page\b[\s\S]*?<\/draw:page>/g)].map((m) => m[0]);
    // One `anim:set` of visibility per paragraph, each an Appear entrance on its own text paragraph.
    const animations = (page: string) =>
      [
        ...page.matchAll(
          /<anim:par\b[^>]*presentation:preset-id="ooo-entrance-appear"[^>]*>\s*<anim:set\b[^>]*smil:attributeName="visibility"/g,
        ),
      ].length;
    // LibreOffice names each page after its slide's title.
    const page = (title: string) =>
      pages.find((p) => /^<draw:page\b[^>]*>/.exec(p)![0].includes(`draw:name="${title}"`))!;
    // Outlook: four paragraphs; Sides: three bullets over two columns.
    expect(animations(page('Outlook'))).toBe(4);
    expect(animations(page('Sides'))).toBe(3);
    expect(pages.filter((p) => animations(p) > 0)).toHaveLength(2);
  });
});
