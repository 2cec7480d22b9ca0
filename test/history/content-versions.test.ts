/**
 * Two versions of the content decks: copy a deck from content/, build it,
 * edit its Markdown, build again, then diff the two version records the
 * builds wrote. The expected lines are what `briefdeck diff` prints.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDecks } from '../../src/build-all.js';
import { compareWith } from '../../src/history/compare.js';
import { formatDiff, summarizeDiff } from '../../src/history/format-diff.js';
import { hasErrors } from '../../src/model/diagnostic.js';
import { FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';

const TREATY = 'russia-north-korea-treaty';
const US = 'us-policy-response';
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Replace text in a section file, failing loudly if the content decks no longer contain it. */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const f = path.join(dir, file);
  const text = readFileSync(f, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file} should contain ${from}`).not.toBe(text);
  writeFileSync(f, next);
}

async function twoBuilds(slug: string, change: (dir: string) => void) {
  const root = mkdtempSync(path.join(tmpdir(), 'briefdeck-versions-'));
  roots.push(root);
  const dir = path.join(root, 'content', slug);
  cpSync(path.join(FIXTURE_DECKS, slug), dir, { recursive: true });
  const opts = { contentDir: path.join(root, 'content'), themesDir: REPO_THEMES, outDir: path.join(root, 'output') };
  const [first] = await buildDecks([slug], opts, { toolVersion: 'test' });
  expect(hasErrors(first.diagnostics)).toBe(false);
  change(dir);
  const [second] = await buildDecks([slug], opts, { toolVersion: 'test' });
  expect(second.skipped, 'the edit must rebuild the deck').toBeFalsy();
  expect(hasErrors(second.diagnostics)).toBe(false);
  const cmp = await compareWith(opts.outDir, slug, { previous: true });
  return { cmp, lines: formatDiff(cmp.diff), summary: summarizeDiff(cmp.diff) };
}

describe('what changed between two builds of the content decks', () => {
  it('a cell of the nation-stance table: names the row key, the column header and the slide', async () => {
    const { lines, summary, cmp } = await twoBuilds(TREATY, (dir) =>
      edit(
        dir,
        '02-russia-and-north-koreas-treaty.md',
        '| Increased military spending; more robust diplomatic initiatives |',
        '| Increased naval spending; more robust diplomatic initiatives |',
      ),
    );
    expect(summary).toBe('updated: 1 table row');
    expect(lines).toEqual([
      'Table row changed: Russia and North Korea’s Treaty · Japan · Potential Shift post-Treaty: "Increased military spending;…" → "Increased naval spending;…" (slide 5)',
      'Slides with changes: 5',
    ]);
    expect(cmp.diff.changes).toEqual([
      expect.objectContaining({
        type: 'cell',
        key: 'Japan',
        column: 'Potential Shift post-Treaty',
        before: 'Increased military spending; more robust diplomatic initiatives',
        slides: [5],
      }),
    ]);
  });

  it('a bullet added and one reworded: a word-level diff for the one, the new text for the other', async () => {
    const { lines, summary } = await twoBuilds(TREATY, (dir) => {
      edit(dir, '02-russia-and-north-koreas-treaty.md', 'joint military exercises', 'joint naval exercises');
      edit(
        dir,
        '02-russia-and-north-koreas-treaty.md',
        '- **International Response:**',
        '- **Cyber Operations:** Both states may coordinate cyber campaigns against regional infrastructure.\n- **International Response:**',
      );
    });
    expect(summary).toBe('updated: 2 bullets');
    expect(lines).toEqual([
      'Bullet changed · Russia and North Korea’s Treaty: Military collaboration: …joint military exercises → joint naval exercises… (slide 4)',
      'Bullet added · Russia and North Korea’s Treaty: "Cyber Operations: Both states may coordinate cyber campaigns against regional infrastructure." (slide 4)',
      'Slides with changes: 4',
    ]);
  });

  it('a section renamed and one removed: the agenda and the renamed section’s new slide numbers', async () => {
    const { lines, summary } = await twoBuilds(TREATY, (dir) => {
      unlinkSync(path.join(dir, '05-the-role-of-international-powers.md'));
      edit(
        dir,
        '07-future-outlook.md',
        '# Future Outlook: Potential Scenarios for East Asia Post-Treaty',
        '# Future Outlook: Scenarios for East Asia after the Treaty',
      );
    });
    expect(summary).toBe('updated: 2 sections');
    // Slides 13–14 before; one statement slide fewer in front of them now.
    expect(lines).toEqual([
      'Section removed: "The Role of International Powers: Navigating Tensions and Alliances" (slide 2)',
      'Section renamed: "Future Outlook: Potential Scenarios for East Asia Post-Treaty" → "Future Outlook: Scenarios for East Asia after the Treaty" (slides 2, 12, 13)',
      'Slides with changes: 2, 12, 13',
    ]);
  });

  it('a paragraph of notes edited: one line for the section, on the slide that carries the notes', async () => {
    const { lines, summary } = await twoBuilds(US, (dir) =>
      edit(
        dir,
        '03-understanding-the-historical-context-of-the-alliance.md',
        'pushed these nations to find common ground',
        'pushed these nations to seek common ground',
      ),
    );
    expect(summary).toBe('updated: notes in 1 section');
    // A prose-only section: its statement slide (6) carries all of its prose as notes; the edit is in the second
    // paragraph.
    expect(lines).toEqual([
      'Notes changed · Understanding the Historical Context of the Alliance: …to find common → to seek common… (slide 6)',
      'Slides with changes: 6',
    ]);
  });

  it('a whitespace-only reflow is not a change, even where the .pptx bytes differ', async () => {
    const { lines, summary, cmp } = await twoBuilds(TREATY, (dir) => {
      // A paragraph re-wrapped, a bullet wrapped onto an indented line, doubled spaces, padded table cells, extra blank
      // lines.
      edit(
        dir,
        '01-introduction.md',
        'volatile world, the evolving dynamics',
        'volatile world,\nthe evolving   dynamics',
      );
      edit(
        dir,
        '02-russia-and-north-koreas-treaty.md',
        'Enhanced arms trade and joint military',
        'Enhanced  arms trade\n  and joint military',
      );
      edit(
        dir,
        '02-russia-and-north-koreas-treaty.md',
        '| Japan | Protective of territorial integrity |',
        '|   Japan   |  Protective of  territorial integrity |',
      );
      edit(dir, '07-future-outlook.md', '\n\nFurthermore,', '\n\n\n\nFurthermore,');
    });
    expect(cmp.from?.version, 'doubled spaces reach the .pptx, so this compares two versions').not.toBe(cmp.to.version);
    expect(summary).toBe('unchanged');
    expect(lines).toEqual(['No changes.']);
    expect(cmp.diff.slides).toEqual([]);
  });
});
