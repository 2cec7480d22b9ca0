/**
 * Charts as LibreOffice draws them, on briefdeck's theme and on an organisation's template: the exported PDF has
 * each chart's title and category labels as text on the chart's own page, inside the slide, and the template deck
 * is as valid as the other.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import { CHART_KIND_SECTIONS } from '../fixtures/chart-deck.js';
import { readCharts } from '../helpers/charts.js';
import { deckOpts, makeContent, REPO_THEMES } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { checkPackage } from '../helpers/package-check.js';
import { type PdfWord, pdfWords, pptxToPdfs } from '../helpers/pdf.js';
import { installTemplate, realTemplate, TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';

const tools = haveTools('soffice', 'pdftotext', ...TEMPLATE_TOOLS);
const EXPECTED: Record<string, { title: string; labels: string[] }> = {
  Designations: { title: 'Designations per year, by target', labels: ['2021', '2022', '2023'] },
  'Designations by bar': { title: 'Designations (bar)', labels: ['2021', '2022', '2023'] },
  Stacked: { title: 'Designations stacked', labels: ['2021', '2022', '2023'] },
  Trend: { title: 'Designations trend', labels: ['2021', '2022', '2023'] },
  Shares: { title: 'Enforcement actions by country', labels: ['Russia', 'Iran', 'DPRK', 'Other'] },
  'Shares ring': { title: 'Enforcement ring', labels: ['Russia', 'Iran', 'DPRK', 'Other'] },
};

describe.skipIf(!tools)('charts through LibreOffice, on the theme and on a template', () => {
  const decks: { name: string; r: BuildResult; pages: PdfWord[][] }[] = [];
  beforeAll(async () => {
    const themes = path.join(mkdtempSync(path.join(tmpdir(), 'chart-themes-')), 'themes');
    mkdirSync(themes);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
    cpSync(path.join(REPO_THEMES, 'briefing-light.yaml'), path.join(themes, 'briefing-light.yaml'));
    installTemplate(await realTemplate('Focus.pptx'), themes, 'focus');
    const out = mkdtempSync(path.join(tmpdir(), 'chart-pdf-'));
    const built: { name: string; r: BuildResult }[] = [];
    for (const theme of ['briefing-light', 'focus']) {
      const c = makeContent({ [`charts-${theme}`]: { files: CHART_KIND_SECTIONS } });
      built.push({ name: theme, r: await buildDeck(`charts-${theme}`, { ...deckOpts(c, themes), theme }) });
    }
    const pdfs = pptxToPdfs(
      built.map((b) => b.r.file!),
      out,
    );
    built.forEach((b, i) => decks.push({ ...b, pages: pdfWords(pdfs[i]) }));
  }, 240_000);

  it('the chart’s title and category labels are text on the chart’s page', () => {
    for (const { name, r, pages } of decks) {
      expect(
        r.diagnostics.filter((d) => d.severity === 'error'),
        name,
      ).toEqual([]);
      for (const [slide, want] of Object.entries(EXPECTED)) {
        const k = r.deck!.slides.findIndex((s) => s.title === slide);
        expect(r.deck!.slides[k].kind, `${name}: ${slide}`).toBe('chart');
        const text = pages[k].map((w) => w.text).join(' ');
        expect(text, `${name}: ${slide}`).toContain(want.title);
        for (const label of want.labels)
          expect(
            pages[k].map((w) => w.text),
            `${name}: ${slide}`,
          ).toContain(label);
      }
    }
  });

  it('nothing of a chart is drawn outside its slide', () => {
    for (const { name, r, pages } of decks)
      r.deck!.slides.forEach((s, k) => {
        if (s.kind !== 'chart') return;
        for (const w of pages[k]) {
          expect(w.xMin, `${name} ${s.title} ${w.text}`).toBeGreaterThanOrEqual(0);
          expect(w.xMax, `${name} ${s.title} ${w.text}`).toBeLessThanOrEqual(r.deck!.size.w + 0.5);
          expect(w.yMax, `${name} ${s.title} ${w.text}`).toBeLessThanOrEqual(r.deck!.size.h + 0.5);
        }
      });
  });

  it('on a template, charts are as valid, pass the package check and use its colour scheme', async () => {
    const { r } = decks.find((d) => d.name === 'focus')!;
    const bytes = readFileSync(r.file!);
    expect(formatValidation(await validatePptx(bytes))).toBe('');
    expect(checkPackage(bytes)).toEqual([]);
    const charts = readCharts(bytes);
    expect(charts).toHaveLength(8);
    expect(charts[0].xml).toContain('<a:schemeClr val="accent1"/>');
  });
});
