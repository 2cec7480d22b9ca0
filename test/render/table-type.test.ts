/**
 * Table type sized to the room (issue 19), read back from the built .pptx
 * and from what LibreOffice draws: every cell run carries the planned size;
 * the rows as written fit between the table's top and the foot of the body;
 * LibreOffice, which grows a row whose text does not fit, draws every word
 * of the table inside those rows. On both built-in themes, and on templates
 * of other sizes: a 9 pt body on a 13.33 in slide, a 40 pt body on a
 * 26.67 in one whose presentation's default text is Arial (the cells must
 * name the face they were measured in, or LibreOffice sets them in Arial).
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import type { PlannedTable, Slide } from '../../src/model/deck.js';
import { layoutsOf } from '../../src/theme/layouts-of.js';
import { deckOpts, makeContent, REPO_THEMES } from '../helpers/decks.js';
import { layoutFaults, missingCharacters, words } from '../helpers/layout-proof.js';
import { pdfWords, pptxToPdfs, type PdfWord } from '../helpers/pdf.js';
import { readPptx, type PptxView } from '../helpers/pptx.js';
import { writeSizedTemplate } from '../helpers/sized-templates.js';
import { TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';
import { writtenTables } from '../helpers/written-tables.js';

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (header: string[], rows: string[][]) =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
const measures = (n: number) =>
  Array.from({ length: n }, (_, i) => [`Measure ${i + 1}`, `Restricts trade in sector ${i + 1}`, `${(i + 1) * 7}`]);

/** A short table under a lead, a table of twelve rows, and one of thirty under a lead. */
const tablesDeck = {
  yaml: 'title: Tables\ndate: "2026-01-02"\norganization: Policy Unit\n',
  files: {
    '01-short.md': `# Alliances in brief\n\nThe shifts below matter most for the region:\n\n${table(
      ['Nation', 'Stance', 'Shift'],
      [
        ['Japan', 'Cautious', 'Closer alignment with the United States'],
        ['South Korea', 'Alarmed', 'Higher defence spending'],
        ['China', 'Ambivalent', 'Quiet support for both partners'],
        ['United States', 'Concerned', 'New sanctions and exercises'],
      ],
    )}\n`,
    '02-twelve.md': `# Twelve measures\n\n${table(['Measure', 'Description', 'Value'], measures(12))}\n`,
    '04-long-cells.md': `# Long cells\n\n${table(
      ['Option', 'Assessment'],
      Array.from({ length: 4 }, (_, i) => [
        `Option ${i + 1}`,
        `Option ${i + 1} weighs the consequences for regional stability, the alliances involved and the economic ties that bind them.`,
      ]),
    )}\n`,
    '03-thirty.md': `# Thirty measures\n\nEvery measure in force, by sector:\n\n${table(['Measure', 'Description', 'Value'], measures(30))}\n`,
  },
};

type TableSlide = Extract<Slide, { kind: 'table' }>;
const tableSlides = (r: BuildResult) => r.deck!.slides.filter((s): s is TableSlide => s.kind === 'table');
const bySection = (r: BuildResult, title: string) => tableSlides(r).filter((s) => s.baseTitle === title);
const bottomOf = (t: PlannedTable) => t.box.y + t.rowHeights.reduce((a, b) => a + b, 0);

/** The body's foot on a table slide: where the planner's region ends (the content placeholder's bottom). */
function bodyFoot(r: BuildResult, s: Slide): number {
  const layout = layoutsOf(r.theme!).layouts.find((l) => l.file === s.layoutFile)!;
  const body = layout.slots.content!.box;
  return body.y + body.h;
}

/** What the .pptx says of every table slide: sizes as planned, rows as planned and above the body's foot. */
function checkWritten(r: BuildResult, view: PptxView): void {
  r.deck!.slides.forEach((s, i) => {
    if (s.kind !== 'table') return;
    const where = `slide ${i + 1} “${s.title}”`;
    const [t, ...more] = writtenTables(view.slides[i].xml);
    expect(more, where).toEqual([]);
    expect(t.unsized, where).toBe(0);
    expect(new Set(t.sizes), where).toEqual(new Set([s.table.fontSize]));
    t.rowHeights.forEach((h, k) => expect(h, `${where} row ${k + 1}`).toBeCloseTo(s.table.rowHeights[k], 1));
    expect(t.y, where).toBeCloseTo(s.table.box.y, 1);
    expect(t.y + t.rowHeights.reduce((a, b) => a + b, 0), where).toBeLessThanOrEqual(bodyFoot(r, s) + 0.01);
    if (s.lead) expect(s.lead.box.y + s.lead.box.h, where).toBeLessThanOrEqual(s.table.box.y);
    // A template's cells name the face they were measured in; the built-in themes' inherit it from the theme.
    const face = r.theme!.template ? s.table.face : '';
    expect(new Set(t.faces), where).toEqual(new Set([face]));
  });
}

/** What LibreOffice draws: every character, nothing off the slide or over the footer, the table's words in its rows. */
function checkDrawn(r: BuildResult, view: PptxView, pages: PdfWord[][]): void {
  const set = layoutsOf(r.theme!);
  const layoutWords = new Set(words([r.deck!.info.footer, r.deck!.info.classification ?? ''].join(' ')));
  expect(pages).toHaveLength(view.slides.length);
  r.deck!.slides.forEach((s, i) => {
    const where = `slide ${i + 1} “${s.title}”`;
    expect(missingCharacters(pages[i], view.slides[i]), where).toBe('');
    const layout = set.layouts.find((l) => l.file === s.layoutFile)!;
    const footers = [layout.slots.footer?.box, layout.slots.slideNumber?.box, layout.slots.date?.box];
    const footerTop = Math.min(set.size.h, ...footers.filter((b) => b !== undefined).map((b) => b.y));
    expect(layoutFaults(pages[i], { size: set.size, footerTop, layoutWords }), where).toEqual([]);
    if (s.kind !== 'table') return;
    // A row LibreOffice had to grow would push the words below it past the planned bottom.
    const below = pages[i].filter(
      (w) => w.yMin >= s.table.box.y - 1 && !layoutWords.has(w.text) && !/^\d+$/.test(w.text),
    );
    const past = below.filter((w) => (w.yMin + w.yMax) / 2 > bottomOf(s.table));
    expect(
      past.map((w) => w.text),
      where,
    ).toEqual([]);
  });
}

describe('table type on the built-in themes, as written and drawn', () => {
  const tools = haveTools('soffice', 'pdftotext');
  const built: { theme: string; r: BuildResult; view: PptxView }[] = [];
  const pages = new Map<string, PdfWord[][]>();

  beforeAll(async () => {
    const c = makeContent({
      'tables-light': tablesDeck,
      'tables-dark': { ...tablesDeck, yaml: `${tablesDeck.yaml}theme: briefing-dark\n` },
    });
    for (const [slug, theme] of [
      ['tables-light', 'briefing-light'],
      ['tables-dark', 'briefing-dark'],
    ]) {
      const r = await buildDeck(slug, deckOpts(c));
      built.push({ theme, r, view: await readPptx(r.pptx!) });
    }
    if (tools)
      pptxToPdfs(
        built.map((b) => b.r.file!),
        c.out,
      ).forEach((pdf, i) => pages.set(built[i].theme, pdfWords(pdf)));
  }, 180_000);

  it('sets a short table under a lead at the body size, a longer one as large as fits, a long one at least at the minimum', () => {
    for (const { theme, r } of built) {
      const { body, tableMin } = r.theme!.sizes;
      expect(
        bySection(r, 'Alliances in brief').map((s) => s.table.fontSize),
        theme,
      ).toEqual([body]);
      const twelve = bySection(r, 'Twelve measures');
      expect(twelve, theme).toHaveLength(1);
      expect(twelve[0].table.fontSize, theme).toBeGreaterThan(16);
      const thirty = bySection(r, 'Thirty measures');
      expect(thirty.length, theme).toBeGreaterThan(1);
      for (const s of thirty) expect(s.table.fontSize, theme).toBeGreaterThanOrEqual(tableMin);
      expect(
        thirty.flatMap((s) => s.table.rows.map((c) => c[0].runs[0].text)),
        theme,
      ).toEqual(measures(30).map((m) => m[0]));
    }
  });

  it('writes every cell at the planned size, and rows that end above the foot of the body', () => {
    for (const { r, view } of built) checkWritten(r, view);
  });

  it.skipIf(!tools)(
    'is drawn by LibreOffice with every word inside its rows, on the slide, clear of the footer',
    () => {
      for (const { theme, r, view } of built) checkDrawn(r, view, pages.get(theme)!);
    },
  );
});

describe.skipIf(!haveTools(...TEMPLATE_TOOLS, 'pdftotext'))('table type on templates of other sizes', () => {
  const built = new Map<string, { r: BuildResult; view: PptxView; pages: PdfWord[][] }>();

  beforeAll(async () => {
    const themes = path.join(mkdtempSync(path.join(tmpdir(), 'table-type-')), 'themes');
    mkdirSync(themes);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
    await writeSizedTemplate(themes, 'small-body', { width: 13.333, body: 9 });
    await writeSizedTemplate(themes, 'large', { width: 26.667, body: 40, defaultFace: 'Arial' });
    const names = ['small-body', 'large'];
    // One deck per template, each its own name: soffice writes one PDF per file name into the folder.
    const c = makeContent(Object.fromEntries(names.map((n) => [`tables-${n}`, tablesDeck])));
    const files: string[] = [];
    for (const theme of names) {
      const r = await buildDeck(`tables-${theme}`, { ...deckOpts(c, themes), theme });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      files.push(r.file!);
      built.set(theme, { r, view: await readPptx(r.pptx!), pages: [] });
    }
    pptxToPdfs(files, c.root).forEach((pdf, i) => (built.get(names[i])!.pages = pdfWords(pdf)));
  }, 180_000);

  it('gives a 9 pt body on a 13.33 in slide tables of at least 11 pt, not 8', () => {
    const { r } = built.get('small-body')!;
    expect(r.theme!.sizes.body).toBe(9);
    expect(r.theme!.sizes.tableMin).toBe(11);
    for (const s of tableSlides(r)) expect(s.table.fontSize, s.title).toBe(11);
  });

  it('gives a 40 pt body on a 26.67 in slide proportionally large tables: up to 40 pt, at least 22', () => {
    const { r } = built.get('large')!;
    expect(r.theme!.sizes.body).toBe(40);
    expect(r.theme!.sizes.tableMin).toBe(22);
    const short = bySection(r, 'Alliances in brief');
    expect(short).toHaveLength(1);
    expect(short[0].table.fontSize).toBeGreaterThanOrEqual(32);
    expect(short[0].table.fontSize).toBeLessThanOrEqual(40);
    for (const s of tableSlides(r)) expect(s.table.fontSize, s.title).toBeGreaterThanOrEqual(22);
  });

  it('writes the planned sizes and rows that fit, drawn by LibreOffice inside their rows', () => {
    for (const [theme, { r, view, pages }] of built) {
      expect(tableSlides(r).length, theme).toBeGreaterThan(2);
      checkWritten(r, view);
      checkDrawn(r, view, pages);
    }
  });
});
