import { describe, expect, it } from 'vitest';
import type { FontRef, FontVariant } from '../../src/measure/font-files.js';
import { completeFaces, familiesOf } from '../../src/measure/font-variants.js';

const ref = (file: string): FontRef => ({ file, index: 0 });
/** Which file draws each style of a family that has only `styles`. */
const drawn = (...styles: FontVariant[]) => {
  const c = completeFaces(Object.fromEntries(styles.map((s) => [s, ref(s)])))!;
  return { ...Object.fromEntries(Object.entries(c.files).map(([v, r]) => [v, r.file])), synthesized: c.synthesized };
};

describe('completeFaces: a style the family lacks borrows the file LibreOffice 7.4 draws it with', () => {
  // Each case was rendered with LibreOffice 7.4 from Carlito families with files removed.
  it('keeps the weight before the slant', () => {
    expect(drawn('regular', 'bold', 'italic')).toEqual({
      regular: 'regular',
      bold: 'bold',
      italic: 'italic',
      boldItalic: 'bold',
      synthesized: ['boldItalic'],
    });
    expect(drawn('regular', 'boldItalic')).toEqual({
      regular: 'regular',
      bold: 'boldItalic',
      italic: 'regular',
      boldItalic: 'boldItalic',
      synthesized: ['bold', 'italic'],
    });
    expect(drawn('bold', 'italic')).toEqual({
      regular: 'italic',
      bold: 'bold',
      italic: 'italic',
      boldItalic: 'bold',
      synthesized: ['regular', 'boldItalic'],
    });
    expect(drawn('regular', 'bold')).toEqual({
      regular: 'regular',
      bold: 'bold',
      italic: 'regular',
      boldItalic: 'bold',
      synthesized: ['italic', 'boldItalic'],
    });
    expect(drawn('regular')).toEqual({
      regular: 'regular',
      bold: 'regular',
      italic: 'regular',
      boldItalic: 'regular',
      synthesized: ['bold', 'italic', 'boldItalic'],
    });
  });

  it('has nothing for a family with no file', () => {
    expect(completeFaces({})).toBeUndefined();
  });
});

describe('familiesOf', () => {
  it('keys families like face names and keeps the first file of a style', () => {
    const f = familiesOf([
      { ref: ref('a.ttf'), families: ['Brand Sans'], variant: 'regular' },
      { ref: ref('b.ttf'), families: ['BRAND  SANS', 'Marque Sans'], variant: 'regular' },
      { ref: ref('c.ttf'), families: ['Brand Sans'], variant: 'bold' },
    ]);
    expect(f.get('brand sans')).toEqual({ name: 'Brand Sans', faces: { regular: ref('a.ttf'), bold: ref('c.ttf') } });
    expect(f.get('marque sans')?.faces.regular).toEqual(ref('b.ttf'));
  });
});
