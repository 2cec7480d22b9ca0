/**
 * Real PowerPoint-saved files from Apache POI's test corpus
 * (`test-data/slideshow`), when a copy is at hand: set BRIEFDECK_POI_DIR to
 * its folder (nothing from it is committed). Each of the files below is used
 * as a template for the stress deck, which must be built, stay inside every
 * slide, take at most 2.5× the slides it takes on briefing-light, and have
 * readable tables or say why not. The LibreOffice proof of the whole corpus
 * is `npm run bench -- templates $BRIEFDECK_POI_DIR` (docs/organisation-templates.md).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { contrastRatio } from '../../src/util/contrast.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { makeContent, REPO_THEMES } from '../helpers/decks.js';

const POI = process.env.BRIEFDECK_POI_DIR;
/** Saved by PowerPoint 2007–2019, with Calibri Light, Segoe UI, Verdana, designed masters, odd sizes. */
const FILES = [
  '2411-Performance_Up.pptx',
  'sample.pptx',
  'SampleShow.pptx',
  'WithMaster.pptx',
  'alterman_security.pptx',
  'aptia.pptx',
  'backgrounds.pptx',
  'ececapstonespring2012.pptx',
  'layouts.pptx',
  'themes.pptx',
  'with_japanese.pptx',
  'table-with-theme.pptx',
  // Their text boxes inherit Arial from the default text style while the body is Calibri.
  '49386-null_dates.pptx',
  'ca.ubc.cs.people_~emhill_presentations_HowWeRefactor.pptx',
];
/** 1.97 × 1.18 in (5 × 3 cm) slides: refused, saying why. */
const TOO_SMALL = ['smartart-simple.pptx', 'smartart-rotated-text.pptx'];

describe.skipIf(!POI || !existsSync(POI))('Apache POI slideshows as templates', () => {
  let themes: string;
  let content: ReturnType<typeof makeContent>;
  let light = 0;
  const build = (theme: string) =>
    buildDeck('stress', {
      contentDir: content.content,
      themesDir: themes,
      outDir: path.join(content.root, theme),
      theme,
    });
  beforeAll(async () => {
    themes = path.join(mkdtempSync(path.join(tmpdir(), 'poi-')), 'themes');
    mkdirSync(themes);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
    cpSync(path.join(REPO_THEMES, 'briefing-light.yaml'), path.join(themes, 'briefing-light.yaml'));
    for (const [i, f] of FILES.entries()) cpSync(path.join(POI!, f), path.join(themes, `poi${i}.pptx`));
    for (const [i, f] of TOO_SMALL.entries()) cpSync(path.join(POI!, f), path.join(themes, `small${i}.pptx`));
    content = makeContent({ stress: stressDeck });
    light = (await build('briefing-light')).deck!.slides.length;
  }, 120_000);

  for (const [i, file] of FILES.entries())
    it(`builds the stress deck on ${file}, inside every slide, in at most 2.5× the slides`, async () => {
      const r = await build(`poi${i}`);
      expect(
        r.pptx,
        r.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => d.message)
          .join('\n'),
      ).toBeDefined();
      const deck = r.deck!;
      expect(deck.slides.length).toBeLessThanOrEqual(2.5 * light);
      for (const s of deck.slides)
        for (const [what, f] of Object.entries(s))
          if (f && typeof f === 'object' && 'box' in f && 'paragraphs' in f) {
            const b = (f as { box: { x: number; y: number; w: number; h: number } }).box;
            expect(b.y + b.h, `${what} of “${s.title}”`).toBeLessThanOrEqual(deck.size.h + 0.01);
            expect(b.x + b.w, `${what} of “${s.title}”`).toBeLessThanOrEqual(deck.size.w + 0.01);
          }
      const c = r.theme!.colors;
      const warned = r.diagnostics.some((d) => d.code === 'template-table-contrast');
      expect(warned || contrastRatio(c.text, c.tableBand) >= 4.5).toBe(true);
      expect(warned || contrastRatio(c.tableHeaderText, c.tableHeaderBackground) >= 4.5).toBe(true);
    });

  for (const [i, file] of TOO_SMALL.entries())
    it(`refuses ${file}: its slide is too small for a briefing`, async () => {
      const r = await build(`small${i}`);
      expect(r.pptx).toBeUndefined();
      expect(r.diagnostics.map((d) => d.code)).toContain('template-slide-too-small');
    });
});
