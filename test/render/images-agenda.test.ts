import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { buildDeck } from '../../src/build.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { readPptx } from '../helpers/pptx.js';

describe('images and long agendas, rendered', () => {
  it('places a converted image with its alt text, inside the body, and stays schema-valid', async () => {
    const webp = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#336699' } })
      .webp()
      .toBuffer();
    const c = makeContent({
      img: {
        files: {
          '01-map.md':
            '# Map\n\nThe region at a glance:\n\n![Map of the Korean Peninsula](images/map.webp "Figure 1: the peninsula")\n',
          'images/map.webp': webp,
        },
      },
    });
    const r = await buildDeck('img', deckOpts(c));
    expect(r.diagnostics).toEqual([]);
    const view = await readPptx(r.pptx!);
    const slide = view.slides.find((s) => s.title === 'Map')!;
    expect(slide.images).toHaveLength(1);
    expect(slide.images[0].contentType).toBe('image/png');
    const meta = await sharp(Buffer.from(slide.images[0].bytes)).metadata();
    expect([meta.width, meta.height]).toEqual([2400, 1200]);
    expect(slide.xml).toContain('descr="Map of the Korean Peninsula"');
    expect(slide.texts).toContain('Figure 1: the peninsula');
    expect(await validatePptx(r.pptx!), formatValidation(await validatePptx(r.pptx!))).toEqual([]);
  });

  it('continues the agenda when a deck has many sections', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `${String(i + 1).padStart(2, '0')}-s.md`,
        `# Section number ${i + 1}\n\n- point\n`,
      ]),
    );
    const r = await buildDeck('many', deckOpts(makeContent({ many: { files } })));
    const view = await readPptx(r.pptx!);
    const agenda = view.slides.filter((s) => s.title?.startsWith('Agenda'));
    // Continued slides are numbered, so no two slides share a title.
    expect(agenda.map((s) => s.title)).toEqual([
      'Agenda',
      'Agenda (cont.)',
      ...agenda.slice(2).map((_, k) => `Agenda (cont. ${k + 2})`),
    ]);
    expect(agenda.length).toBeGreaterThan(1);
    expect(agenda.flatMap((s) => s.texts.filter((t) => t.startsWith('Section number')))).toEqual(
      Object.keys(files).map((_, i) => `Section number ${i + 1}`),
    );
    expect(agenda[1].xml).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="(\d+)"\/>/);
    const start = Number(/startAt="(\d+)"/.exec(agenda[1].xml)![1]);
    expect(start).toBe(agenda[0].texts.filter((t) => t.startsWith('Section number')).length + 1);
  });
});
