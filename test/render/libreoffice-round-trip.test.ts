/**
 * A briefer's other editor: LibreOffice opens each deck and saves it again
 * as .pptx. What a briefer relies on must survive the trip: slide titles,
 * table cells and speaker notes.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { deckOpts, makeContent, FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';
import { convertWithLibreOffice } from '../helpers/pdf.js';
import { readPptx, type PptxView } from '../helpers/pptx.js';
import { haveTools } from '../helpers/tools.js';

const tools = haveTools('soffice');
const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!tools)('LibreOffice round trip', () => {
  const pairs: { name: string; ours: PptxView; back: PptxView }[] = [];
  beforeAll(async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'round-trip-'));
    const back = path.join(out, 'back');
    mkdirSync(back);
    const c = makeContent({ stress: stressDeck });
    const files: string[] = [];
    for (const [slug, opts] of [
      ['russia-north-korea-treaty', { contentDir: FIXTURE_DECKS, themesDir: REPO_THEMES, outDir: out }],
      [
        'us-policy-response',
        { contentDir: FIXTURE_DECKS, themesDir: REPO_THEMES, outDir: out, theme: 'briefing-dark' },
      ],
      ['stress', { ...deckOpts(c), outDir: out }],
    ] as const) {
      files.push((await buildDeck(slug, opts)).file!);
    }
    const saved = convertWithLibreOffice(files, back, 'pptx');
    for (let i = 0; i < files.length; i++)
      pairs.push({
        name: path.basename(files[i]),
        ours: await readPptx(readFileSync(files[i])),
        back: await readPptx(readFileSync(saved[i])),
      });
  }, 180_000);

  it('keeps every slide title, in its title placeholder', () => {
    for (const p of pairs)
      expect(
        p.back.slides.map((s) => norm(s.title)),
        p.name,
      ).toEqual(p.ours.slides.map((s) => norm(s.title)));
  });

  it('keeps every table cell', () => {
    for (const p of pairs)
      expect(
        p.back.slides.map((s) => s.tables.map((t) => t.map((row) => row.map(norm)))),
        p.name,
      ).toEqual(p.ours.slides.map((s) => s.tables.map((t) => t.map((row) => row.map(norm)))));
  });

  it('keeps the speaker notes', () => {
    for (const p of pairs) {
      const notes = (v: PptxView) => v.slides.map((s) => norm(s.notes));
      expect(notes(p.back), p.name).toEqual(notes(p.ours));
      if (!p.name.startsWith('stress')) expect(notes(p.ours).filter(Boolean).length, p.name).toBeGreaterThan(5);
    }
  });
});
