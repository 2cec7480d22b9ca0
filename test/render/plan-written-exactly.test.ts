import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { safeRuns } from '../../src/model/safe-text.js';
import { deckOpts, makeContent } from '../helpers/decks.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { checkPackage } from '../helpers/package-check.js';
import { plannedParagraphs, writtenParagraphs } from '../helpers/written-paragraphs.js';

/** Build one section beside a valid deck in the same content folder; both must build. */
async function build(section: string) {
  const c = makeContent({
    odd: { files: { '01-odd.md': section } },
    plain: { files: { '01-a.md': '# Plain\n\n- a valid deck beside it\n' } },
  });
  const r = await buildDeck('odd', deckOpts(c));
  const beside = await buildDeck('plain', deckOpts(c));
  expect(beside.pptx, 'the valid deck beside it builds').toBeDefined();
  return r;
}

/** Every planned paragraph is one written paragraph with the same level and text; the package is valid. */
async function expectWrittenAsPlanned(section: string) {
  const r = await build(section);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.pptx).toBeDefined();
  expect(await writtenParagraphs(r.pptx!)).toEqual(plannedParagraphs(r.deck!, r.theme!));
  expect(checkPackage(r.pptx!)).toEqual([]);
  expect(formatValidation(await validatePptx(r.pptx!))).toBe('');
  return r;
}

describe('the plan is written exactly, whatever the text holds', { timeout: 60_000 }, () => {
  it('issue 18: a list item holding an indented code block with blank lines builds, its lines as line breaks', async () => {
    const r = await expectWrittenAsPlanned('# Example\n\n- Foo\n\n      bar\n\n\n      baz\n');
    const written = (await writtenParagraphs(r.pptx!)).flat(2).map((p) => p.text);
    expect(written).toContain('Foo\nbar\n\n\nbaz');
  });

  it('a fenced code block of two lines inside a list item', async () => {
    const r = await expectWrittenAsPlanned('# Fenced\n\n- item\n\n  ```\n  line one\n  line two\n  ```\n- next\n');
    expect((await writtenParagraphs(r.pptx!)).flat(2).map((p) => p.text)).toContain('item\nline one\nline two');
  });

  it('tabs, VT, FF, U+2028/9, NUL and C0, lone surrogates, combining marks, RTL and emoji', async () => {
    const odd = 'a\tb c\u000bd\u000ce\u2028f\u2029g \u0000h\u0001i \ud800j\udc00k e\u0301 العربية 👩‍👩‍👧 🇺🇳';
    await expectWrittenAsPlanned(
      `# Characters\n\n${odd}\n\n- ${odd}\n  - nested ${odd}\n\n> ${odd}\n\n| a | b |\n|---|---|\n| ${odd} | x |\n\n\`\`\`\n${odd}\n\`\`\`\n`,
    );
  });
});

describe('the one sanitiser (model/safe-text.ts)', () => {
  it('turns every line break into a break inside the paragraph, drops what XML cannot hold, and is idempotent', () => {
    const runs = safeRuns([{ text: 'a\r\nb\u2028c\u0000d\ud800', bold: true }]);
    expect(runs).toEqual([
      { text: 'a', bold: true },
      { text: 'b', bold: true, breakBefore: true },
      { text: 'cd\ufffd', bold: true, breakBefore: true },
    ]);
    expect(safeRuns(runs)).toEqual(runs);
    const clean = [{ text: 'plain 👍 text' }];
    expect(safeRuns(clean)).toEqual(clean);
  });
});
