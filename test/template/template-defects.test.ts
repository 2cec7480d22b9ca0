/**
 * Issue 19: what real organisation templates do, each edited into a real
 * PowerPoint-saved template (pandoc's reference.pptx) in test setup, and
 * what a deck built on it must still be: built, every word on the slide,
 * slides with room, text never dropped.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import type { Deck } from '../../src/model/deck.js';
import { layoutsOf } from '../../src/theme/layouts-of.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { crampedBody } from '../../src/template/body-room.js';
import type { TemplateLayout } from '../../src/template/template-layouts.js';
import { contrastRatio } from '../../src/util/contrast.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { runCli } from '../helpers/cli.js';
import { makeContent, REPO_THEMES } from '../helpers/decks.js';
import { writeDefectTemplates } from '../helpers/defect-templates.js';
import { readPptx } from '../helpers/pptx.js';
import { TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';

const tools = haveTools(...TEMPLATE_TOOLS);

const eightSections = Object.fromEntries(
  Array.from({ length: 8 }, (_, i) => [`0${i + 1}-s.md`, `# Section ${i + 1}\n\n- Point ${i + 1}.\n`]),
);

describe.skipIf(!tools)('organisation templates with real-world features', () => {
  let themes: string;
  let content: ReturnType<typeof makeContent>;
  const built = new Map<string, BuildResult>();
  const build = async (theme: string, slug = 'brief') => {
    const key = `${theme}/${slug}`;
    if (!built.has(key))
      built.set(
        key,
        await buildDeck(slug, {
          contentDir: content.content,
          themesDir: themes,
          outDir: path.join(content.root, 'out', theme),
          theme,
        }),
      );
    return built.get(key)!;
  };
  /** Every text frame's box on every slide. */
  const boxes = (deck: Deck) =>
    deck.slides.flatMap((s) =>
      Object.entries(s)
        .filter(([, v]) => v && typeof v === 'object' && 'box' in v && 'paragraphs' in v)
        .map(([k, v]) => ({
          slide: s.title,
          what: k,
          box: (v as { box: { x: number; y: number; w: number; h: number } }).box,
        })),
    );

  beforeAll(async () => {
    themes = path.join(mkdtempSync(path.join(tmpdir(), 'defects-')), 'themes');
    mkdirSync(themes);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
    cpSync(path.join(REPO_THEMES, 'briefing-light.yaml'), path.join(themes, 'briefing-light.yaml'));
    await writeDefectTemplates(themes);
    content = makeContent({
      brief: {
        yaml: 'title: Regional outlook\nsubtitle: What changed since May\nauthor: A. Analyst\norganization: Policy Unit\ndate: "2026-03-04"\n',
        files: eightSections,
      },
      stress: stressDeck,
    });
  }, 120_000);

  it('builds on Calibri Light and Aptos with stand-ins, warning once for each face', async () => {
    const r = await build('fonts');
    expect(r.pptx).toBeDefined();
    const faces = r.diagnostics.filter((d) => d.code === 'stand-in-font').map((d) => /`([^`]+)`/.exec(d.message)![1]);
    expect(faces.sort()).toEqual(['Aptos', 'Calibri Light']);
  });

  it('prints what the template says once per run, not once per deck', () => {
    const r = runCli([
      'build',
      '--content',
      content.content,
      '--themes',
      themes,
      '--out',
      path.join(content.root, 'cli'),
      '--theme',
      'fonts',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr.match(/\[stand-in-font\]/g)?.length).toBe(2);
    expect(r.stdout).toMatch(/2 decks built/);
  });

  it('measures an spAutoFit body as the room it may grow into, above the footers', async () => {
    const grows = layoutsOf((await loadTheme(themes, 'grow-body')).theme!);
    const fixed = layoutsOf((await loadTheme(themes, 'fixed-body')).theme!);
    const g = grows.layouts[grows.byNeed.content];
    expect(g.name).toBe('Title and Content');
    expect(g.slots.content!.box.h).toBeGreaterThan(2.5 * 72);
    // The same box, fixed: 1.5 in, too small beside the template's other layouts, so it is passed over.
    const f = fixed.layouts.find((l) => l.name === 'Title and Content')!;
    expect(f.slots.content!.box.h).toBeCloseTo(1.5 * 72, 0);
    expect(fixed.layouts[fixed.byNeed.content].name).not.toBe('Title and Content');
    const footerTop = Math.min(...(['date', 'footer', 'slideNumber'] as const).map((r) => g.slots[r]!.box.y));
    expect(g.slots.content!.box.y + g.slots.content!.box.h).toBeLessThanOrEqual(footerTop);
    // The agenda of eight sections fits one slide (it took four in the box's top 1.5 in).
    expect((await build('grow-body')).deck!.slides.filter((s) => s.kind === 'agenda')).toHaveLength(1);
    const light = (await build('briefing-light', 'stress')).deck!.slides.length;
    expect((await build('grow-body', 'stress')).deck!.slides.length).toBeLessThanOrEqual(2.5 * light);
  });

  it('passes over a content layout whose body is a thin band when another has room', async () => {
    const r = await build('small-band', 'stress');
    expect(r.pptx).toBeDefined();
    const set = layoutsOf(r.theme!);
    expect(set.layouts[set.byNeed.content].name).not.toBe('Title and Content');
    const light = (await build('briefing-light', 'stress')).deck!.slides.length;
    expect(r.deck!.slides.length).toBeLessThanOrEqual(2.5 * light);
    // Never one table row a slide: the 24 rows of long cells take at most half as many slides.
    const pages = r.deck!.slides.filter((s) => s.kind === 'table' && s.baseTitle.startsWith('A table of twenty-four'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(12);
  });

  it('warns once, with the figure, when even the best content layout gives the body under a third of the slide', () => {
    const slot = (h: number) => ({ box: { x: 0, y: 0, w: 720, h } }) as never;
    const layout = (name: string, h: number, master = 0): TemplateLayout =>
      ({
        name,
        file: `${name}.xml`,
        type: 'obj',
        master,
        colors: {},
        slots: { title: slot(50), content: slot(h) },
      }) as TemplateLayout;
    const size = { w: 720, h: 405 };
    const w = crampedBody([layout('Band', 60), layout('Roomy', 300, 1)], 0, size, undefined)!;
    expect(w.message).toMatch(/`Band` whose body covers 15% of the slide.*`Roomy` on master 2 gives 74%/);
    expect(w.fix).toMatch(/master: 2/);
    expect(crampedBody([layout('Band', 60)], 0, size, undefined)!.message).toMatch(
      /no layout of the template gives more/,
    );
    expect(crampedBody([layout('Roomy', 300)], 0, size, undefined)).toBeUndefined();
  });

  it('bands table rows only in a colour the body text reads on: not on crimson light 2', async () => {
    for (const theme of ['crimson', 'fonts']) {
      const r = await build(theme, 'stress');
      const c = r.theme!.colors;
      const warned = r.diagnostics.some((d) => d.code === 'template-table-contrast');
      expect(warned || contrastRatio(c.text, c.tableBand) >= 4.5, theme).toBe(true);
      expect(warned || contrastRatio(c.tableHeaderText, c.tableHeaderBackground) >= 4.5, theme).toBe(true);
      expect(contrastRatio(c.text, c.background), theme).toBeGreaterThanOrEqual(4.5);
    }
    const crimson = (await build('crimson', 'stress')).theme!.colors;
    expect(crimson.tableBand).not.toBe('A51C30');
    // …and the deck's table style says so.
    const styles = await (await readPptx((await build('crimson', 'stress')).pptx!)).part('ppt/tableStyles.xml');
    expect(styles).not.toContain('A51C30');
    expect(styles).not.toMatch(/<a:band2H><a:tcStyle><a:tcBdr\/><a:fill><a:solidFill><a:schemeClr val="bg2"/);
  });

  it('never drops the subtitle, author, organisation or date when the title layout has no subtitle', async () => {
    const r = await build('no-subtitle');
    expect(r.pptx).toBeDefined();
    expect(r.diagnostics.map((d) => d.code)).toContain('no-subtitle-placeholder');
    const first = (await readPptx(r.pptx!)).slides[0];
    const text = first.texts.join('\n');
    for (const s of ['Regional outlook', 'What changed since May', 'A. Analyst', 'Policy Unit', '2026'])
      expect(text, s).toContain(s);
  });

  it('keeps every grown box inside the slide, above the banner and the footers', async () => {
    for (const theme of ['grow-body', 'fixed-body', 'small-band', 'no-subtitle', 'fonts']) {
      const r = await build(theme, 'stress');
      const size = r.deck!.size;
      // Footers as drawn: moved up above the classification banner the stress deck carries.
      const chrome = [r.deck!.chrome.footer?.box, r.deck!.chrome.slideNumber?.box].filter((b) => b !== undefined);
      expect(chrome.length).toBeGreaterThan(0);
      for (const b of boxes(r.deck!)) {
        expect(b.box.y + b.box.h, `${theme}: ${b.what} of “${b.slide}”`).toBeLessThanOrEqual(size.h + 0.01);
        expect(b.box.y, `${theme}: ${b.what} of “${b.slide}”`).toBeGreaterThanOrEqual(0);
        if (b.what !== 'body') continue;
        for (const f of chrome)
          if (f.x < b.box.x + b.box.w && f.x + f.w > b.box.x && f.y > b.box.y)
            expect(b.box.y + b.box.h, `${theme}: body of “${b.slide}” over the footer`).toBeLessThanOrEqual(f.y + 0.01);
      }
    }
  });

  it('hangs agenda numbers far enough for a gap before their text (no “1.Introduction”)', async () => {
    const r = await build('tight-numbers');
    const agenda = r.deck!.slides.find((s) => s.kind === 'agenda')!;
    const body = (agenda as Extract<typeof agenda, { kind: 'agenda' }>).body;
    const level = body.levels[0];
    // A figure and its period take well under an em in any text face; the rest is the gap.
    expect(-level.indent).toBeGreaterThanOrEqual(level.size);
    expect(level.marL + level.indent).toBeGreaterThanOrEqual(0);
  });

  it('keeps titles that grow clear of a logo on the master', async () => {
    const r = await build('logo', 'stress');
    const logo = { x: 7.9 * 72, y: 0.25 * 72, w: 1.6 * 72, h: 0.8 * 72 };
    const layouts = layoutsOf(r.theme!);
    expect(layouts.layouts[layouts.byNeed.content].obstacles).toContainEqual(
      expect.objectContaining({ x: expect.closeTo(logo.x, 1), w: expect.closeTo(logo.w, 1) }),
    );
    const titles = r.deck!.slides.map((s) => s.titleFrame!).filter(Boolean);
    expect(titles.length).toBeGreaterThan(10);
    for (const t of titles) {
      const overlapX = Math.min(t.box.x + t.box.w, logo.x + logo.w) - Math.max(t.box.x, logo.x);
      const overlapY = Math.min(t.box.y + t.box.h, logo.y + logo.h) - Math.max(t.box.y, logo.y);
      expect(overlapX > 0 && overlapY > 0, `title box ${JSON.stringify(t.box)}`).toBe(false);
    }
  });

  it('gives a master without an id an id, as PowerPoint does', async () => {
    const r = await build('no-master-id');
    expect(r.pptx, r.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    const pres = await (await readPptx(r.pptx!)).part('ppt/presentation.xml');
    expect(pres).toMatch(/<p:sldMasterId id="\d{10}" r:id="[^"]+"\/>/);
  });

  it('writes normAutofit on every body the deck fills, whatever the master says', async () => {
    const r = await build('no-autofit');
    const view = await readPptx(r.pptx!);
    const bodies = view.slides.flatMap((s) =>
      (s.xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []).filter((sp) => /<p:ph idx="1"/.test(sp)),
    );
    expect(bodies.length).toBeGreaterThan(5);
    for (const sp of bodies) expect(sp).toContain('<a:normAutofit');
  });
});
