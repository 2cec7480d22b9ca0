import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const codes = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.severity} ${d.code} ${d.position.file.split('/').pop()}:${d.position.line}:${d.position.column}`);
const check = (files: Record<string, string | Uint8Array>) => checkDeck('d', deckOpts(makeContent({ d: { files } })));

describe('validation rules', () => {
  it('a deck with no sections is an error on deck.yaml', async () => {
    expect(codes((await check({})).diagnostics)).toEqual(['error no-sections deck.yaml:1:1']);
  });

  it('an empty section is a warning', async () => {
    expect(codes((await check({ '01-a.md': '# Empty\n' })).diagnostics)).toEqual(['warning empty-section 01-a.md:1:1']);
  });

  it('images must stay inside the deck folder', async () => {
    const md = '# Maps\n\n![up](../secret.png)\n\n![abs](/etc/passwd)\n\n![web](https://example.org/x.png)\n';
    const r = await check({ '01-a.md': md });
    expect(codes(r.diagnostics)).toEqual([
      'error image-outside-deck 01-a.md:3:1',
      'error image-outside-deck 01-a.md:5:1',
      'error image-outside-deck 01-a.md:7:1',
    ]);
    expect(r.diagnostics[0].message).toContain('leaves the deck folder');
  });

  it('refuses text longer than 2,000 characters without a break opportunity, wherever it is, and keeps long breakable text', async () => {
    const blob = 'A'.repeat(2001);
    const r = await check({
      '01-a.md': `# Keys\n\n- ${blob}\n\n| k | v |\n| --- | --- |\n| key | x${blob} |\n\n\`\`\`\n${blob}\n\`\`\`\n`,
    });
    expect(codes(r.diagnostics)).toEqual([
      'error unbreakable-text 01-a.md:3:1',
      'error unbreakable-text 01-a.md:7:1',
      'error unbreakable-text 01-a.md:10:1',
    ]);
    expect(r.diagnostics[0].message).toContain('2,001 characters');
    // At the limit, and long text that can break (words, or CJK, which breaks between ideographs), pass.
    const ok = await check({
      '01-a.md': `# Fine\n\n- ${'A'.repeat(2000)}\n- ${'word '.repeat(1000)}\n- ${'中'.repeat(3000)}\n`,
    });
    expect(codes(ok.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
  });

  it('warns where PowerPoint’s accessibility checker would: no alt text, an empty table header, a repeated slide title', async () => {
    const r = await check({
      '01-a.md': '# Maps\n\n![](images/a.png)\n\n|  |  |\n| --- | --- |\n| x | y |\n',
      '02-b.md': '# Maps\n\n- again\n',
      'images/a.png': PNG_1x1,
    });
    expect(codes(r.diagnostics)).toEqual([
      'warning image-alt-missing 01-a.md:3:1',
      'warning table-header-empty 01-a.md:5:1',
      'warning duplicate-slide-title 02-b.md:3:1',
    ]);
    // Within a section, slides of one title are numbered apart instead.
    const one = await check({ '01-a.md': '# Plan\n\n- a\n\n| k | v |\n| --- | --- |\n| x | y |\n' });
    expect(codes(one.diagnostics)).toEqual([]);
    expect(one.deck!.slides.map((s) => s.title)).toEqual([
      'd',
      'Agenda',
      'Plan',
      'Plan (cont.)',
      'Questions and discussion',
    ]);
  });

  it('a missing image is an error naming the expected file', async () => {
    const r = await check({ '01-a.md': '# Maps\n\nSee:\n\n![map](images/missing.png)\n' });
    expect(codes(r.diagnostics)).toEqual(['error image-missing 01-a.md:5:1']);
  });

  it('an image inside the deck folder plans an image slide with its alt text', async () => {
    const r = await check({
      '01-a.md': '# Maps\n\n![The region](images/map.png "Figure 1")\n',
      'images/map.png': PNG_1x1,
    });
    expect(r.diagnostics).toEqual([]);
    const slide = r.deck!.slides.find((s) => s.kind === 'image');
    expect(slide && slide.kind === 'image' && slide.image.alt).toBe('The region');
  });

  it('converts SVG to PNG with sharp', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="red"/></svg>';
    const r = await check({ '01-a.md': '# Chart\n\n![chart](images/c.svg)\n', 'images/c.svg': svg });
    const slide = r.deck!.slides.find((s) => s.kind === 'image');
    if (!slide || slide.kind !== 'image') throw new Error('no image slide');
    expect(slide.image.mime).toBe('image/png');
    expect(Buffer.from(slide.image.data).subarray(1, 4).toString()).toBe('PNG');
    expect(slide.image.box.w / slide.image.box.h).toBeCloseTo(2, 2);
  });

  it('points out a name spelled two ways without changing it', async () => {
    const md = '# T\n\n- North Korea and North Korea\n- North korea once\n';
    const r = await check({ '01-a.md': md });
    expect(codes(r.diagnostics)).toEqual(['warning spelling-variant 01-a.md:4:1']);
    expect(r.diagnostics[0].message).toBe('Spelling `North korea` (1×) differs from `North Korea` used elsewhere (2×)');
  });
});
