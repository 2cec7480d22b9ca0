/**
 * The package stage reads pptxgenjs's parts as XML, not as the text pptxgenjs happens to write (issue 18). Every
 * part pptxgenjs wrote for a deck is written again another way (test/helpers/reserialise.ts: attributes reordered
 * and in other quotes, empty elements self-closed or not, white space between elements, namespaces declared
 * elsewhere, CRLF as LF); the package stage must make the same deck of it, part for part as XML, and a deck that
 * passes the package check and the schemas.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import { assemblePackage } from '../../src/render/package/assemble.js';
import { deckToPptxgenjsParts } from '../../src/render/deck-to-pptx.js';
import { readZip } from '../../src/util/zip.js';
import { CHART_KIND_SECTIONS } from '../fixtures/chart-deck.js';
import { columnsStressDeck } from '../fixtures/columns-stress-deck.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { FIXTURE_DECKS, makeContent, REPO_THEMES } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { checkPackage } from '../helpers/package-check.js';
import { readPptx } from '../helpers/pptx.js';
import { canonicalXml, reserialised } from '../helpers/reserialise.js';
import { attr, descendants, NS, parseXml } from '../helpers/xml.js';
import { installTemplate, realTemplate, TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#0B3D91"/></svg>';
const MIXED = {
  yaml: 'title: Mixed\ndate: "2026-03-04"\nlanguage: de-DE\n',
  files: {
    '01-notes.md':
      '---\nnotes: |\n  First paragraph of the notes.\n\n  Second one, after a blank line.\n---\n' +
      '# Notes in two paragraphs\n\n- A point with **bold** and plain text.\n',
    '02-table.md': '# A captioned table\n\n| Land | Stand |\n| --- | --- |\n| Norden | Aktiv |\n\n: Stand der Dinge\n',
    '03-svg.md': '# A vector picture\n\n![A chart](chart.svg)\n',
    'chart.svg': SVG,
  },
};

/** Every XML part of a package as canonical data; other parts as their bytes. */
function packageAsXml(bytes: Uint8Array): Map<string, unknown> {
  return new Map(
    readZip(bytes).map((e) => [
      e.name,
      /\.(xml|rels)$/.test(e.name) ? canonicalXml(new TextDecoder().decode(e.data), e.name) : e.data,
    ]),
  );
}

/** pptxgenjs's parts with every XML part written another way. */
function rewritten(parts: ReadonlyMap<string, string | Uint8Array>): Map<string, string | Uint8Array> {
  return new Map(
    [...parts].map(([name, data]) => [
      name,
      typeof data === 'string' && /\.(xml|rels)$/.test(name) ? reserialised(data, name) : data,
    ]),
  );
}

describe('the package stage does not depend on how pptxgenjs serialises its parts', () => {
  const cases: { name: string; slug: string; opts: Parameters<typeof checkDeck>[1] }[] = [];
  beforeAll(async () => {
    const c = makeContent({
      mixed: MIXED,
      stress: stressDeck,
      columns: columnsStressDeck,
      charts: { files: CHART_KIND_SECTIONS },
    });
    cpSync(path.join(FIXTURE_DECKS, 'us-policy-response'), path.join(c.content, 'us-policy-response'), {
      recursive: true,
    });
    const opts = { contentDir: c.content, themesDir: REPO_THEMES, outDir: c.out };
    for (const slug of ['mixed', 'stress', 'columns', 'charts', 'us-policy-response'])
      cases.push({ name: `${slug} (briefing-light)`, slug, opts });
    if (haveTools(...TEMPLATE_TOOLS)) {
      const themes = path.join(mkdtempSync(path.join(tmpdir(), 'seam-themes-')), 'themes');
      mkdirSync(themes);
      cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
      installTemplate(await realTemplate('pandoc-reference.pptx'), themes, 'office');
      installTemplate(await realTemplate('Focus.pptx'), themes, 'focus');
      for (const theme of ['office', 'focus'])
        for (const slug of ['mixed', 'charts'])
          cases.push({ name: `${slug} (${theme} template)`, slug, opts: { ...opts, themesDir: themes, theme } });
    }
  }, 180_000);

  it('makes the same deck, part for part, from parts written another way', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const { name, slug, opts } of cases) {
      const checked = await checkDeck(slug, opts);
      expect(
        checked.diagnostics.filter((d) => d.severity === 'error'),
        name,
      ).toEqual([]);
      const { parts, frames } = await deckToPptxgenjsParts(checked.deck!, checked.theme!);
      const variant = rewritten(parts);
      // The variant really is written differently.
      const slide = [...parts.keys()].find((n) => n.startsWith('ppt/slides/slide'))!;
      expect(variant.get(slide), name).not.toEqual(parts.get(slide));
      const ours = assemblePackage(parts, checked.deck!, checked.theme!, frames);
      const theirs = assemblePackage(variant, checked.deck!, checked.theme!, frames);
      const [a, b] = [packageAsXml(ours), packageAsXml(theirs)];
      expect([...b.keys()], name).toEqual([...a.keys()]);
      for (const [part, xml] of a) expect(b.get(part), `${name}: ${part}`).toEqual(xml);
    }
  }, 240_000);

  it('and that deck passes the package check and the schemas, with notes as paragraphs in the deck’s language', async () => {
    const mixed = cases.find((c) => c.slug === 'mixed')!;
    const checked = await checkDeck(mixed.slug, mixed.opts);
    const { parts, frames } = await deckToPptxgenjsParts(checked.deck!, checked.theme!);
    const bytes = assemblePackage(rewritten(parts), checked.deck!, checked.theme!, frames);
    expect(checkPackage(bytes)).toEqual([]);
    expect(formatValidation(await validatePptx(bytes))).toBe('');
    const view = await readPptx(bytes);
    const slide = view.slides.find((s) => s.title === 'Notes in two paragraphs')!;
    expect(slide.notes).toBe('First paragraph of the notes.\nSecond one, after a blank line.');
    const notes = parseXml(new TextDecoder().decode(readZip(bytes).find((e) => e.name === slide.notesFile)!.data));
    const langs = ['rPr', 'endParaRPr'].flatMap((l) => descendants(notes, NS.a, l)).map((e) => attr(e, 'lang'));
    expect(new Set(langs)).toEqual(new Set(['de-DE']));
  }, 120_000);
});
