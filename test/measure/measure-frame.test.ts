import { beforeAll, describe, expect, it } from 'vitest';
import { shippedFonts } from '../../src/measure/fonts.js';
import { gridWidth, pxPerEm } from '../../src/measure/layout-grid.js';
import {
  LIBREOFFICE,
  LINE_PITCH_EM,
  lineWidth,
  measureFrame,
  naturalWidth,
  PLAN,
  POWERPOINT_WIDTH_SAFETY,
} from '../../src/measure/measure-frame.js';
import { MISSING_GLYPH_EM } from '../../src/measure/missing-glyph.js';
import { measurableFaces, resolveFontFiles } from '../../src/measure/font-registry.js';
import type { Theme } from '../../src/model/theme.js';
import { TEXT_INSETS } from '../../src/model/geometry.js';
import { bullet, frame, para, theme } from '../helpers/frames.js';

const prose =
  'Quarterly revenue rose twelve percent to 4.7 billion euros, driven by the AVATAR launch in Wales and Tyrol.';
let light: Theme;
beforeAll(async () => {
  light = await theme('briefing-light', { lineSpacing: 1.5, paragraphSpacing: 6 });
});
const width = (s: string, size = 24, face = 'Calibri') =>
  naturalWidth(frame({ ...light, fonts: { ...light.fonts, body: face } }, [], 10_000, { size }), para(s));

describe('measureFrame', () => {
  it('adds lines × pitch × spacing, the gaps between paragraphs and the insets', () => {
    const f = frame(light, [para('One'), para('Two'), para('Three')], 400, { size: 20 });
    const m = measureFrame(f);
    expect(m.lines).toEqual([1, 1, 1]);
    expect(m.height).toBeCloseTo(3 * LINE_PITCH_EM * 20 * 1.5 + 2 * 6 + TEXT_INSETS.top + TEXT_INSETS.bottom, 9);
    expect(measureFrame(frame(light, [], 400, { size: 20 })).height).toBe(0);
    expect(LINE_PITCH_EM).toBe(1.2);
  });

  it('fits when the height is within the box', () => {
    const f = frame(light, [para('One')], 400, { size: 20 });
    const h = measureFrame(f).height;
    expect(measureFrame({ ...f, box: { ...f.box, h } }).fits).toBe(true);
    expect(measureFrame({ ...f, box: { ...f.box, h: h - 0.01 } }).fits).toBe(false);
  });

  it('wraps bulleted paragraphs in the width minus their level margin', () => {
    const b = frame(light, [bullet(1, prose)], 500, { size: 20 });
    const p = frame(light, [para(prose)], 500, { size: 20 });
    expect(lineWidth(p, p.paragraphs[0]) - lineWidth(b, b.paragraphs[0])).toBeCloseTo(54, 1); // 27 × (1 + 1)
    expect(b.levels[1]).toMatchObject({ marL: 54, indent: -27 });
  });

  it('plans for PowerPoint with a narrower line than LibreOffice gets', () => {
    expect(POWERPOINT_WIDTH_SAFETY).toBeLessThan(1);
    expect(PLAN.widthFactor).toBe(POWERPOINT_WIDTH_SAFETY);
    const w = width(prose, 20) + TEXT_INSETS.left + TEXT_INSETS.right + 0.5;
    const f = frame(light, [para(prose)], w, { size: 20 });
    expect(measureFrame(f, shippedFonts(), LIBREOFFICE).lines).toEqual([1]);
    expect(measureFrame(f).lines).toEqual([2]);
  });
});

describe('fonts', () => {
  it('resolves every measurable face, case-insensitively, and refuses others', () => {
    for (const face of measurableFaces()) expect(resolveFontFiles(face.toUpperCase()), face).toBeDefined();
    expect(resolveFontFiles('calibri')?.bold).toMatch(/Carlito-Bold\.ttf$/);
    expect(resolveFontFiles('Comic Sans MS')).toBeUndefined();
    expect(resolveFontFiles('Calibri', '/nonexistent')).toBeUndefined();
    expect(shippedFonts().has('Aptos')).toBe(false);
    expect(() => shippedFonts().font('Aptos')).toThrow(/Aptos/);
  });

  it('rounds the size and each advance to LibreOffice’s 600-dpi grid', () => {
    expect(pxPerEm(14)).toBe(117); // 14 pt = 494/100 mm = 116.7 px
    expect(pxPerEm(24)).toBe(200);
    expect(gridWidth([1000, 1000], 2048, 24)).toBeCloseTo((2 * Math.round((1000 * 200) / 2048) * 72) / 600, 9);
  });

  it('shares metrics between Calibri and Carlito, and kerns (AV is narrower than A + V)', () => {
    expect(width('Revenue', 12, 'Carlito')).toBe(width('Revenue', 12, 'Calibri'));
    expect(width('Revenue', 12, 'Arial')).not.toBe(width('Revenue', 12, 'Calibri'));
    expect(width('AV')).toBeLessThan(width('A') + width('V'));
  });

  it('prices glyphs the font lacks with the safe over-estimates, never .notdef', () => {
    // Carlito has no Hangul, no CJK and no emoji. At 24 pt the grid is exact (200 px/em).
    expect(width('한국어')).toBeCloseTo(3 * MISSING_GLYPH_EM.wide * 24, 6);
    expect(width('😀')).toBeCloseTo(MISSING_GLYPH_EM.emoji * 24, 6);
    // ZWJ and variation selectors are invisible; the emoji around them are not.
    expect(width('👩\u200d💻')).toBeCloseTo(2 * MISSING_GLYPH_EM.emoji * 24, 6);
    expect(width('a한b')).toBeCloseTo(width('a') + MISSING_GLYPH_EM.wide * 24 + width('b'), 6);
    expect(width('שלום')).toBeCloseTo(4 * MISSING_GLYPH_EM.other * 24, 6);
  });
});
