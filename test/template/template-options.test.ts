/**
 * What an author and communications staff can say about a template: a
 * section's `layout:` picks a layout by name; the sidecar gives banner
 * colours, minimum sizes and the master to use; the template, its sidecar
 * and the fonts folder are inputs of incremental builds.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/build.js';
import { buildDecks } from '../../src/build-all.js';
import { layoutsOf } from '../../src/theme/layouts-of.js';
import { makeContent, REPO_THEMES } from '../helpers/decks.js';
import { readPptx } from '../helpers/pptx.js';
import { installTemplate, realTemplate, TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';

const tools = haveTools(...TEMPLATE_TOOLS);

describe.skipIf(!tools)('template options', () => {
  let themes: string;
  beforeAll(async () => {
    themes = path.join(mkdtempSync(path.join(tmpdir(), 'template-options-')), 'themes');
    mkdirSync(themes);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
    installTemplate(await realTemplate('pandoc-reference.pptx'), themes, 'office');
    installTemplate(await realTemplate('Focus.pptx'), themes, 'focus');
  }, 120_000);

  const deck = (
    files: Record<string, string>,
    yaml = 'title: Weekly brief\ndate: "2026-11-20"\nclassification: SECRET\n',
  ) => makeContent({ brief: { yaml, files } });

  it('puts a section on the layout its front matter names, by the template’s name for it', async () => {
    const c = deck({ '01-a.md': '---\nlayout: two content\n---\n# Options\n\n- First option.\n- Second option.\n' });
    const r = await buildDeck('brief', { contentDir: c.content, themesDir: themes, outDir: c.out, theme: 'office' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const view = await readPptx(r.pptx!);
    expect(view.slides.find((s) => s.title === 'Options')!.layoutName).toBe('Two Content');
  });

  it('refuses a layout name the template does not have, at the key, listing its names', async () => {
    const c = deck({ '01-a.md': '---\nlayout: Big Picture\n---\n# Options\n\n- First option.\n' });
    const r = await checkDeck('brief', { contentDir: c.content, themesDir: themes, outDir: c.out, theme: 'office' });
    const d = r.diagnostics.find((x) => x.code === 'unknown-layout')!;
    expect(d.severity).toBe('error');
    expect(d.position).toMatchObject({ line: 2, column: 9 });
    expect(path.basename(d.position.file)).toBe('01-a.md');
    expect(d.message).toContain('`Title and Content`');
    expect(d.message).toContain('`Section Header`');
  });

  it('keeps a slide off a named layout that lacks what it needs, with a warning', async () => {
    const c = deck({ '01-a.md': '---\nlayout: Title Only\n---\n# Options\n\n- First option.\n' });
    const r = await buildDeck('brief', { contentDir: c.content, themesDir: themes, outDir: c.out, theme: 'office' });
    expect(r.diagnostics.filter((d) => d.code === 'layout-unsuitable').map((d) => d.severity)).toEqual(['warning']);
    expect((await readPptx(r.pptx!)).slides.find((s) => s.title === 'Options')!.layoutName).toBe('Title and Content');
  });

  it('takes banner colours, minimum sizes and the master from the sidecar', async () => {
    writeFileSync(
      path.join(themes, 'focus.yaml'),
      'banner:\n  background: "#7A0019"\n  text: "#FFFFFF"\nsizes:\n  bodyMin: 13\nmaster: 4\n',
    );
    const c = deck({ '01-a.md': '# Options\n\n- First option.\n' });
    const r = await buildDeck('brief', { contentDir: c.content, themesDir: themes, outDir: c.out, theme: 'focus' });
    expect(r.theme!.sizes.bodyMin).toBe(13);
    const set = layoutsOf(r.theme!);
    // Focus has four masters of twelve layouts each: master 4's "Title, Content" is the 39th layout part.
    expect(set.layouts[set.byNeed.content].file).toBe('slideLayout39.xml');
    const view = await readPptx(r.pptx!);
    const slide = view.slides.find((s) => s.title === 'Options')!;
    expect(slide.layoutFile).toBe('ppt/slideLayouts/slideLayout39.xml');
    expect(slide.xml).toMatch(/<a:srgbClr val="7A0019"\/>[\s\S]*SECRET/);
  });

  it('rebuilds when the template, its sidecar or the fonts folder change, and only then', async () => {
    const c = deck({ '01-a.md': '# Options\n\n- First option.\n' });
    const opts = { contentDir: c.content, themesDir: themes, outDir: c.out, theme: 'office' };
    const built = async () => (await buildDecks(['brief'], opts))[0].skipped ?? false;
    expect(await built()).toBe(false);
    expect(await built()).toBe(true);
    writeFileSync(path.join(themes, 'office.yaml'), 'banner:\n  background: "#003366"\n');
    expect(await built()).toBe(false);
    expect(await built()).toBe(true);
    cpSync(path.join(themes, 'fonts', 'Carlito-Regular.ttf'), path.join(themes, 'fonts', 'Extra-Regular.ttf'));
    expect(await built()).toBe(false);
    installTemplate(await realTemplate('DNA.potx'), themes, 'office');
    // Both office.pptx and office.potx now: the .potx wins, and it is a different file.
    expect(await built()).toBe(false);
  });
});
