import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSync, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONTS_DIR } from '../../../src/plan/measure/font-registry.js';
import { createSimpleShaper, scriptOf, scriptTag, type Script } from '../../../src/plan/measure/simple-shaper.js';

const FILES = [
  'Carlito-Regular', 'Carlito-Bold', 'Carlito-Italic', 'Carlito-BoldItalic',
  'LiberationSans-Regular', 'LiberationSans-Bold', 'LiberationSans-Italic', 'LiberationSans-BoldItalic',
  'LiberationMono-Regular', 'LiberationMono-Bold',
];

const corpus = readFileSync(new URL('../../fixtures/measure/corpus.txt', import.meta.url), 'utf8');
const words = [...new Set(corpus.split(/\s+/).filter(Boolean))];
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,\'"-ГДУЯТЬгдуят';
const pairs: string[] = [];
for (const a of alphabet) for (const b of alphabet) pairs.push(a + b);

const fontkitShape = (font: Font, s: string, script: Script) => {
  const run = font.layout(s, [], scriptTag(script));
  let end = 0;
  const ends = run.glyphs.map((g) => (end += g.codePoints.reduce((n, cp) => n + (cp > 0xffff ? 2 : 1), 0)));
  return { advances: run.positions.map((p) => p.xAdvance), ends };
};

describe('simple shaper', () => {
  it.each(FILES)('%s: equals fontkit layout() wherever it answers', (name) => {
    const font = openSync(join(DEFAULT_FONTS_DIR, `${name}.ttf`)) as Font;
    const shaper = createSimpleShaper(font);
    const mismatches: string[] = [];
    let answered = 0;
    const tries: [string, Script][] = [...words, ...pairs].map((s) => [s, scriptOf(s)]);
    // Digits and punctuation shaped inside Latin or Cyrillic text.
    for (const s of ['7/11', '2011', '1,234.56', '(11)', '4,7']) tries.push([s, 'latn'], [s, 'cyrl']);
    for (const [s, script] of tries) {
      const fast = shaper.shape(s, script);
      if (fast === undefined) continue;
      answered++;
      const slow = fontkitShape(font, s, script);
      if (fast.advances.join() !== slow.advances.join() || fast.ends.join() !== slow.ends.join()) {
        mismatches.push(`${JSON.stringify(s)} ${script}: fast ${fast.advances} | ${fast.ends} fontkit ${slow.advances} | ${slow.ends}`);
      }
    }
    expect(mismatches).toEqual([]);
    // It must actually take the fast path for ordinary words.
    expect(answered).toBeGreaterThan(0.8 * tries.length);
  }, 30_000);

  it('kerns across word boundaries like fontkit shaping the whole run', () => {
    const font = openSync(join(DEFAULT_FONTS_DIR, 'LiberationSans-Regular.ttf')) as Font;
    const shaper = createSimpleShaper(font);
    const space = shaper.glyphId(32);
    const a = shaper.glyphId(0x41);
    const whole = fontkitShape(font, 'the AVATAR', 'latn').advances;
    // "space A" is a kerning pair in Liberation Sans: it lives on the space.
    expect(shaper.kern(space, a, 'latn')).toBe(whole[3] - font.glyphForCodePoint(32).advanceWidth);
    expect(shaper.kern(space, a, 'latn')).toBeLessThan(0);
  });

  it('declines what needs full shaping', () => {
    const font = openSync(join(DEFAULT_FONTS_DIR, 'Carlito-Regular.ttf')) as Font;
    const shaper = createSimpleShaper(font);
    expect(shaper.shape('e\u0301', 'latn')).toBeUndefined(); // a combining mark
    expect(shaper.shape('가', 'zyyy')).toBeUndefined();
    expect(shaper.shape('Wave', 'latn')?.advances).toHaveLength(4);
  });

  it('applies ligatures: in Carlito ffi and tt are one glyph, one cluster', () => {
    const font = openSync(join(DEFAULT_FONTS_DIR, 'Carlito-Regular.ttf')) as Font;
    const shaper = createSimpleShaper(font);
    expect(shaper.shape('office', 'latn')?.ends).toEqual([1, 4, 5, 6]);
    expect(shaper.shape('committee', 'latn')?.ends).toEqual([1, 2, 3, 4, 5, 7, 8, 9]);
  });
});
