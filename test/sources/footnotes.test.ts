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

describe('Sources slides', () => {
  const long = (k: number) =>
    `Note ${k}: ${'a long explanation of the method, the sample and the caveats that apply, '.repeat(4)}end ${k}.`;

  it('lists notes too long for their slide, then link addresses with their slides, before closing', async () => {
    const c = makeContent({
      d: {
        files: {
          '01-a.md':
            '# A\n\n- A claim[^big] with [the data](https://example.org/data.csv).\n\n' +
            `[^big]: ${[1, 2, 3, 4, 5, 6].map(long).join(' ')}\n`,
          '02-b.md': '# B\n\n- Again [the data](https://example.org/data.csv) and <https://example.com/x>.\n',
        },
      },
    });
    const r = await buildDeck('d', deckOpts(c));
    const view = await readPptx(readFileSync(r.file!));
    const titles = view.slides.map((s) => s.title);
    expect(titles.at(-1)).toBe('Questions and discussion');
    expect(titles.at(-2)).toBe('Sources');
    const sources = view.slides.at(-2)!;
    const a = view.slides.find((s) => s.title === 'A')!;
    expect(a.texts.some((t) => t.startsWith('1 Note 1'))).toBe(false);
    expect(sources.texts).toContain('Notes');
    expect(sources.texts.some((t) => t.startsWith('1 Note 1:') && t.endsWith('end 6.'))).toBe(true);
    const aNo = titles.indexOf('A') + 1;
    const bNo = titles.indexOf('B') + 1;
    expect(sources.texts).toContain(`the data: https://example.org/data.csv (slides ${aNo}, ${bNo})`);
    expect(sources.texts).toContain(`https://example.com/x (slide ${bNo})`);
  });

  it('continues on Sources (cont.) slides, hiding nothing; none with `sources: false` or nothing to list', async () => {
    const notes = Array.from({ length: 30 }, (_, k) => `[^n${k}]: ${long(k)}`).join('\n');
    const prose = `# A\n\nProse only${Array.from({ length: 30 }, (_, k) => `[^n${k}]`).join('')}.\n\n${notes}\n`;
    const c = makeContent({
      on: { files: { '01-a.md': prose } },
      off: { yaml: 'title: off\nsources: false\n', files: { '01-a.md': prose } },
      none: { files: { '01-a.md': '# A\n\n- Nothing to cite.\n' } },
    });
    const on = await buildDeck('on', deckOpts(c));
    const view = await readPptx(readFileSync(on.file!));
    const src = view.slides.filter((s) => s.title?.startsWith('Sources'));
    expect(src.length).toBeGreaterThan(1);
    expect(src.slice(1).every((s) => s.title === 'Sources (cont.)' || /^Sources \(cont\. \d+\)$/.test(s.title!))).toBe(
      true,
    );
    // Each note once: at the foot of the slide while a quarter of its body holds it, the others on Sources.
    const all = view.slides.flatMap((s) => s.texts).join(' ');
    for (let k = 0; k < 30; k++) expect(all.split(`end ${k}.`)).toHaveLength(2);
    expect(src.flatMap((s) => s.texts).join(' ')).toContain('end 29.');
    const off = await checkDeck('off', deckOpts(c));
    expect(off.deck!.slides.some((s) => s.kind === 'sources')).toBe(false);
    expect(off.diagnostics.some((d) => d.code === 'footnote-in-notes-only')).toBe(true);
    const none = await checkDeck('none', deckOpts(c));
    expect(none.deck!.slides.some((s) => s.kind === 'sources')).toBe(false);
  });

  it('keeps a callout placed below the content clear of the footnotes at the foot of the same slide', async () => {
    // More bullets push the callout down until it no longer fits above the notes and goes on a slide of its own.
    const section = (n: number) =>
      `# Measures\n\n${Array.from({ length: n }, (_, k) => `- Export controls cover dual-use goods, item ${k}[^a].`).join('\n')}` +
      '\n\n> [!IMPORTANT]\n> Pyongyang will test again before the summit, and these measures will not stop it.\n\n' +
      `[^a]: ${'Council Regulation (EU) 833/2014, Annex IV, as amended by the twelfth package in December 2023. '.repeat(3)}\n`;
    const c = makeContent(
      Object.fromEntries([4, 5, 6, 7, 8, 9].map((n) => [`d${n}`, { files: { '01-a.md': section(n) } }])),
    );
    const joined: number[] = [];
    for (const n of [4, 5, 6, 7, 8, 9]) {
      const r = await checkDeck(`d${n}`, deckOpts(c));
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      for (const s of r.deck!.slides) {
        if (s.kind !== 'bullets' || !s.callouts?.length || !s.footnotes) continue;
        joined.push(n);
        for (const co of s.callouts) expect(co.box.y + co.box.h).toBeLessThanOrEqual(s.footnotes.box.y);
      }
    }
    // The shorter sections share their slide with the callout; the longer ones give it a slide of its own.
    expect(joined).toEqual([4, 5, 6, 7]);
  });
});

describe('what changed knows sources', () => {
  it('reports an added reference, a changed footnote and a removed link as change lines', async () => {
    const { deckToVersion } = await import('../../src/history/deck-to-version.js');
    const { diffVersions } = await import('../../src/history/diff-versions.js');
    const { describeChange } = await import('../../src/history/describe-change.js');
    const bib = (extra: string) =>
      `@book{doe2019, author={Doe, John}, title={Deterrence}, publisher={Polity}, year=2019}\n${extra}`;
    const v1 = makeContent({
      d: {
        yaml: 'title: d\nbibliography: s.bib\n',
        files: {
          's.bib': bib(''),
          '01-a.md': '# A\n\n- Claim [@doe2019].\n- Data[^d] at <https://example.org/old>.\n\n[^d]: Eurostat, 2024.\n',
        },
      },
    });
    const v2 = makeContent({
      d: {
        yaml: 'title: d\nbibliography: s.bib\n',
        files: {
          's.bib': bib('@book{roe2021, author={Roe, Ann}, title={Escalation}, publisher={Hurst}, year=2021}\n'),
          '01-a.md': '# A\n\n- Claim [@doe2019; @roe2021].\n- Data[^d].\n\n[^d]: Eurostat, 2025 edition.\n',
        },
      },
    });
    const version = async (c: ReturnType<typeof makeContent>, id: string) => {
      const r = await checkDeck('d', deckOpts(c));
      return deckToVersion(r.deck!, r.article!, id);
    };
    const diff = diffVersions(await version(v1, 'a'), await version(v2, 'b'));
    const lines = diff.changes.filter((c) => c.type === 'source').map((c) => describeChange(c).head);
    expect(lines.sort()).toEqual(['Footnote changed', 'Link removed', 'Reference added']);
    const added = diff.changes.find((c) => c.type === 'source' && c.action === 'added');
    expect(added).toMatchObject({ kind: 'reference', text: 'Roe, Ann. 2021. Escalation. Hurst.' });
  });
});
