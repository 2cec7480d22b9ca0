/**
 * `frameFits` stops measuring at the first paragraph past the box's foot (pagination asks it for whole lists at
 * several sizes); its answer is `measureFrame(...).fits` for any frame, box height and spacing.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameFits, measureFrame } from '../../src/measure/measure-frame.js';
import type { Paragraph, TextFrame } from '../../src/model/text-frame.js';
import type { Theme } from '../../src/model/theme.js';
import { textFrame } from '../../src/plan/frames.js';
import { bullet, para, theme } from '../helpers/frames.js';

let t: Theme;
beforeAll(async () => {
  t = await theme();
});

const WORDS = [
  'Sanctions',
  'on',
  'the',
  'maritime',
  'corridor',
  'were',
  'extended',
  'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
];
const paragraph: fc.Arbitrary<Paragraph> = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 30 }), fc.nat(3), fc.boolean())
  .map(([ws, level, b]) => (b ? bullet(level, ws.join(' ')) : para(ws.join(' '))));

describe('frameFits', () => {
  it('answers as measureFrame does, whatever the paragraphs, box and spacing (property)', () => {
    const seen = { true: 0, false: 0 };
    fc.assert(
      fc.property(
        fc.array(paragraph, { maxLength: 25 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 10, max: 40 }),
        fc.constantFrom(0, 6, -4),
        (ps, h, size, space) => {
          const f = textFrame(t, ps, { x: 36, y: 100, w: 500, h }, { size });
          // A negative space (no template writes one) makes stopping early inexact: it must measure everything then.
          const frame: TextFrame = { ...f, levels: f.levels.map((l) => ({ ...l, spaceAfter: l.spaceAfter + space })) };
          const fits = measureFrame(frame).fits;
          seen[`${fits}`]++;
          expect(frameFits(frame)).toBe(fits);
        },
      ),
      { seed: 18_2026, numRuns: 500 },
    );
    // Both answers were asked for, many times.
    expect(Math.min(seen.true, seen.false)).toBeGreaterThan(50);
  });

  it('tells a 5,000-item list does not fit one slide, and that its first item does', () => {
    const ps = Array.from({ length: 5000 }, (_, i) => bullet(0, `Point ${i} on the corridor`));
    const box = { x: 36, y: 100, w: 640, h: 360 };
    expect(frameFits(textFrame(t, ps, box, { size: 20 }))).toBe(false);
    expect(frameFits(textFrame(t, ps.slice(0, 1), box, { size: 20 }))).toBe(true);
  });
});
