import { openSync, type Font } from 'fontkit';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFontBook, LINE_PITCH_EM } from '../../../src/plan/measure/font-book.js';
import { DEFAULT_FONTS_DIR, measurableFaces, resolveFontFiles } from '../../../src/plan/measure/font-registry.js';
import { gridWidth, pxPerEm } from '../../../src/plan/measure/layout-grid.js';
import { MISSING_GLYPH_EM } from '../../../src/plan/measure/missing-glyph.js';

const book = createFontBook();
const body = { face: 'Calibri' };

describe('font registry', () => {
  it('resolves every measurable face, case-insensitively', () => {
    for (const face of measurableFaces()) {
      const files = resolveFontFiles(face.toUpperCase());
      expect(files, face).toBeDefined();
    }
    expect(resolveFontFiles('calibri')?.bold).toMatch(/Carlito-Bold\.ttf$/);
    expect(resolveFontFiles(' Helvetica ')?.regular).toMatch(/LiberationSans-Regular\.ttf$/);
    expect(resolveFontFiles('Courier New')?.boldItalic).toMatch(/LiberationMono-Bold\.ttf$/);
  });

  it('refuses faces it cannot measure, and missing files', () => {
    expect(resolveFontFiles('Comic Sans MS')).toBeUndefined();
    expect(resolveFontFiles('Calibri Light')).toBeUndefined();
    expect(resolveFontFiles('Calibri', '/nonexistent')).toBeUndefined();
    expect(book.has('Aptos')).toBe(false);
    expect(() => book.width('x', { face: 'Aptos' }, 12)).toThrow(/Aptos/);
  });
});

describe('font book', () => {
  it('is fontkit layout() laid out on the 600-dpi grid', () => {
    for (const [file, face] of [['Carlito-Regular', 'Calibri'], ['LiberationSans-Bold', 'Arial']]) {
      const font = openSync(join(DEFAULT_FONTS_DIR, `${file}.ttf`)) as Font;
      const style = { face, bold: file.endsWith('Bold') };
      for (const s of ['Quarterly revenue rose, AVATAR office', 'fluffy affixes', 'Тверь 4,7 млрд']) {
        const advances = font.layout(s).positions.map((p) => p.xAdvance);
        expect(book.width(s, style, 18), s).toBeCloseTo(gridWidth(advances, font.unitsPerEm, 18), 9);
        const ideal = (font.layout(s).advanceWidth / font.unitsPerEm) * 18;
        expect(Math.abs(book.width(s, style, 18) - ideal) / ideal).toBeLessThan(0.005);
      }
    }
  });

  it('rounds the size and each advance like LibreOffice', () => {
    expect(pxPerEm(14)).toBe(117); // 14 pt = 494/100 mm = 116.7 px
    expect(pxPerEm(18)).toBe(150);
    expect(pxPerEm(24)).toBe(200);
    expect(gridWidth([1000, 1000], 2048, 24)).toBeCloseTo((2 * Math.round((1000 * 200) / 2048) * 72) / 600, 9);
  });

  it('scales about linearly with size and shares metrics between Calibri and Carlito', () => {
    const w12 = book.width('Revenue', body, 12);
    expect(Math.abs(book.width('Revenue', body, 24) / (2 * w12) - 1)).toBeLessThan(0.01);
    expect(book.width('Revenue', { face: 'Carlito' }, 12)).toBe(book.width('Revenue', body, 12));
    expect(book.width('Revenue', { face: 'Arial' }, 12)).not.toBe(book.width('Revenue', body, 12));
  });

  it('measures bold wider than regular, and mono at 0.6 em', () => {
    const s = 'Quarterly revenue rose';
    expect(book.width(s, { face: 'Calibri', bold: true }, 18)).toBeGreaterThan(book.width(s, body, 18));
    expect(book.width(s, { face: 'Arial', bold: true }, 18)).toBeGreaterThan(book.width(s, { face: 'Arial' }, 18));
    const mono = book.width('abcdefghij', { face: 'Courier New' }, 10);
    expect(mono).toBeCloseTo(10 * book.width('W', { face: 'Courier New' }, 10), 9);
    expect(mono).toBeCloseTo(60, 0); // 1229/2048 em a character
    expect(book.width('abcdefghij', { face: 'Courier New', italic: true }, 10)).toBe(mono);
  });

  it('gives positive widths to Cyrillic, Greek, Hangul, CJK and emoji', () => {
    for (const face of ['Calibri', 'Arial', 'Courier New']) {
      for (const s of ['Привет', 'Ελληνικά', '한국어', '中文', '😀', '👩‍💻', 'ﬁ']) {
        expect(book.width(s, { face }, 12), `${face} ${s}`).toBeGreaterThan(0);
      }
    }
  });

  it('prices glyphs the font lacks with the safe over-estimates, never .notdef', () => {
    // Carlito has no Hangul, no CJK and no emoji. At 24 pt the grid is exact (200 px/em).
    expect(book.width('한국어', body, 24)).toBeCloseTo(3 * MISSING_GLYPH_EM.wide * 24, 6);
    expect(book.width('中', body, 24)).toBeCloseTo(MISSING_GLYPH_EM.wide * 24, 6);
    expect(book.width('😀', body, 24)).toBeCloseTo(MISSING_GLYPH_EM.emoji * 24, 6);
    // ZWJ and variation selectors are invisible; the emoji around them are not.
    expect(book.width('👩\u200d💻', body, 24)).toBeCloseTo(2 * MISSING_GLYPH_EM.emoji * 24, 6);
    expect(book.width('❤\ufe0f', body, 24)).toBeCloseTo(MISSING_GLYPH_EM.emoji * 24, 6);
    // Mixed text: present glyphs keep their real width.
    const mixed = book.width('a한b', body, 24);
    expect(mixed).toBeCloseTo(book.width('a', body, 24) + MISSING_GLYPH_EM.wide * 24 + book.width('b', body, 24), 6);
    // Hebrew is absent from Carlito.
    expect(book.width('שלום', body, 24)).toBeCloseTo(4 * MISSING_GLYPH_EM.other * 24, 6);
  });

  it('has a line pitch of 1.2 × size for every face', () => {
    for (const face of measurableFaces()) expect(book.lineHeight(face, 20)).toBeCloseTo(LINE_PITCH_EM * 20, 9);
    expect(LINE_PITCH_EM).toBe(1.2);
  });

  it('returns 0 for the empty string', () => {
    expect(book.width('', body, 12)).toBe(0);
  });
});
