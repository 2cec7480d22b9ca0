import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/build-all.js';
import type { DeckOptions } from '../../src/build.js';
import { compareWith } from '../../src/history/compare.js';
import { readHistory, versionsDir } from '../../src/history/version-store.js';
import { sha256 } from '../../src/util/hash.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

function setup(keepVersions?: number) {
  const c = makeContent({ d: { files: { '01-a.md': '# Alpha\n\n- first point\n' } } });
  const opts: DeckOptions = { ...deckOpts(c), keepVersions };
  const write = (bullet: string) => writeFileSync(path.join(c.content, 'd', '01-a.md'), `# Alpha\n\n- ${bullet}\n`);
  const build = async (o: { force?: boolean } = {}) =>
    (await buildDecks(['d'], opts, { toolVersion: 'test', ...o }))[0];
  const pptxVersion = () => sha256(readFileSync(path.join(c.out, 'd.pptx')));
  const dir = versionsDir(c.out, 'd');
  const files = () => readdirSync(dir).sort();
  return {
    c,
    opts,
    write,
    build,
    pptxVersion,
    dir,
    files,
    cleanup: () => rmSync(c.root, { recursive: true, force: true }),
  };
}

describe('version records beside the build', () => {
  it('one gzip JSON record per version, named by the .pptx sha256; the history lists builds oldest first', async () => {
    const t = setup();
    await t.build();
    const v1 = t.pptxVersion();
    t.write('second point');
    await t.build();
    const v2 = t.pptxVersion();
    expect(t.files()).toEqual([`${v1}.json.gz`, `${v2}.json.gz`, 'history.json'].sort());
    const record = JSON.parse(gunzipSync(readFileSync(path.join(t.dir, `${v2}.json.gz`))).toString('utf8'));
    expect(record).toMatchObject({
      format: 1,
      deck: 'd',
      version: v2,
      sections: [{ slug: 'a', title: 'Alpha', blocks: [{ kind: 'bullets', bullets: [{ text: 'second point' }] }] }],
    });
    const { history } = await readHistory(t.c.out, 'd');
    expect(history.versions.map((e) => e.version)).toEqual([v1, v2]);
    expect(history.pruned).toBe(0);
    expect(t.files().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    t.cleanup();
  });

  it('records what the mail states about the deck: its date, organisation, file timestamp and build warnings (files relative to the content folder)', async () => {
    const c = makeContent({
      d: {
        yaml: 'title: D\ndate: "2026-01-02"\norganization: "Unit  X"\n',
        files: { '01-a.md': '# Alpha\n\n- a **bold point\n' },
      },
    });
    const [r] = await buildDecks(['d'], deckOpts(c), { toolVersion: 'test' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unmatched-emphasis']);
    const record = JSON.parse(
      gunzipSync(
        readFileSync(path.join(versionsDir(c.out, 'd'), `${sha256(readFileSync(path.join(c.out, 'd.pptx')))}.json.gz`)),
      ).toString('utf8'),
    );
    expect(record).toMatchObject({ date: '2026-01-02', organization: 'Unit X', timestamp: '2026-01-02T00:00:00Z' });
    expect(record.warnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'unmatched-emphasis',
        position: { file: 'd/01-a.md', line: 3, column: expect.any(Number) },
      }),
    ]);
    rmSync(c.root, { recursive: true, force: true });
  });

  it('keeps the newest `keep` versions and deletes older records', async () => {
    const t = setup(2);
    const versions: string[] = [];
    for (const b of ['one', 'two', 'three']) {
      t.write(b);
      await t.build();
      versions.push(t.pptxVersion());
    }
    expect(t.files()).toEqual([`${versions[1]}.json.gz`, `${versions[2]}.json.gz`, 'history.json'].sort());
    const { history } = await readHistory(t.c.out, 'd');
    expect([history.versions.map((e) => e.version), history.pruned]).toEqual([versions.slice(1), 1]);
    t.cleanup();
  });

  it('a rebuild that gives the same deck is one version, rebuilt: compared with its previous build it is unchanged', async () => {
    const t = setup();
    await t.build();
    t.write('second point');
    await t.build();
    await t.build({ force: true });
    const { history } = await readHistory(t.c.out, 'd');
    expect(history.versions).toHaveLength(2);
    expect(history.versions[1].rebuiltAt).toBeDefined();
    const cmp = await compareWith(t.c.out, 'd', { previous: true });
    expect([cmp.from?.version, cmp.diff.changes]).toEqual([t.pptxVersion(), []]);
    t.cleanup();
  });

  it('a deleted record is a missing build output: the next build rebuilds the deck and writes it again', async () => {
    const t = setup();
    await t.build();
    expect((await t.build()).skipped).toBe(true);
    rmSync(path.join(t.dir, `${t.pptxVersion()}.json.gz`));
    expect((await t.build()).skipped).toBeFalsy();
    expect(t.files()).toContain(`${t.pptxVersion()}.json.gz`);
    t.cleanup();
  });

  it('a corrupt history starts again instead of failing the build', async () => {
    const t = setup();
    await t.build();
    writeFileSync(path.join(t.dir, 'history.json'), '{ not json');
    t.write('second point');
    const r = await t.build();
    expect(r.skipped).toBeFalsy();
    const { history, problem } = await readHistory(t.c.out, 'd');
    expect([history.versions.map((e) => e.version), problem]).toEqual([[t.pptxVersion()], undefined]);
    t.cleanup();
  });
});
