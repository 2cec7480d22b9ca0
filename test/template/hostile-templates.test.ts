/**
 * Template files made to mislead the reader (or written badly by some
 * tool): each is refused as `template-corrupt`, or read the way the schema
 * allows, never as an internal error and never with a part from outside the
 * package in the deck. And what a template's styles say about capitals and
 * letter spacing is measured, not ignored.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { layoutsOf } from '../../src/theme/layouts-of.js';
import { runCli } from '../helpers/cli.js';
import { makeContent, REPO_THEMES } from '../helpers/decks.js';
import { readPptx } from '../helpers/pptx.js';
import { realTemplate, TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';
import { readZip } from '../../src/util/zip.js';

const tools = haveTools(...TEMPLATE_TOOLS);

describe.skipIf(!tools)('hostile and odd templates', () => {
  let themes: string;
  let reference: Record<string, Uint8Array>;
  /** pandoc's reference document with some parts edited (a function gets the old text) or added. */
  const variant = (name: string, edits: Record<string, string | ((old: string) => string)>) => {
    const files: Zippable = { ...reference };
    for (const [part, edit] of Object.entries(edits))
      files[part] = strToU8(typeof edit === 'string' ? edit : edit(strFromU8(reference[part])));
    writeFileSync(path.join(themes, `${name}.pptx`), zipSync(files));
    return name;
  };
  const MASTER_RELS = 'ppt/slideMasters/_rels/slideMaster1.xml.rels';
  const addRel = (rel: string) => (old: string) => old.replace('</Relationships>', `${rel}</Relationships>`);

  beforeAll(async () => {
    themes = path.join(mkdtempSync(path.join(tmpdir(), 'hostile-')), 'themes');
    mkdirSync(themes);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
    reference = unzipSync(readFileSync((await realTemplate('pandoc-reference.pptx')).file));
  }, 120_000);

  const refusedAs = async (name: string, says: RegExp) => {
    const r = await loadTheme(themes, name);
    expect(r.theme, name).toBeUndefined();
    expect(
      r.diagnostics.map((d) => d.code),
      name,
    ).toEqual(['template-corrupt']);
    expect(r.diagnostics[0].message, name).toMatch(says);
  };

  it('refuses a zip entry or a relationship that climbs out of the package', async () => {
    const files: Zippable = { ...reference, '../evil.png': strToU8('x') };
    writeFileSync(path.join(themes, 'slip.pptx'), zipSync(files));
    await refusedAs('slip', /part name `\.\.\/evil\.png`/);
    variant('climb', {
      [MASTER_RELS]: addRel(
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../../../evil.png"/>',
      ),
    });
    await refusedAs('climb', /outside the package/);
  });

  it('refuses, before building, what would make the deck need repair: a missing part, a deck part, a part without a type', async () => {
    variant('dangling', {
      [MASTER_RELS]: addRel(
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/gone.png"/>',
      ),
    });
    await refusedAs('dangling', /`ppt\/media\/gone\.png`, which is missing/);
    variant('notes', {
      [MASTER_RELS]: addRel(
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../notesMasters/notesMaster1.xml"/>',
      ),
    });
    await refusedAs('notes', /the deck's own part/);
    variant('untyped', {
      'ppt/media/photo.wdp': 'x',
      [MASTER_RELS]: addRel(
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/photo.wdp"/>',
      ),
    });
    await refusedAs('untyped', /no content type/);
    // And `check --theme` says so too, with exit 1 rather than an internal error.
    const c = makeContent({ brief: { files: { '01-a.md': '# A\n\n- b\n' } } });
    const r = runCli(['check', '--content', c.content, '--themes', themes, '--theme', 'untyped']);
    expect(r.status).toBe(1);
  });

  it('refuses a slide size outside what a slide may be (a master without an id is given one: template-defects)', async () => {
    variant('tiny', { 'ppt/presentation.xml': (x) => x.replace(/<p:sldSz[^>]*\/>/, '<p:sldSz cx="0" cy="0"/>') });
    await refusedAs('tiny', /slide size of 0 × 0 EMU/);
  });

  it('reads percentages written as `90%` (Transitional) instead of writing NaN', async () => {
    variant('percent', {
      'ppt/slideMasters/slideMaster1.xml': (x) =>
        x
          .replace(/<a:lnSpc><a:spcPct val="\d+"\/>/g, '<a:lnSpc><a:spcPct val="90%"/>')
          .replace(/(<p:bodyStyle><a:lvl1pPr[^>]*>)/, '$1<a:lnSpc><a:spcPct val="90%"/></a:lnSpc>'),
    });
    const t = await loadTheme(themes, 'percent');
    const set = layoutsOf(t.theme!);
    expect(set.layouts[set.byNeed.content].slots.content!.levels[0].lineSpacing).toBeCloseTo(0.9, 5);
    const c = makeContent({ brief: { files: { '01-a.md': '# A\n\n- b\n' } } });
    const r = await buildDeck('brief', { contentDir: c.content, themesDir: themes, outDir: c.out, theme: 'percent' });
    const xml = (await readPptx(r.pptx!)).slides.map((s) => s.xml).join('');
    expect(xml).not.toContain('NaN');
    expect(xml).toContain('<a:spcPct val="90000"/>');
  });

  it('measures a title style set in capitals as capitals, and letter spacing as wider text', async () => {
    const title = 'Wide words while whole weeks went west';
    const capsAt = async (name: string, edit: (x: string) => string) => {
      variant(name, { 'ppt/slideMasters/slideMaster1.xml': edit });
      const c = makeContent({
        brief: { yaml: 'title: Brief\ndate: "2026-01-02"\n', files: { '01-a.md': `# ${title} ${title}\n\n- b\n` } },
      });
      const r = await buildDeck('brief', { contentDir: c.content, themesDir: themes, outDir: c.out, theme: name });
      return r.deck!.slides.find((s) => s.baseTitle.startsWith('Wide'))!.titleFrame;
    };
    const plain = await capsAt('plain', (x) => x);
    const caps = await capsAt('capitals', (x) =>
      x.replace(/(<p:titleStyle><a:lvl1pPr[^>]*>[\s\S]*?<a:defRPr) /, '$1 cap="all" '),
    );
    const spaced = await capsAt('spaced', (x) =>
      x.replace(/(<p:titleStyle><a:lvl1pPr[^>]*>[\s\S]*?<a:defRPr) /, '$1 spc="600" '),
    );
    expect(caps.levels[0].caps).toBe(true);
    expect(spaced.levels[0].letterSpacing).toBe(6);
    // Capitals and 6 pt tracking are wider: the title needs a smaller size or more height than the plain one.
    for (const f of [caps, spaced]) expect(f.levels[0].size < plain.levels[0].size || f.box.h > plain.box.h).toBe(true);
  });

  it('keeps connector references when it gives repeated shape ids new ones', async () => {
    const dna = await realTemplate('DNA.potx');
    const themesDna = path.join(path.dirname(themes), 'dna-themes');
    mkdirSync(themesDna, { recursive: true });
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themesDna, 'fonts'), { recursive: true });
    cpSync(dna.file, path.join(themesDna, 'dna.potx'));
    const c = makeContent({ brief: { files: { '01-a.md': '# A\n\n- b\n' } } });
    const r = await buildDeck('brief', { contentDir: c.content, themesDir: themesDna, outDir: c.out, theme: 'dna' });
    const master = (bytes: Uint8Array) =>
      new TextDecoder().decode(readZip(bytes).find((e) => e.name === 'ppt/slideMasters/slideMaster1.xml')!.data);
    const refs = (xml: string) => [...xml.matchAll(/<a:(?:stCxn|endCxn) id="(\d+)"/g)].map((m) => m[1]);
    const before = master(readFileSync(dna.file));
    const after = master(r.pptx!);
    expect(refs(after)).toEqual(refs(before));
    // Each connector still joins the shapes it joined (the same names under the same ids), and no id repeats any more.
    const named = (xml: string) => {
      const m = new Map<string, string>();
      for (const x of xml.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"/g)) if (!m.has(x[1])) m.set(x[1], x[2]);
      return m;
    };
    expect(refs(before).length).toBeGreaterThan(0);
    for (const id of refs(before)) expect(named(after).get(id), `shape ${id}`).toBe(named(before).get(id));
    const ids = [...after.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
