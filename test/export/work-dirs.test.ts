import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { exportDecks } from '../../src/export/export-decks.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

it("removes work folders abandoned by a killed run (over an hour old), keeps a running one's, and writes the gallery", async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-work-'));
  dirs.push(out);
  await mkdir(path.join(out, '.export-abandoned', 'pdf'), { recursive: true });
  const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
  await utimes(path.join(out, '.export-abandoned'), old, old);
  await mkdir(path.join(out, '.export-running'));
  // No decks: no LibreOffice needed.
  expect(await exportDecks([], { contentDir: out, themesDir: out, outDir: out }, { pdf: true, png: true })).toEqual([]);
  expect((await readdir(out)).sort()).toEqual(['.export-running', 'index.html']);
});
