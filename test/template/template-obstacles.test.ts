/**
 * Issue 19: templates never put text on their own graphics or off the slide.
 * Each fixture is pandoc's reference.pptx with one feature of an Apache POI
 * file edited in (test/helpers/obstacle-templates.ts); the decks built on
 * them are drawn by LibreOffice and read back word by word.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import type { Rect } from '../../src/model/text-frame.js';
import { layoutsOf } from '../../src/theme/layouts-of.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { FIXTURE_DECKS, makeContent, REPO_THEMES } from '../helpers/decks.js';
import { layoutFaults, missingCharacters } from '../helpers/layout-proof.js';
import {
  type Box,
  CORNER_LOGO,
  FOOTER_BAR,
  MENU,
  WORDS_BAR,
  writeObstacleTemplates,
} from '../helpers/obstacle-templates.js';
import { type PdfWord, pdfWords, pptxToPdfs } from '../helpers/pdf.js';
import { readPptx, type SlideView } from '../helpers/pptx.js';
import { TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';

const tools = haveTools(...TEMPLATE_TOOLS, 'pdftotext');
const pt = (b: Box): Rect => ({ x: b.x * 72, y: b.y * 72, w: b.w * 72, h: b.h * 72 });
const meets = (a: Rect, b: Rect) =>
  Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);

describe.skipIf(!tools)('templates whose graphics are in the way', () => {
  const built: Record<string, BuildResult> = {};
  const drawn: Record<string, { slides: SlideView[]; pages: PdfWord[][] }> = {};
  let tiny: BuildResult;

  beforeAll(async () => {
    const themes = path.join(mkdtempSync(path.join(tmpdir(), 'obstacles-')), 'themes');
    mkdirSync(themes);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
    await writeObstacleTemplates(themes);
    const content = makeContent({ stress: stressDeck });
    cpSync(path.join(FIXTURE_DECKS, 'us-policy-response'), path.join(content.content, 'us-policy-response'), {
      recursive: true,
    });
    const build = (theme: string, slug: string) =>
      buildDeck(slug, {
        contentDir: content.content,
        themesDir: themes,
        outDir: path.join(content.root, theme),
        theme,
      });
    built['words-on-master'] = await build('words-on-master', 'stress');
    built['banner-bar'] = await build('banner-bar', 'stress');
    built['arial-text-boxes'] = await build('arial-text-boxes', 'us-policy-response');
    tiny = await build('tiny-slide', 'stress');
    const names = Object.keys(built);
    for (const n of names) expect(built[n].file, `${n}: ${built[n].diagnostics.map((d) => d.message)}`).toBeDefined();
    // Two decks are both stress.pptx: convert copies with names of their own.
    const pdfDir = mkdtempSync(path.join(tmpdir(), 'obstacles-pdf-'));
    const copies = names.map((n) => {
      const copy = path.join(pdfDir, `${n}.pptx`);
      cpSync(built[n].file!, copy);
      return copy;
    });
    const pdfs = pptxToPdfs(copies, pdfDir);
    for (const [i, n] of names.entries())
      drawn[n] = { slides: (await readPptx(built[n].pptx!)).slides, pages: pdfWords(pdfs[i]) };
  }, 300_000);

  /** Every word on its slide, inside it, and over no other word (the template's included), as LibreOffice draws it. */
  const proof = (name: string) => {
    const r = built[name];
    const layoutWords = new Set([r.deck!.info.footer, r.deck!.info.classification ?? ''].join(' ').split(/\s+/));
    return drawn[name].slides.flatMap((s, i) => {
      const page = drawn[name].pages[i] ?? [];
      const hidden = missingCharacters(page, s);
      const faults = layoutFaults(page, { size: r.deck!.size, footerTop: r.deck!.size.h, layoutWords });
      return [...(hidden ? [`slide ${i + 1}: hidden “${hidden}”`] : []), ...faults.map((f) => `slide ${i + 1}: ${f}`)];
    });
  };

  it('keeps titles and bodies off the words a master draws (a bar across the top, a column of buttons)', () => {
    const r = built['words-on-master'];
    const words = [WORDS_BAR, ...MENU].map(pt);
    const layouts = layoutsOf(r.theme!);
    // The template's words are known as such; the bar grows a line with its text.
    const marked = layouts.layouts[layouts.byNeed.content].obstacles!.filter((o) => o.text);
    expect(marked).toHaveLength(words.length);
    let frames = 0;
    for (const s of r.deck!.slides)
      for (const [what, f] of Object.entries(s))
        if (f && typeof f === 'object' && 'box' in f && what !== 'footer' && what !== 'slideNumber') {
          const box = (f as { box: Rect }).box;
          frames++;
          for (const w of words) expect(meets(box, w), `${what} of “${s.title}” ${JSON.stringify(box)}`).toBe(false);
        }
    expect(frames).toBeGreaterThan(30);
    expect(proof('words-on-master')).toEqual([]);
    // The user is told why slides hold less, which words are in the way, and how to remove them.
    const warned = r.diagnostics.filter((d) => d.code === 'template-words-on-body');
    expect(warned).toHaveLength(1);
    expect(warned[0].message).toContain('`Menu`');
    expect(warned[0].fix).toMatch(/Slide Master/);
    expect(built['banner-bar'].diagnostics.map((d) => d.code)).not.toContain('template-words-on-body');
  });

  it('writes a text box in the face it was measured in when the default text style says another', () => {
    const r = built['arial-text-boxes'];
    const face = layoutsOf(r.theme!).textBox.face;
    expect(face).toBe('Calibri');
    const boxes = drawn['arial-text-boxes'].slides.flatMap((s) =>
      (s.xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []).filter((sp) => !sp.includes('<p:ph') && sp.includes('<a:t>')),
    );
    expect(boxes.length).toBeGreaterThan(3);
    for (const sp of boxes) expect(sp).toContain(`<a:latin typeface="${face}"`);
    expect(proof('arial-text-boxes')).toEqual([]);
  });

  it('moves footers pushed up by the banner on above a coloured bar, and the banner around a corner logo', () => {
    const r = built['banner-bar'];
    const bar = pt(FOOTER_BAR);
    const { footer, slideNumber, banners } = r.deck!.chrome;
    for (const f of [footer!, slideNumber!]) {
      expect(meets(f.box, bar), JSON.stringify(f.box)).toBe(false);
      expect(f.box.y + f.box.h).toBeLessThanOrEqual(bar.y);
    }
    expect(banners).toHaveLength(2);
    for (const b of banners) expect(meets(b.box, pt(CORNER_LOGO)), JSON.stringify(b.box)).toBe(false);
    // Bodies end above the footers, where they are drawn.
    for (const s of r.deck!.slides)
      if ('body' in s && s.body) expect(s.body.box.y + s.body.box.h).toBeLessThanOrEqual(footer!.box.y + 0.01);
    // As drawn: the footer's words (R&D <Unit> · date) sit above the bar on every slide but the title slide.
    const pages = drawn['banner-bar'].pages.slice(1);
    for (const [i, p] of pages.entries()) {
      const lowest = Math.max(...p.filter((w) => w.text === '<Unit>').map((w) => w.yMax));
      expect(lowest, `slide ${i + 2}`).toBeGreaterThan(bar.y - 2 * footer!.box.h);
      expect(lowest, `slide ${i + 2}`).toBeLessThanOrEqual(bar.y + 0.5);
    }
    expect(proof('banner-bar')).toEqual([]);
  });

  it('refuses a slide too small for a briefing, saying its size and how to change it', () => {
    expect(tiny.pptx).toBeUndefined();
    const e = tiny.diagnostics.find((d) => d.severity === 'error')!;
    expect(e.code).toBe('template-slide-too-small');
    expect(e.message).toContain('`1.97 × 1.18 in`');
    expect(e.fix).toMatch(/Slide Size/);
  });
});
