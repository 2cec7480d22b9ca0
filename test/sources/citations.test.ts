import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import CSL from 'citeproc';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/build.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { readPptx } from '../helpers/pptx.js';
import { ROOT } from '../helpers/cli.js';

const BIB = `@string{fa = "Foreign Affairs"}

@article{smith2020,
  author = {Smith, Jane and Doe, John},
  title = {On {NATO} Enlargement},
  journal = fa,
  year = {2020},
  volume = {99},
  number = {3},
  pages = {12--30},
}

@book{doe2019,
  author = {Doe, John},
  title = {Deterrence in the Baltic},
  publisher = {Polity},
  address = {Cambridge},
  year = 2019,
}

@techreport{iiss2024,
  author = {{International Institute for Strategic Studies}},
  title = {The Military Balance 2024},
  institution = {IISS},
  address = {London},
  year = {2024},
  url = {https://www.iiss.org/publications/the-military-balance/},
}
`;

const SECTION = `# Deterrence

As @doe2019 argues, forward presence matters:

- Enlargement changed the calculus [@smith2020, p. 12].
- Force levels are set out in two sources [@iiss2024; see @doe2019, chap. 3].
- An unrelated address, desk@example.org, stays as it is.
`;

/** What citeproc-js itself gives for these entries, with the style and locale briefdeck ships. */
function reference() {
  const items = plugins.input.chain(BIB, { target: '@csl/list+object', generateGraph: false });
  const byId = new Map(items.map((i) => [i.id as string, i]));
  const style = readFileSync(path.join(ROOT, 'csl/styles/chicago-author-date.csl'), 'utf8');
  const locale = readFileSync(path.join(ROOT, 'csl/locales/locales-en-US.xml'), 'utf8');
  const engine = new CSL.Engine(
    { retrieveLocale: () => locale, retrieveItem: (id) => byId.get(id)! },
    style,
    'en-US',
    true,
  );
  engine.updateItems(['doe2019', 'smith2020', 'iiss2024']);
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#38;/g, '&')
      .trim();
  const bib = engine.makeBibliography();
  return {
    items,
    cite: (c: Parameters<typeof engine.makeCitationCluster>[0]) => text(engine.makeCitationCluster(c)),
    bibliography: bib ? bib[1].map(text) : [],
  };
}

describe('citations from a bibliography', () => {
  it('formats citations and the reference list as citeproc-js does, in Chicago author-date', async () => {
    const c = makeContent({
      d: { yaml: 'title: d\nbibliography: sources.bib\n', files: { 'sources.bib': BIB, '01-a.md': SECTION } },
    });
    const r = await buildDeck('d', deckOpts(c));
    expect(r.diagnostics).toEqual([]);
    const view = await readPptx(readFileSync(r.file!));
    const slide = view.slides.find((s) => s.title === 'Deterrence')!;
    const ref = reference();
    const author = ref.cite([{ id: 'doe2019', 'author-only': true }]);
    const inText = `${author} ${ref.cite([{ id: 'doe2019', 'suppress-author': true }])}`;
    expect(inText).toBe('Doe (2019)');
    expect(slide.texts).toContain(`As ${inText} argues, forward presence matters:`);
    const one = ref.cite([{ id: 'smith2020', locator: '12', label: 'page' }]);
    expect(one).toBe('(Smith and Doe 2020, 12)');
    expect(slide.texts).toContain(`Enlargement changed the calculus ${one}.`);
    const two = ref.cite([{ id: 'iiss2024' }, { id: 'doe2019', prefix: 'see ', locator: '3', label: 'chapter' }]);
    expect(slide.texts).toContain(`Force levels are set out in two sources ${two}.`);
    expect(slide.texts).toContain('An unrelated address, desk@example.org, stays as it is.');
    const sources = view.slides.find((s) => s.title === 'Sources')!;
    expect(ref.bibliography).toHaveLength(3);
    for (const entry of ref.bibliography) expect(sources.texts).toContain(entry);
    // The style's order (author-date: by author), under its heading, before the links.
    const at = (t: string) => sources.texts.indexOf(t);
    expect(at('References')).toBe(1); // after the title
    expect(ref.bibliography.map(at)).toEqual([2, 3, 4]);
    // A title the style sets in italics is an italic run.
    expect(sources.xml).toMatch(/<a:rPr[^>]* i="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>Deterrence in the Baltic<\/a:t>/s);
  });

  it('gives the same slides from BibTeX and from CSL JSON with the same entries', async () => {
    const json = JSON.stringify(reference().items, null, 2);
    const c = makeContent({
      bib: { yaml: 'title: x\nbibliography: sources.bib\n', files: { 'sources.bib': BIB, '01-a.md': SECTION } },
      json: { yaml: 'title: x\nbibliography: refs.json\n', files: { 'refs.json': json, '01-a.md': SECTION } },
    });
    const a = await readPptx(readFileSync((await buildDeck('bib', deckOpts(c))).file!));
    const b = await readPptx(readFileSync((await buildDeck('json', deckOpts(c))).file!));
    expect(b.slides.map((s) => s.texts)).toEqual(a.slides.map((s) => s.texts));
    expect(b.slides.map((s) => s.xml)).toEqual(a.slides.map((s) => s.xml));
  });

  it('reports an unknown key at the citation, naming the nearest known key', async () => {
    const c = makeContent({
      d: {
        yaml: 'title: d\nbibliography: sources.bib\n',
        files: { 'sources.bib': BIB, '01-a.md': '# A\n\n- A claim [@smith2002, p. 4].\n' },
      },
    });
    const r = await checkDeck('d', deckOpts(c));
    const e = r.diagnostics.find((d) => d.code === 'citation-unknown-key')!;
    expect(e.severity).toBe('error');
    expect(e.position).toMatchObject({ line: 3, column: 11 });
    expect(e.position.file).toMatch(/01-a\.md$/);
    expect(e.message).toContain('`smith2002`');
    expect(e.message).toContain('did you mean `smith2020`');
    expect(r.deck).toBeUndefined();
  });

  it('reports a malformed BibTeX entry at its line, and a malformed CSL JSON item at its line', async () => {
    const broken = BIB.replace('title = {Deterrence in the Baltic},', 'title = {Deterrence in the Baltic,');
    const json = JSON.stringify(reference().items, null, 2).replace('"type": "book"', '"kind": "book"');
    const c = makeContent({
      bib: { yaml: 'title: x\nbibliography: sources.bib\n', files: { 'sources.bib': broken, '01-a.md': SECTION } },
      json: { yaml: 'title: x\nbibliography: refs.json\n', files: { 'refs.json': json, '01-a.md': SECTION } },
    });
    const bib = await checkDeck('bib', deckOpts(c));
    const e = bib.diagnostics.find((d) => d.code === 'bibtex-malformed')!;
    expect(e.position).toMatchObject({ line: 13, column: 1 });
    expect(e.position.file).toMatch(/sources\.bib$/);
    expect(e.message).toContain('@book{doe2019');
    const js = await checkDeck('json', deckOpts(c));
    const j = js.diagnostics.find((d) => d.code === 'csl-json-malformed')!;
    const line = json.split('\n').findIndex((l) => l.includes('"kind": "book"'));
    expect(j.position.line).toBeLessThan(line + 1);
    expect(json.split('\n')[j.position.line - 1].trim()).toBe('{');
    expect(bib.deck).toBeUndefined();
    expect(js.deck).toBeUndefined();
  });

  it('refuses a bibliography outside the deck folder, at its deck.yaml line', async () => {
    const c = makeContent({
      d: { yaml: 'title: d\ndate: "2026-01-02"\nbibliography: ../outside.bib\n', files: { '01-a.md': SECTION } },
    });
    writeFileSync(path.join(c.content, 'outside.bib'), BIB);
    const r = await checkDeck('d', deckOpts(c));
    const e = r.diagnostics.find((d) => d.code.startsWith('bibliography-'))!;
    expect(e.severity).toBe('error');
    expect(e.position).toMatchObject({ line: 3, column: 15 });
    expect(e.position.file).toMatch(/deck\.yaml$/);
    expect(r.deck).toBeUndefined();
  });
});

describe('citation styles and locales', () => {
  const NUMERIC = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Numeric test</title><id>numeric-test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout></citation>
  <bibliography>
    <layout><text variable="citation-number" suffix=". "/><names variable="author"/><text variable="title" prefix=", "/></layout>
  </bibliography>
</style>
`;

  it('uses the style `csl:` names: numbers in citation order, the list in the style’s order', async () => {
    const c = makeContent({
      d: {
        yaml: 'title: d\nbibliography: sources.bib\ncsl: numeric.csl\n',
        files: { 'sources.bib': BIB, 'numeric.csl': NUMERIC, '01-a.md': SECTION },
      },
    });
    const r = await buildDeck('d', deckOpts(c));
    const view = await readPptx(readFileSync(r.file!));
    const slide = view.slides.find((s) => s.title === 'Deterrence')!;
    expect(slide.texts).toContain('Enlargement changed the calculus [2].');
    expect(slide.texts).toContain('Force levels are set out in two sources [3, see 1].');
    const sources = view.slides.find((s) => s.title === 'Sources')!;
    expect(sources.texts.slice(2, 5)).toEqual([
      '1. John Doe, Deterrence in the Baltic',
      '2. Jane Smith, John Doe, On NATO Enlargement',
      '3. International Institute for Strategic Studies, The Military Balance 2024',
    ]);
  });

  it('takes the locale from `language:`, and reports a style citeproc-js cannot use at `csl:`', async () => {
    const c = makeContent({
      de: {
        yaml: 'title: d\nlanguage: de-DE\nbibliography: sources.bib\n',
        files: { 'sources.bib': BIB, '01-a.md': SECTION },
      },
      bad: {
        yaml: 'title: d\nbibliography: sources.bib\ncsl: broken.csl\n',
        files: { 'sources.bib': BIB, 'broken.csl': '<style>not csl</style>', '01-a.md': SECTION },
      },
    });
    const de = await checkDeck('de', deckOpts(c));
    const slide = de.deck!.slides.find((s) => s.title === 'Deterrence')!;
    const text = slide.kind === 'bullets' ? slide.body.paragraphs.map((p) => p.runs.map((r) => r.text).join('')) : [];
    expect(text).toContain('Enlargement changed the calculus (Smith und Doe 2020, 12).');
    const bad = await checkDeck('bad', deckOpts(c));
    const e = bad.diagnostics.find((d) => d.code === 'csl-style-invalid')!;
    expect(e.position).toMatchObject({ line: 3, column: 6 });
    expect(bad.deck).toBeUndefined();
  });
});
