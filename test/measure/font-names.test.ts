import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONTS_DIR as DEFAULT } from '../../src/measure/font-files.js';
import { fontNames } from '../../src/measure/font-names.js';
import { openFont } from '../../src/measure/font-set.js';
import { shapeText } from '../../src/measure/shape.js';
import { fontCollection, renamedFont, shippedFont } from '../helpers/fonts.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'briefdeck-names-'));

describe('fontNames', () => {
  it('reads the family (name ID 1) and the style bits from the file', () => {
    const dir = tmp();
    const file = path.join(dir, 'whatever.ttf');
    writeFileSync(file, renamedFont(shippedFont('LiberationSans-BoldItalic.ttf'), 'Brand Sans', 'Bold Italic'));
    expect(fontNames(file)).toEqual([{ ref: { file, index: 0 }, families: ['Brand Sans'], variant: 'boldItalic' }]);
    expect(fontNames(path.join(DEFAULT, 'Carlito-Italic.ttf'))[0]).toMatchObject({
      families: ['Carlito'],
      variant: 'italic',
    });
  });

  it('takes the Windows family over a different Mac one, and the Mac one when it is all there is', () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'both.ttf'),
      renamedFont(shippedFont('Carlito-Bold.ttf'), 'Brand Sans Bold', 'Regular', { macFamily: 'Brand Sans' }),
    );
    writeFileSync(
      path.join(dir, 'mac.ttf'),
      renamedFont(shippedFont('Carlito-Bold.ttf'), 'Brand Sans', 'Bold', { macFamily: 'Old Brand', windows: false }),
    );
    expect(fontNames(path.join(dir, 'both.ttf'))[0].families).toEqual(['Brand Sans Bold']);
    expect(fontNames(path.join(dir, 'mac.ttf'))[0]).toMatchObject({ families: ['Old Brand'], variant: 'bold' });
  });

  it('reads again when the file changes', () => {
    const file = path.join(tmp(), 'f.ttf');
    writeFileSync(file, renamedFont(shippedFont('Carlito-Regular.ttf'), 'First'));
    expect(fontNames(file)[0].families).toEqual(['First']);
    writeFileSync(file, renamedFont(shippedFont('Carlito-Regular.ttf'), 'Second one'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(fontNames(file)[0].families).toEqual(['Second one']);
  });

  it('lists every face of a collection, and openFont measures the one asked for', () => {
    const file = path.join(tmp(), 'pair.ttc');
    writeFileSync(
      file,
      fontCollection([
        renamedFont(shippedFont('Carlito-Regular.ttf'), 'Pair A'),
        renamedFont(shippedFont('LiberationMono-Regular.ttf'), 'Pair B'),
      ]),
    );
    expect(fontNames(file).map((n) => [n.families[0], n.ref.index])).toEqual([
      ['Pair A', 0],
      ['Pair B', 1],
    ]);
    const width = (index: number) =>
      shapeText(openFont(file, index), 'Wide and narrow').advances.reduce((a, b) => a + b, 0);
    const mono = shapeText(
      openFont(path.join(DEFAULT, 'LiberationMono-Regular.ttf')),
      'Wide and narrow',
    ).advances.reduce((a, b) => a + b, 0);
    expect(width(1)).toBe(mono);
    expect(width(0)).not.toBe(mono);
  });

  it('finds no face in a file that is not a font', () => {
    const file = path.join(tmp(), 'fake.ttf');
    writeFileSync(file, 'just text, named like a font');
    expect(fontNames(file)).toEqual([]);
  });
});
