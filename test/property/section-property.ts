import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { buildDeck } from '../../src/build.js';
import { hasErrors } from '../../src/model/diagnostic.js';
import { REPO_THEMES } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { checkPackage } from '../helpers/package-check.js';
import { plannedParagraphs, writtenParagraphs } from '../helpers/written-paragraphs.js';

/**
 * The time one generated section may take to build and check (fast-check's `timeout`: past it the case fails, and the
 * failure names the seed, the path and the section). Generous, so load never fails it: the 200 cases of the test's
 * seed took at most 1.1 s each, schemas included, with other engineers' suites running beside them. A cliff (the
 * slow section of issue 18 did not finish in 30 s) still fails it. The budget is checked when the case next waits
 * (planning is synchronous): a case that never returns would hang, not fail.
 */
export const CASE_BUDGET_MS = 10_000;

/**
 * The property of issue 18 for one generated section, built as the only section of a deck: the build gives a deck
 * or error diagnostics, never an internal error; a deck passes the package check (and, when `schemas`, the OOXML
 * schemas); the paragraphs written in each frame equal the planned ones, read back from the XML. Returns what is
 * wrong (empty when the property holds).
 */
export async function sectionProblems(
  section: string,
  o: { schemas?: boolean; built?: () => void } = {},
): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'briefdeck-prop-'));
  try {
    const content = path.join(root, 'content');
    mkdirSync(path.join(content, 'gen'), { recursive: true });
    writeFileSync(path.join(content, 'gen', 'deck.yaml'), 'title: Generated\ndate: "2026-01-02"\n');
    writeFileSync(path.join(content, 'gen', '01-gen.md'), section);
    mkdirSync(path.join(content, 'gen', 'images'));
    writeFileSync(path.join(content, 'gen', 'images', 'map.png'), await mapPng());
    let r: Awaited<ReturnType<typeof buildDeck>>;
    try {
      r = await buildDeck('gen', { contentDir: content, themesDir: REPO_THEMES, outDir: path.join(root, 'out') });
    } catch (e) {
      return [`internal error: ${(e as Error)?.stack ?? String(e)}`];
    }
    if (!r.pptx) return hasErrors(r.diagnostics) ? [] : ['no deck and no error diagnostic'];
    o.built?.();
    const problems = checkPackage(r.pptx).map((p) => `package: ${p}`);
    const written = await writtenParagraphs(r.pptx);
    const planned = plannedParagraphs(r.deck!, r.theme!);
    if (JSON.stringify(written) !== JSON.stringify(planned)) {
      const slide = planned.findIndex((s, i) => JSON.stringify(s) !== JSON.stringify(written[i]));
      problems.push(
        `slide ${slide + 1}: written ${JSON.stringify(written[slide])}, planned ${JSON.stringify(planned[slide])}`,
      );
    }
    if (o.schemas) {
      const invalid = formatValidation(await validatePptx(r.pptx));
      if (invalid) problems.push(`schemas: ${invalid}`);
    }
    return problems;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

let png: Promise<Buffer> | undefined;
const mapPng = () =>
  (png ??= sharp({ create: { width: 320, height: 200, channels: 3, background: '#336699' } })
    .png()
    .toBuffer());
