import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/build.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { readPptx } from '../helpers/pptx.js';

const section = `# Sanctions

The measures in force:

- Export controls cover dual-use goods[^dual].
- Shipping insurance is barred[^ins] for tankers.
- Assets of the central bank are frozen[^dual].

[^dual]: Council Regulation (EU) 833/2014, Annex IV.
[^ins]: Price cap coalition statement, December 2022.
`;

describe('footnotes', () => {
  it('raises each marker as a number through the deck and puts the note at the foot of its slide', async () => {
    const c = makeContent({
      d: {
        files: {
          '01-sanctions.md': section,
          '02-energy.md': '# Energy\n\n- Gas flows fell by four fifths[^gas].\n\n[^gas]: ENTSOG transparency data.\n',
        },
      },
    });
    const r = await buildDeck('d', deckOpts(c));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const view = await readPptx(readFileSync(r.file!));
    const sanctions = view.slides.find((s) => s.title === 'Sanctions')!;
    const energy = view.slides.find((s) => s.title === 'Energy')!;
    // Raised numbers: the same note keeps its number.
    const raised = [...sanctions.xml.matchAll(/<a:rPr[^>]*baseline="30000"[^>]*>(?:(?!<\/a:r>).)*<a:t>(\d+)<\/a:t>/gs)];
    expect(raised.map((m) => m[1])).toEqual(['1', '2', '1', '1', '2']);
    expect(sanctions.texts).toContain('Export controls cover dual-use goods1.');
    expect(sanctions.texts).toContain('1 Council Regulation (EU) 833/2014, Annex IV.');
    expect(sanctions.texts).toContain('2 Price cap coalition statement, December 2022.');
    expect(energy.texts).toContain('3 ENTSOG transparency data.');
    expect(sanctions.notes).toContain('[1] Council Regulation (EU) 833/2014, Annex IV.');
    expect(formatValidation(await validatePptx(readFileSync(r.file!)))).toBe('');
  });

  it('places the notes below the body, above the footer, and the body ends above them', async () => {
    const c = makeContent({ d: { files: { '01-sanctions.md': section } } });
    const r = await checkDeck('d', deckOpts(c));
    const s = r.deck!.slides.find((x) => x.title === 'Sanctions')!;
    expect(s.kind).toBe('bullets');
    if (s.kind !== 'bullets') return;
    const foot = s.footnotes!;
    expect(foot.box.y).toBeGreaterThanOrEqual(s.body.box.y + s.body.box.h);
    expect(foot.levels[0].size).toBeLessThan(s.body.levels[0].size);
  });

  it('reports a marker without a definition at its position, and an unused definition as a warning', async () => {
    const c = makeContent({
      d: { files: { '01-a.md': '# A\n\n- One claim[^x] and another[^nope].\n\n[^x]: fine\n[^spare]: never used\n' } },
    });
    const r = await checkDeck('d', deckOpts(c));
    const undefinedNote = r.diagnostics.find((d) => d.code === 'footnote-undefined')!;
    expect(undefinedNote.severity).toBe('error');
    expect(undefinedNote.position).toMatchObject({ line: 3, column: 28 });
    expect(undefinedNote.message).toContain('`[^nope]`');
    const unused = r.diagnostics.find((d) => d.code === 'footnote-unused')!;
    expect(unused.severity).toBe('warning');
    expect(unused.position).toMatchObject({ line: 6, column: 1 });
    expect(r.deck).toBeUndefined();
  });
});
