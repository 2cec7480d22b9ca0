/**
 * The layout guarantee for columns, callouts and builds, on what LibreOffice draws: the columns stress deck on
 * briefdeck's light and dark themes, on a template with a "Comparison" layout (pandoc's reference.pptx, saved by
 * PowerPoint) and on one without (LibreOffice's Focus): every character on its page, every word inside the slide,
 * above the footer and over no other word.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { layoutsOf } from '../../src/theme/layouts-of.js';
import { columnsStressDeck } from '../fixtures/columns-stress-deck.js';
import { deckOpts, makeContent, REPO_THEMES } from '../helpers/decks.js';
import { layoutFaults, missingCharacters, words } from '../helpers/layout-proof.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { pdfWords, pptxToPdfs, type PdfWord } from '../helpers/pdf.js';
import { readPptx, type PptxView } from '../helpers/pptx.js';
import { installTemplate, realTemplates, TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';

const THEMES = ['briefing-light', 'briefing-dark', 'pandoc-reference', 'focus'] as const;
const tools = haveTools(...TEMPLATE_TOOLS, 'pdftotext');

describe.skipIf(!tools)('columns, callouts and builds, rendered (LibreOffice)', () => {
  const built: Record<string, { r: BuildResult; view: PptxView; pages: PdfWord[][] }> = {};
  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'columns-rendered-'));
    const themesDir = path.join(root, 'themes');
    mkdirSync(themesDir);
    cpSync(REPO_THEMES, themesDir, { recursive: true });
    const templates = await realTemplates();
    installTemplate(templates.find((t) => t.name === 'pandoc-reference.pptx')!, themesDir, 'pandoc-reference');
    installTemplate(templates.find((t) => t.name === 'Focus.pptx')!, themesDir, 'focus');
    const c = makeContent({ stress: columnsStressDeck });
    const files: string[] = [];
    const results: BuildResult[] = [];
    for (const theme of THEMES) {
      const r = await buildDeck('stress', { ...deckOpts(c, themesDir), outDir: path.join(root, theme), theme });
      results.push(r);
      files.push(r.file!);
    }
    const pdfs = pptxToPdfs(
      files.map((f, i) => {
        const named = path.join(root, `${THEMES[i]}.pptx`);
        cpSync(f, named);
        return named;
      }),
      path.join(root, 'pdf'),
    );
    for (let i = 0; i < THEMES.length; i++)
      built[THEMES[i]] = { r: results[i], view: await readPptx(results[i].pptx!), pages: pdfWords(pdfs[i]) };
  }, 300_000);

  for (const theme of THEMES) {
    it(`${theme}: builds without a problem, schema-valid`, async () => {
      const { r } = built[theme];
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const errors = await validatePptx(r.pptx!);
      expect(errors, formatValidation(errors)).toEqual([]);
    });

    it(`${theme}: every character on its page, every word inside the slide, above the footer, over no other`, () => {
      const { r, view, pages } = built[theme];
      expect(pages.length).toBe(view.slides.length);
      const set = layoutsOf(r.theme!);
      const layoutWords = new Set(words([r.deck!.info.footer, r.deck!.info.classification ?? ''].join(' ')));
      view.slides.forEach((s, i) => {
        const where = `slide ${i + 1} “${s.title}”`;
        expect(missingCharacters(pages[i], s), where).toBe('');
        const layout = set.layouts.find((l) => l.file === r.deck!.slides[i].layoutFile)!;
        const footers = [
          layout.slots.footer?.box,
          layout.slots.slideNumber?.box,
          layout.slots.date?.box,
          r.deck!.chrome.footer?.box,
          r.deck!.chrome.slideNumber?.box,
        ].filter((b) => b !== undefined);
        const footerTop = Math.min(set.size.h, ...footers.map((b) => b.y));
        expect(layoutFaults(pages[i], { size: set.size, footerTop, layoutWords }), where).toEqual([]);
      });
    });
  }

  it("puts headed columns in a template's Comparison layout, header and body placeholders alike", () => {
    const { r, view } = built['pandoc-reference'];
    const i = r.deck!.slides.findIndex((s) => s.title === 'One column over three slides');
    expect(view.slides[i].layoutName).toBe('Comparison');
    const plan = r.deck!.slides[i];
    if (plan.kind !== 'columns') throw new Error('not a columns slide');
    // Each column's header and body are one side's pair (PowerPoint's content2 may be either side).
    expect(plan.columns.map((c) => `${c.header?.placeholder}/${c.body.placeholder}`).sort()).toEqual([
      'header/content',
      'header2/content2',
    ]);
    expect(plan.columns[0].body.box.x + plan.columns[0].body.box.w).toBeLessThan(plan.columns[1].body.box.x);
    const layout = layoutsOf(r.theme!).layouts.find((l) => l.file === plan.layoutFile)!;
    for (const role of ['header', 'content', 'header2', 'content2'] as const)
      expect(view.slides[i].xml).toContain(layout.slots[role]!.ph);
  });

  it('sets the columns as measured frames on a template without a Comparison layout', () => {
    const { r, view } = built.focus;
    expect(view.slides.map((s) => s.layoutName)).not.toContain('Comparison');
    for (const plan of r.deck!.slides.filter((s) => s.kind === 'columns')) {
      if (plan.kind !== 'columns') continue;
      for (const c of plan.columns) {
        expect(c.header?.placeholder).toBeUndefined();
        // Each column inside its planned band, side by side.
        expect(c.body.box.x).toBeGreaterThanOrEqual(c.box.x - 0.01);
        expect(c.body.box.x + c.body.box.w).toBeLessThanOrEqual(c.box.x + c.box.w + 0.01);
      }
      for (let k = 1; k < plan.columns.length; k++)
        expect(plan.columns[k].box.x).toBeGreaterThan(plan.columns[k - 1].box.x + plan.columns[k - 1].box.w);
    }
  });
});
