import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { warmUp } from '../../src/build.js';
import { DARK, tempProject } from './project.js';

type Project = Awaited<ReturnType<typeof tempProject>>;
let p: Project;
beforeEach(async () => {
  p = await tempProject([DARK]);
});
afterEach(() => p.cleanup());

describe('warmUp (watch start)', () => {
  it('checks and renders a deck in memory: nothing is written', async () => {
    await warmUp(p.opts, DARK, ['briefing-dark', 'briefing-light']);
    expect(await readdir(p.dir)).toEqual(['content', 'themes']);
  });

  it('leaves problems to the real build: a broken deck, an unknown theme or no deck at all', async () => {
    await writeFile(p.deck(DARK, 'deck.yaml'), 'title: [unclosed\n');
    await expect(warmUp(p.opts, DARK, ['no-such-theme', 'briefing-dark'])).resolves.toBeUndefined();
    await expect(warmUp(p.opts, undefined, [])).resolves.toBeUndefined();
    await expect(warmUp(p.opts, 'no-such-deck', [])).resolves.toBeUndefined();
  });
});
