import { cp, readFile, rename, rm, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDecks, type DeckBuildOutcome } from '../../src/build-all.js';
import { listDecks } from '../../src/content/load-deck.js';
import { deckInputs } from '../../src/manifest/deck-inputs.js';
import { watchDecks, type DeckWatcher } from '../../src/drivers/watch.js';
import { hasErrors } from '../../src/model/diagnostic.js';
import { DARK, LIGHT, tempProject, until } from './project.js';

type Project = Awaited<ReturnType<typeof tempProject>>;
let p: Project;
let w: DeckWatcher | undefined;
const events: { type: 'built' | 'added' | 'removed' | 'error'; slug?: string; r?: DeckBuildOutcome }[] = [];

beforeEach(async () => {
  events.length = 0;
  p = await tempProject();
  w = await watchDecks<DeckBuildOutcome>({
    contentDir: p.opts.contentDir,
    themesDir: p.opts.themesDir,
    debounceMs: 100,
    stages: {
      listDecks: () => listDecks(p.opts.contentDir),
      inputsHash: async (slug) => (await deckInputs(slug, p.opts, 'test')).hash,
      build: async (slug) => (await buildDecks([slug], p.opts, { toolVersion: 'test' }))[0],
    },
    on: {
      built: (slug, r, initial) => !initial && events.push({ type: 'built', slug, r }),
      added: (slug) => events.push({ type: 'added', slug }),
      removed: (slug) => events.push({ type: 'removed', slug }),
      error: (slug, e) => events.push({ type: 'error', slug, r: { slug: String(e), diagnostics: [], ms: 0 } }),
    },
  });
});
afterEach(async () => {
  await w?.close();
  await p.cleanup();
});

const builds = () => events.filter((e) => e.type === 'built');
const pptx = (slug: string) => readFile(path.join(p.opts.outDir, `${slug}.pptx`));
/** Wait until the watcher is idle and stays so past chokidar's own delays (atomic rename: 100 ms). */
async function settle() {
  await w!.idle();
  await sleep(250);
  await w!.idle();
}

describe('watch driver', () => {
  it('builds every deck first, then rebuilds exactly the edited deck after a normal save', async () => {
    expect((await pptx(DARK)).byteLength).toBeGreaterThan(10_000);
    expect((await pptx(LIGHT)).byteLength).toBeGreaterThan(10_000);
    const before = await pptx(DARK);
    await appendFile(p.deck(DARK, '01-introduction.md'), '\nA sentence added while watching.\n');
    await until('a rebuild', () => builds().length === 1);
    await settle();
    expect(builds().map((e) => e.slug)).toEqual([DARK]);
    expect(hasErrors(builds()[0].r!.diagnostics)).toBe(false);
    expect(await pptx(DARK)).not.toEqual(before);
  });

  it('rebuilds once after a write-then-rename save and after two quick writes', async () => {
    const file = p.deck(LIGHT, '02-russia-and-north-koreas-treaty.md');
    const text = await readFile(file, 'utf8');
    await writeFile(`${file}.tmp`, `${text}\nSaved through a temporary file.\n`);
    await rename(`${file}.tmp`, file);
    await until('a rebuild', () => builds().length === 1);
    await settle();
    expect(builds().map((e) => e.slug)).toEqual([LIGHT]);

    await writeFile(file, `${text}\nFirst write.\n`);
    await sleep(10);
    await writeFile(file, `${text}\nSecond write.\n`);
    await until('a second rebuild', () => builds().length === 2);
    await settle();
    expect(builds().map((e) => e.slug)).toEqual([LIGHT, LIGHT]);
  });

  it('ignores editor scratch files', async () => {
    await writeFile(p.deck(DARK, '.01-introduction.md.swp'), 'swap');
    await writeFile(p.deck(DARK, '01-introduction.md~'), 'backup');
    await settle();
    expect(builds()).toEqual([]);
  });

  it('survives an invalid edit, keeps the last good deck, and rebuilds on the fix', async () => {
    const good = await pptx(DARK);
    const yamlFile = p.deck(DARK, 'deck.yaml');
    const yaml = await readFile(yamlFile, 'utf8');
    await writeFile(yamlFile, yaml.replace('theme: briefing-dark', 'theme: [unclosed'));
    await until('the failed build', () => builds().length === 1);
    expect(hasErrors(builds()[0].r!.diagnostics)).toBe(true);
    expect(await pptx(DARK)).toEqual(good);

    await writeFile(yamlFile, yaml.replace(/^subtitle: .*$/m, 'subtitle: "Fixed and retitled"'));
    await until('the fixed build', () => builds().length === 2);
    expect(hasErrors(builds()[1].r!.diagnostics)).toBe(false);
    expect(await pptx(DARK)).not.toEqual(good);
    await settle();
    expect(builds()).toHaveLength(2);
  });

  it('rebuilds only the decks using a theme when it changes', async () => {
    await appendFile(path.join(p.opts.themesDir, 'briefing-light.yaml'), '\n# edited\n');
    await until('a rebuild', () => builds().length === 1);
    await settle();
    expect(builds().map((e) => e.slug)).toEqual([LIGHT]);
  });

  it('picks up a new deck folder and reports a deleted one', async () => {
    const copy = path.join(p.opts.contentDir, 'copied-deck');
    await cp(p.deck(DARK), copy, { recursive: true });
    await until('the new deck to build', () => builds().some((e) => e.slug === 'copied-deck'));
    expect(events.find((e) => e.type === 'added')?.slug).toBe('copied-deck');
    expect((await pptx('copied-deck')).byteLength).toBeGreaterThan(10_000);

    await rm(copy, { recursive: true });
    await until('the removal', () => events.some((e) => e.type === 'removed'));
    await settle();
    expect(events.filter((e) => e.type === 'removed').map((e) => e.slug)).toEqual(['copied-deck']);
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
  });
});
