import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { warmUp } from '../../src/build.js';
import { openedFonts } from '../../src/measure/font-set.js';
import { DARK, tempProject } from './project.js';

type Project = Awaited<ReturnType<typeof tempProject>>;
let p: Project;
beforeEach(async () => {
  p = await tempProject([DARK]);
});
afterEach(() => p.cleanup());

const opened = () => openedFonts().map((f) => path.basename(f));

describe('warmUp (watch start)', () => {
  it('renders the deck in memory and opens every variant of each theme font; nothing is written', async () => {
    // The dark deck is set in Arial (Liberation Sans); the light theme's Calibri (Carlito) is opened only by the
    // warm-up's own measuring, every variant of it.
    expect(opened().filter((f) => f.startsWith('Carlito'))).toEqual([]);
    const warmed = await warmUp(p.opts, DARK, ['briefing-dark', 'briefing-light']);
    expect(warmed).toEqual({ rendered: DARK, themes: ['briefing-dark', 'briefing-light'] });
    expect(opened()).toEqual(
      expect.arrayContaining([
        ...['Regular', 'Bold', 'Italic', 'BoldItalic'].flatMap((v) => [`Carlito-${v}.ttf`, `LiberationSans-${v}.ttf`]),
        'LiberationMono-Regular.ttf',
      ]),
    );
    expect(await readdir(p.dir)).toEqual(['content', 'themes']);
  });

  it('leaves problems to the real build: a broken deck, an unknown theme or no deck at all', async () => {
    await writeFile(p.deck(DARK, 'deck.yaml'), 'title: [unclosed\n');
    await expect(warmUp(p.opts, DARK, ['no-such-theme', 'briefing-dark'])).resolves.toEqual({
      themes: ['briefing-dark'],
    });
    await expect(warmUp(p.opts, undefined, [])).resolves.toEqual({ themes: [] });
    await expect(warmUp(p.opts, 'no-such-deck', [])).resolves.toEqual({ themes: [] });
  });
});
