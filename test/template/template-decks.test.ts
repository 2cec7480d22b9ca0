/**
 * Decks built on organisation templates nobody on the team wrote, from two
 * authoring tools (LibreOffice's Impress templates converted to .pptx and
 * .potx; pandoc's reference.pptx, saved by PowerPoint), read back as
 * PowerPoint reads them: the template's layouts, theme and masters kept, the
 * title slide on its title layout, bullets in body placeholders, and a
 * package with none of the known repair triggers.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { makeContent, REPO_CONTENT, REPO_THEMES } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { checkPackage } from '../helpers/package-check.js';
import { readPptx, type PptxView } from '../helpers/pptx.js';
import { installTemplate, realTemplates, TEMPLATE_TOOLS, type TemplateFixture } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';
import { readZip } from '../../src/util/zip.js';
import { layoutsOf } from '../../src/theme/layouts-of.js';
import { layoutFaults, missingCharacters, words } from '../helpers/layout-proof.js';
import { pdfWords, pptxToPdfs, type PdfWord } from '../helpers/pdf.js';
import { cpSync } from 'node:fs';

const tools = haveTools(...TEMPLATE_TOOLS);
/** The templates decks are built on (Vivid names a font nobody here has: the error case, tested apart). */
const BUILT = [
  'Focus.pptx',
  'Focus.potx',
  'Blueprint_Plans.pptx',
  'DNA.potx',
  'Nature_Illustration.pptx',
  'pandoc-reference.pptx',
] as const;
const CONTENT = ['russia-north-korea-treaty', 'us-policy-response'];

export interface TemplateDeck {
  template: TemplateFixture;
  slug: string;
  r: BuildResult;
  view: PptxView;
  parts: Map<string, Uint8Array>;
}

describe.skipIf(!tools)('decks on organisation templates', () => {
  const decks: TemplateDeck[] = [];
  const pages = new Map<TemplateDeck, PdfWord[][]>();
  beforeAll(async () => {
    const fixtures = (await realTemplates()).filter((t) => (BUILT as readonly string[]).includes(t.name));
    const root = mkdtempSync(path.join(tmpdir(), 'templates-'));
    const themesDir = path.join(root, 'themes');
    mkdirSync(themesDir);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themesDir, 'fonts'), { recursive: true });
    const stress = makeContent({ stress: stressDeck });
    for (const t of fixtures) {
      const { theme } = installTemplate(t, themesDir, t.name.replace('.', '-'));
      for (const [slug, contentDir] of [
        ...CONTENT.map((s) => [s, REPO_CONTENT]),
        ['stress', stress.content],
      ] as const) {
        const r = await buildDeck(slug, { contentDir, themesDir, outDir: path.join(root, 'out', theme), theme });
        expect(r.pptx, `${t.name} ${slug}: ${r.diagnostics.map((d) => d.message).join('\n')}`).toBeDefined();
        decks.push({
          template: t,
          slug,
          r,
          view: await readPptx(r.pptx!),
          parts: new Map(readZip(r.pptx!).map((e) => [e.name, e.data])),
        });
      }
    }
    // One LibreOffice run for every deck; each under its own name, as PDFs are named after their deck.
    mkdirSync(path.join(root, 'pdf'));
    const named = decks.map((d, i) => {
      const file = path.join(root, 'pdf', `${i}-${d.slug}.pptx`);
      copyFileSync(d.r.file!, file);
      return file;
    });
    pptxToPdfs(named, path.join(root, 'pdf'), 600_000).forEach((pdf, i) => pages.set(decks[i], pdfWords(pdf)));
  }, 900_000);

  const name = (d: TemplateDeck) => `${d.slug} on ${d.template.name}`;

  it('passes the package-consistency check', () => {
    for (const d of decks) expect(checkPackage(d.r.pptx!), name(d)).toEqual([]);
  });

  // Schema validation of every deck is CPU-bound: on a shared 2-core machine it outlasts the 30 s default.
  it('validates every part against the schemas', { timeout: 180_000 }, async () => {
    for (const d of decks) {
      const problems = await validatePptx(d.r.pptx!);
      expect(problems, `${name(d)}\n${formatValidation(problems)}`).toEqual([]);
    }
  });

  it('keeps the template: every layout and theme part as the template has it, and slides only on its layouts', () => {
    for (const d of decks) {
      const template = new Map(readZip(readFileSync(d.template.file)).map((e) => [e.name, e.data]));
      const layouts = [...template.keys()].filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n));
      expect(layouts.length, name(d)).toBe(d.template.layouts.length);
      // "New Slide" lists what the template lists: the same layout parts, the same names.
      expect([...d.parts.keys()].filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n)).sort(), name(d)).toEqual(
        layouts.sort(),
      );
      // The colour scheme and fonts: each theme part of the template's masters, byte for byte.
      const themes = [...template.keys()]
        .filter((n) => /^ppt\/slideMasters\/_rels\//.test(n))
        .flatMap((n) =>
          [...new TextDecoder().decode(template.get(n)).matchAll(/Target="\.\.\/theme\/([^"]+)"/g)].map(
            (m) => `ppt/theme/${m[1]}`,
          ),
        );
      expect(themes.length, name(d)).toBeGreaterThan(0);
      for (const part of themes)
        expect(
          Buffer.from(d.parts.get(part)!).equals(Buffer.from(template.get(part)!)),
          `${name(d)}: ${part} changed`,
        ).toBe(true);
      for (const s of d.view.slides) expect(layouts, `${name(d)} slide ${s.index + 1}`).toContain(s.layoutFile);
      // The template's sample slides are not in the deck.
      expect(d.view.slides.length, name(d)).toBe(d.r.deck!.slides.length);
    }
  });

  it('puts the title slide on the template’s title layout, and everything else on its named layouts', () => {
    for (const d of decks) {
      expect(d.view.slides[0].layoutName, name(d)).toBe('Title Slide');
      const content = d.view.slides.find((s) => s.title?.startsWith('Agenda'))!;
      expect(['Title and Content', 'Title, Content'], name(d)).toContain(content.layoutName);
    }
  });

  it('puts every bullet in a body placeholder of the slide’s layout', async () => {
    let bullets = 0;
    for (const d of decks) {
      for (const s of d.view.slides) {
        const layout = await d.view.part(s.layoutFile);
        for (const sp of s.xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []) {
          if (!/<a:buChar |<a:buAutoNum /.test(sp)) continue;
          bullets++;
          const ph = /<p:ph\b[^>]*\/>/.exec(sp)?.[0];
          expect(ph, `${name(d)} slide ${s.index + 1}: bullets outside a placeholder`).toBeDefined();
          expect(ph!, `${name(d)} slide ${s.index + 1}`).not.toMatch(/type="(title|ctrTitle|subTitle|dt|ftr|sldNum)"/);
          // The slide names the placeholder exactly as its layout does.
          expect(layout, `${name(d)} slide ${s.index + 1}`).toContain(ph!.replace('/>', ''));
        }
      }
    }
    expect(bullets).toBeGreaterThan(50);
  });

  it('draws every character of every slide on its page, inside the slide, above the footer, over no other word', () => {
    for (const d of decks) {
      const slidesPages = pages.get(d)!;
      expect(slidesPages.length, name(d)).toBe(d.view.slides.length);
      const set = layoutsOf(d.r.theme!);
      const chrome = d.r.deck!.chrome;
      const layoutWords = new Set(words([d.r.deck!.info.footer, d.r.deck!.info.classification ?? ''].join(' ')));
      d.view.slides.forEach((s, i) => {
        const where = `${name(d)} slide ${i + 1} “${s.title}”`;
        expect(missingCharacters(slidesPages[i], s), where).toBe('');
        const layout = set.layouts.find((l) => l.file === d.r.deck!.slides[i].layoutFile)!;
        const footers = [
          layout.slots.footer?.box,
          layout.slots.slideNumber?.box,
          layout.slots.date?.box,
          chrome.footer?.box,
          chrome.slideNumber?.box,
        ].filter((b) => b !== undefined);
        const footerTop = Math.min(set.size.h, ...footers.map((b) => b.y));
        expect(layoutFaults(slidesPages[i], { size: set.size, footerTop, layoutWords }), where).toEqual([]);
      });
    }
  });
});
