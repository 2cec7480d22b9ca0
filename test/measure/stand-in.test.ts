/**
 * Stand-ins (issue 19): a template face nothing measures exactly (Calibri
 * Light, Aptos, Segoe UI, a corporate face) is measured with the widest face
 * of its kind that is available, widened by a margin, so text planned with it
 * never needs more room than it was given.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontProblems } from '../../src/measure/font-problems.js';
import { fontContextFor, resolveFace, type FontContext } from '../../src/measure/font-resolution.js';
import { systemFonts } from '../../src/measure/fontconfig.js';
import { naturalWidth } from '../../src/measure/measure-frame.js';
import { resolvingFonts } from '../../src/measure/resolving-fonts.js';
import { fontKind, STAND_IN_MARGIN, standInFor } from '../../src/measure/stand-in.js';
import type { Theme } from '../../src/model/theme.js';
import { frame, para, theme } from '../helpers/frames.js';

const themesDir = () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'briefdeck-standin-')), 'themes');
  mkdirSync(path.join(dir, 'fonts'), { recursive: true });
  return dir;
};
const offline = (): FontContext => ({ ...fontContextFor(themesDir()), system: false, standIns: true });
const installed = (): FontContext => ({ ...fontContextFor(themesDir()), standIns: true });

const prose =
  'Quarterly revenue rose twelve percent to 4.7 billion euros, driven by the AVATAR launch in Wales and Tyrol.';
let light: Theme;
beforeAll(async () => {
  light = await theme('briefing-light');
});
const widthOf = (ctx: FontContext, face: string, bold = false) =>
  naturalWidth(
    frame({ ...light, fonts: { ...light.fonts, body: face } }, [], 10_000, { size: 24 }),
    para({ text: prose, bold }),
    resolvingFonts(ctx),
  );

describe('fontKind', () => {
  it.each([
    ['Calibri Light', 'sans'],
    ['Aptos', 'sans'],
    ['Segoe UI', 'sans'],
    ['Franklin Gothic Book', 'sans'],
    ['Graphik', 'sans'],
    ['Source Sans Pro Light', 'sans'],
    ['Cambria Math', 'serif'],
    ['Book Antiqua', 'serif'],
    ['Times New Roman', 'serif'],
    ['Noto Serif', 'serif'],
    ['Consolas', 'mono'],
    ['Courier New', 'mono'],
    ['Source Code Pro', 'mono'],
    ['Aptos Mono', 'mono'],
  ] as const)('%s is %s', (face, kind) => {
    expect(fontKind(face)).toBe(kind);
  });
});

describe('standInFor', () => {
  it('offline, picks the widest shipped face of the kind: Liberation Sans over Carlito, Liberation Mono', () => {
    expect(standInFor('Calibri Light', offline())).toMatchObject({
      step: 'stand-in',
      kind: 'sans',
      family: 'Liberation Sans',
      widthScale: 1 + STAND_IN_MARGIN,
    });
    expect(standInFor('Consolas', offline())).toMatchObject({ kind: 'mono', family: 'Liberation Mono' });
    // No serif face is shipped: the widest sans stands in, which is wider than the common serif faces.
    expect(standInFor('Garamond', offline())).toMatchObject({ kind: 'serif', family: 'Liberation Sans' });
  });

  it('is never narrower than the widest face of its kind, by the margin, in every style', () => {
    for (const bold of [false, true]) {
      const stand = widthOf(offline(), 'Calibri Light', bold);
      for (const real of ['Calibri', 'Arial']) {
        // (a little under the full margin: advances are rounded to whole pixels of the layout grid)
        expect(stand).toBeGreaterThan(widthOf(offline(), real, bold) * (1 + STAND_IN_MARGIN * 0.9));
      }
    }
  });

  it.skipIf(systemFonts.familyFiles('DejaVu Sans').length === 0)(
    'with installed fonts, the widest installed face of the kind (DejaVu Sans here), wider than every real face here',
    () => {
      const ctx = installed();
      expect(standInFor('Segoe UI', ctx)?.family).toBe('DejaVu Sans');
      const stand = widthOf(ctx, 'Segoe UI');
      for (const real of ['Carlito', 'Liberation Sans', 'Caladea', 'Liberation Serif', 'NanumGothic'])
        if (resolveFace(real, ctx)) expect(stand, real).toBeGreaterThan(widthOf(ctx, real));
    },
  );

  it('is what fontProblems reports, as stand-in-font, naming the face, the stand-in and the three fixes', () => {
    const ctx = offline();
    const [p, ...rest] = fontProblems(['Calibri', 'Calibri Light', 'calibri light'], ctx);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'stand-in-font', face: 'Calibri Light' });
    expect(p.message).toMatch(/Liberation Sans \+5%.*standing in for `Calibri Light`/);
    expect(p.fix).toMatch(/fonts.*install the font.*sidecar/);
    // Without stand-ins (the built-in YAML themes), the face is still refused.
    expect(fontProblems(['Calibri Light'], { ...ctx, standIns: false })[0].code).toBe('unmeasurable-font');
  });
});
