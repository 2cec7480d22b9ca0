import { readFile, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDecks, type DeckBuildOutcome } from '../../src/build-all.js';
import { sha256 } from '../../src/util/hash.js';
import { readManifest } from '../../src/manifest/manifest.js';
import { hasErrors } from '../../src/model/diagnostic.js';
import { DARK, LIGHT, tempProject } from './project.js';

type Project = Awaited<ReturnType<typeof tempProject>>;
let p: Project;
beforeEach(async () => {
  p = await tempProject();
});
afterEach(() => p.cleanup());

const SLUGS = [DARK, LIGHT];
const build = (o: Parameters<typeof buildDecks>[2] = {}) => buildDecks(SLUGS, p.opts, { toolVersion: '1.0.0', ...o });
const rebuilt = (rs: DeckBuildOutcome[]) =>
  rs.filter((r) => !r.skipped && !hasErrors(r.diagnostics)).map((r) => r.slug);
const pptx = (slug: string) => readFile(path.join(p.opts.outDir, `${slug}.pptx`));

describe('build manifest', () => {
  it('records inputs, outputs with sha256 and warnings, and skips decks whose inputs did not change', async () => {
    expect(rebuilt(await build())).toEqual(SLUGS);
    const { manifest } = await readManifest(p.opts.outDir);
    const entry = manifest.decks[DARK];
    const version = sha256(await pptx(DARK));
    const record = await readFile(path.join(p.opts.outDir, 'versions', DARK, `${version}.json.gz`));
    expect(entry.outputs).toEqual([
      { file: `${DARK}.pptx`, sha256: version, bytes: (await pptx(DARK)).byteLength },
      // The version record is an output too: deleting it means a rebuild.
      { file: `versions/${DARK}/${version}.json.gz`, sha256: sha256(record), bytes: record.byteLength },
    ]);
    expect(Object.keys(entry.inputs.files)).toContain('deck.yaml');
    expect(entry.inputs.theme).toMatchObject({ name: 'briefing-dark', file: 'briefing-dark.yaml' });
    expect(entry.inputs.tool).toBe('1.0.0');
    expect(entry.slides).toBeGreaterThan(5);
    const mtime = (await stat(path.join(p.opts.outDir, `${DARK}.pptx`))).mtimeMs;

    const again = await build();
    expect(again.map((r) => r.skipped)).toEqual([true, true]);
    // A skipped deck still reports its warnings (so --strict stays honest) and its slide count.
    expect(again[0].diagnostics).toEqual(entry.warnings);
    expect(again[0].slides).toBe(entry.slides);
    expect((await stat(path.join(p.opts.outDir, `${DARK}.pptx`))).mtimeMs).toBe(mtime);
  });

  it('keeps of each built deck only what its report needs, not its bytes, article, theme or slide model', async () => {
    const [r] = await build();
    expect(Object.keys(r).sort()).toEqual(['deck', 'diagnostics', 'file', 'ms', 'slides', 'slug']);
    expect(r.deck!.slides).toHaveLength(r.slides!);
    expect(r.deck!.slides[0]).toEqual({ title: 'Countering the Russia–North Korea Alliance: Options for U.S. Policy' });
    expect(r.deck!.slides.every((s) => Object.keys(s).every((k) => k === 'title' || k === 'continuation'))).toBe(true);
  });

  it('rebuilds only the deck whose section file changed', async () => {
    await build();
    await appendFile(p.deck(DARK, '01-introduction.md'), '\nOne more sentence for the record.\n');
    expect(rebuilt(await build())).toEqual([DARK]);
  });

  it('rebuilds after an image in the deck folder changes', async () => {
    const png = (bg: string) =>
      sharp({ create: { width: 64, height: 48, channels: 3, background: bg } })
        .png()
        .toBuffer();
    await writeFile(p.deck(LIGHT, 'chart.png'), await png('#336699'));
    await appendFile(p.deck(LIGHT, '01-introduction.md'), '\n![A chart](chart.png)\n');
    const first = await build();
    expect(first.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect((await build()).every((r) => r.skipped)).toBe(true);
    await writeFile(p.deck(LIGHT, 'chart.png'), await png('#993366'));
    expect(rebuilt(await build())).toEqual([LIGHT]);
  });

  it('rebuilds the decks using a theme when that theme file changes', async () => {
    await build();
    await appendFile(path.join(p.opts.themesDir, 'briefing-dark.yaml'), '\n# edited\n');
    expect(rebuilt(await build())).toEqual([DARK]);
  });

  it('rebuilds every deck when the tool version changes', async () => {
    await build();
    expect(rebuilt(await build({ toolVersion: '1.0.1' }))).toEqual(SLUGS);
  });

  it('rebuilds with --force, and when an output was deleted or altered', async () => {
    await build();
    expect(rebuilt(await build({ force: true }))).toEqual(SLUGS);
    await rm(path.join(p.opts.outDir, `${DARK}.pptx`));
    await writeFile(path.join(p.opts.outDir, `${LIGHT}.pptx`), 'not a deck');
    expect(rebuilt(await build())).toEqual(SLUGS);
  });

  it('treats a corrupt or foreign manifest as "rebuild all" and writes a valid one', async () => {
    await build();
    for (const bad of ['{"version": 1, "decks": {', '{"version": 99, "decks": {}}', '[]']) {
      await writeFile(path.join(p.opts.outDir, 'manifest.json'), bad);
      const notes: string[] = [];
      expect(rebuilt(await build({ onNote: (m) => notes.push(m) }))).toEqual(SLUGS);
      expect(notes).toHaveLength(1);
      const { manifest, problem } = await readManifest(p.opts.outDir);
      expect(problem).toBeUndefined();
      expect(Object.keys(manifest.decks)).toEqual([LIGHT, DARK].sort());
    }
  });

  it('keeps the previous entry and the previous .pptx when a deck fails', async () => {
    await build();
    const before = await pptx(DARK);
    const entry = (await readManifest(p.opts.outDir)).manifest.decks[DARK];
    const yaml = await readFile(p.deck(DARK, 'deck.yaml'), 'utf8');
    await writeFile(p.deck(DARK, 'deck.yaml'), yaml.replace('theme: briefing-dark', 'theme: no-such-theme'));
    const [dark, light] = await build();
    expect(hasErrors(dark.diagnostics)).toBe(true);
    expect(light.skipped).toBe(true);
    expect(await pptx(DARK)).toEqual(before);
    expect((await readManifest(p.opts.outDir)).manifest.decks[DARK]).toEqual(entry);
    // Reverting the edit needs no build: the last good deck was made from exactly these inputs.
    await writeFile(p.deck(DARK, 'deck.yaml'), yaml);
    expect((await build())[0].skipped).toBe(true);
  });

  it('ignores editor scratch files in a deck folder', async () => {
    await build();
    await writeFile(p.deck(DARK, '.01-introduction.md.swp'), 'swap');
    await writeFile(p.deck(DARK, '01-introduction.md~'), 'backup');
    expect((await build()).every((r) => r.skipped)).toBe(true);
  });
});
