import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FONTS_DIR } from '../../src/measure/font-files.js';
import { fontProblems } from '../../src/measure/font-problems.js';
import { fontContextFor, resolveFace, type FontContext } from '../../src/measure/font-resolution.js';
import type { SidecarFonts } from '../../src/measure/font-sidecar.js';
import { fontconfig, systemFonts } from '../../src/measure/fontconfig.js';
import { shippedFonts } from '../../src/measure/fonts.js';
import { measureFrame, naturalWidth } from '../../src/measure/measure-frame.js';
import { resolvingFonts } from '../../src/measure/resolving-fonts.js';
import { ThemeError } from '../../src/model/errors.js';
import type { Theme } from '../../src/model/theme.js';
import { renamedFont, shippedFont } from '../helpers/fonts.js';
import { frame, para, theme } from '../helpers/frames.js';
import { haveTools } from '../helpers/tools.js';

/** A themes folder with the given files (`fonts/x.ttf` → bytes). */
function themesDir(files: Record<string, Uint8Array | string> = {}): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'briefdeck-fonts-')), 'themes');
  mkdirSync(path.join(dir, 'fonts'), { recursive: true });
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

/** No installed fonts: what these tests expect must not depend on the machine. */
const offline = (dir: string, sidecar?: SidecarFonts): FontContext => ({
  ...fontContextFor(dir, sidecar),
  system: false,
});

const prose =
  'Quarterly revenue rose twelve percent to 4.7 billion euros, driven by the AVATAR launch in Wales and Tyrol.';
let light: Theme;
beforeAll(async () => {
  light = await theme('briefing-light');
});
const widthWith = (fonts: ReturnType<typeof shippedFonts>, face: string) =>
  naturalWidth(
    frame({ ...light, fonts: { ...light.fonts, body: face } }, [], 10_000, { size: 24 }),
    para(prose),
    fonts,
  );

describe('resolveFace: the order', () => {
  it('1. a font in themes/fonts whose family is the face wins over the metric-compatible one, whatever its file name', () => {
    // A "Calibri" that is really Liberation Sans, in a file whose name says nothing.
    const dir = themesDir({ 'fonts/brand-1.ttf': renamedFont(shippedFont('LiberationSans-Regular.ttf'), 'Calibri') });
    const r = resolveFace('Calibri', offline(dir))!;
    expect(r).toMatchObject({ step: 'themes-fonts', family: 'Calibri' });
    expect(r.files.regular.file).toBe(path.join(dir, 'fonts', 'brand-1.ttf'));
    expect(r.synthesized).toEqual(['bold', 'italic', 'boldItalic']);
    expect(r.files.bold).toBe(r.files.regular);
    // and it measures with that file: Liberation Sans's widths, not Carlito's
    const set = resolvingFonts(offline(dir));
    expect(widthWith(set, 'Calibri')).toBe(widthWith(shippedFonts(), 'Arial'));
    expect(widthWith(set, 'Calibri')).not.toBe(widthWith(shippedFonts(), 'Calibri'));
  });

  it('1. a file named like a font is not that font: the name table decides', () => {
    const dir = themesDir({ 'fonts/Calibri.ttf': shippedFont('Carlito-Regular.ttf') });
    const r = resolveFace('Calibri', offline(dir))!;
    expect(r.step).toBe('metric-compatible');
    expect(r.family).toBe('Carlito');
    expect(r.files.regular.file).toBe(path.join(dir, 'fonts', 'Calibri.ttf')); // the project's folder comes before briefdeck's
    // the first folder with the family supplies all of it: its bold is synthesised, not mixed in from briefdeck's
    // Carlito
    expect(r.files.bold.file).toBe(path.join(dir, 'fonts', 'Calibri.ttf'));
    expect(r.synthesized).toEqual(['bold', 'italic', 'boldItalic']);
  });

  it('2. Calibri → Carlito when no Calibri is shipped, and measures exactly as the built-in themes do', () => {
    const dir = themesDir();
    const r = resolveFace('Calibri', fontContextFor(dir))!;
    expect(r).toMatchObject({ step: 'metric-compatible', family: 'Carlito', synthesized: [] });
    expect(r.description).toMatch(/^Carlito, metric-compatible with Calibri, from /);
    expect(Object.values(r.files).map((f) => path.relative(DEFAULT_FONTS_DIR, f.file))).toEqual([
      'Carlito-Regular.ttf',
      'Carlito-Bold.ttf',
      'Carlito-Italic.ttf',
      'Carlito-BoldItalic.ttf',
    ]);
    const set = resolvingFonts(fontContextFor(dir));
    for (const face of ['Calibri', 'Carlito', 'Arial', 'Courier New']) {
      const runs = [
        para(prose),
        para(
          { text: 'Bold ', bold: true },
          { text: 'italic', italic: true },
          { text: ' both', bold: true, italic: true },
        ),
      ];
      const f = frame({ ...light, fonts: { ...light.fonts, body: face } }, runs, 300, { size: 20 });
      expect(measureFrame(f, set), face).toEqual(measureFrame(f, shippedFonts()));
      expect(widthWith(set, face), face).toBe(widthWith(shippedFonts(), face));
    }
  });

  it("2. metric-compatible pairs come from fontconfig's table: Times New Roman → Liberation Serif, Cambria → Caladea", () => {
    const dir = themesDir({
      'fonts/a.ttf': renamedFont(shippedFont('Carlito-Regular.ttf'), 'Liberation Serif'),
      'fonts/b.ttf': renamedFont(shippedFont('Carlito-Bold.ttf'), 'Caladea', 'Bold'),
    });
    expect(resolveFace('Times New Roman', offline(dir))).toMatchObject({
      step: 'metric-compatible',
      family: 'Liberation Serif',
    });
    expect(resolveFace('times', offline(dir))).toMatchObject({ step: 'metric-compatible', family: 'Liberation Serif' });
    expect(resolveFace('Cambria', offline(dir))).toMatchObject({
      step: 'metric-compatible',
      family: 'Caladea',
      synthesized: ['regular', 'italic', 'boldItalic'],
    });
    expect(resolveFace('Segoe UI', offline(dir))).toBeUndefined(); // look-alikes are not metric-compatible
  });

  it('matches faces case- and whitespace-insensitively', () => {
    expect(resolveFace('  carlito ', offline(themesDir()))?.family).toBe('Carlito');
    expect(resolveFace('LIBERATION   sans', offline(themesDir()))?.step).toBe('themes-fonts');
    expect(resolveFace('Courier  new', offline(themesDir()))?.family).toBe('Liberation Mono');
  });
});

describe.runIf(haveTools('fc-list', 'fc-match'))('resolveFace: installed fonts (fontconfig)', () => {
  it('3. DejaVu Sans is found by fontconfig, each style from its own file', () => {
    const r = resolveFace('DejaVu Sans', fontContextFor(themesDir()))!;
    expect(r).toMatchObject({ step: 'fontconfig', family: 'DejaVu Sans', synthesized: [] });
    expect(Object.values(r.files).map((f) => path.basename(f.file))).toEqual([
      'DejaVuSans.ttf',
      'DejaVuSans-Bold.ttf',
      'DejaVuSans-Oblique.ttf',
      'DejaVuSans-BoldOblique.ttf',
    ]);
    expect(resolvingFonts(fontContextFor(themesDir())).font('dejavu sans', true).file).toBe(r.files.bold.file);
  });

  it('3. a face fontconfig only falls back for resolves to nothing, and is reported with what would be drawn instead', () => {
    const instead = systemFonts.substitute('Source Sans Pro');
    expect(instead).toBeDefined(); // fontconfig always answers…
    expect(instead).not.toBe('Source Sans Pro');
    const ctx = fontContextFor(themesDir());
    expect(resolveFace('Source Sans Pro', ctx)).toBeUndefined(); // …but a fallback is not the face
    const problems = fontProblems(['Calibri', 'Source Sans Pro', 'source sans pro', 'DejaVu Sans'], ctx);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unmeasurable-font', face: 'Source Sans Pro' });
    expect(problems[0].message).toContain(`would draw it as \`${instead}\``);
    expect(problems[0].fix).toMatch(/fonts.*install the font.*`fonts:`/);
    expect(() => resolvingFonts(ctx).font('Source Sans Pro')).toThrow(ThemeError);
    expect(() => resolvingFonts(ctx).font('Source Sans Pro')).toThrow(/`Source Sans Pro`/);
  });

  it('2. a metric-compatible family that is installed but not shipped is found: Times New Roman → Liberation Serif', () => {
    const r = resolveFace('Times New Roman', fontContextFor(themesDir()));
    expect(r).toMatchObject({ step: 'metric-compatible', family: 'Liberation Serif' });
    expect(r!.description).toMatch(/metric-compatible with Times New Roman, installed/);
  });
});

describe('resolveFace: installed fonts are checked by their own family name', () => {
  it('refuses the files of another family, as fc-match would offer them', () => {
    // A system lookup that answers like fc-match: DejaVu Sans for anything.
    const fallback = { familyFiles: () => systemFonts.familyFiles('DejaVu Sans'), substitute: () => 'DejaVu Sans' };
    const ctx = { ...fontContextFor(themesDir()), system: fallback };
    expect(resolveFace('Source Sans Pro', ctx)).toBeUndefined();
    if (fallback.familyFiles().length > 0) expect(resolveFace('DejaVu Sans', ctx)?.step).toBe('fontconfig');
  });
});

describe('resolveFace without fontconfig', () => {
  it('skips installed fonts and never crashes', () => {
    const none = fontconfig({ fcList: '/nonexistent/fc-list', fcMatch: '/nonexistent/fc-match' });
    const ctx = { ...fontContextFor(themesDir()), system: none };
    expect(resolveFace('DejaVu Sans', ctx)).toBeUndefined();
    expect(resolveFace('Calibri', ctx)?.family).toBe('Carlito');
    expect(fontProblems(['DejaVu Sans'], ctx)[0].message).not.toContain('would draw');
  });
});

describe('resolveFace: the sidecar map', () => {
  it('4. maps Calibri Light to a Carlito file in the themes folder', () => {
    const dir = themesDir({
      'fonts/Carlito-Regular.ttf': shippedFont('Carlito-Regular.ttf'),
      'fonts/Carlito-Bold.ttf': shippedFont('Carlito-Bold.ttf'),
    });
    const one = resolveFace('Calibri Light', offline(dir, { 'calibri light': 'fonts/Carlito-Regular.ttf' }))!;
    expect(one).toMatchObject({ step: 'sidecar', family: 'Carlito', synthesized: ['bold', 'italic', 'boldItalic'] });
    expect(one.files.bold.file).toBe(path.join(dir, 'fonts', 'Carlito-Regular.ttf'));
    expect(one.description).toMatch(/^Carlito \(fonts\/Carlito-Regular\.ttf\), mapped to calibri light/);
    const styled = resolveFace(
      'Calibri Light',
      offline(dir, { 'Calibri Light': { regular: 'fonts/Carlito-Regular.ttf', bold: 'fonts/Carlito-Bold.ttf' } }),
    )!;
    expect(Object.values(styled.files).map((f) => path.basename(f.file))).toEqual([
      'Carlito-Regular.ttf',
      'Carlito-Bold.ttf',
      'Carlito-Regular.ttf',
      'Carlito-Bold.ttf',
    ]);
    expect(fontProblems(['Calibri Light'], offline(dir, { 'Calibri Light': 'fonts/Carlito-Regular.ttf' }))).toEqual([]);
    expect(fontProblems(['Calibri Light'], offline(dir))).toMatchObject([
      { code: 'unmeasurable-font', face: 'Calibri Light' },
    ]);
  });

  it('4. comes last: a face found earlier ignores its sidecar entry', () => {
    const dir = themesDir({ 'fonts/x.ttf': shippedFont('LiberationSans-Regular.ttf') });
    expect(resolveFace('Calibri', offline(dir, { Calibri: 'fonts/x.ttf' }))?.step).toBe('metric-compatible');
  });

  it('refuses a path outside the themes folder, through a link too, a missing file and a file that is not a font', () => {
    const dir = themesDir({ 'fonts/README.txt': 'not a font', 'fonts/real.ttf': shippedFont('Carlito-Regular.ttf') });
    copyFileSync(path.join(DEFAULT_FONTS_DIR, 'Carlito-Regular.ttf'), path.join(dir, '..', 'outside.ttf'));
    symlinkSync(path.join(dir, '..', 'outside.ttf'), path.join(dir, 'fonts', 'link.ttf'));
    const sidecar: SidecarFonts = {
      'Brand Sans': '../outside.ttf',
      'Brand Gone': '../../nowhere/gone.ttf',
      'Brand Serif': 'fonts/link.ttf',
      'Brand Mono': { regular: 'fonts/real.ttf', bold: 'fonts/nope.ttf' },
      'Brand Text': 'fonts/README.txt',
      'Brand Abs': path.join(DEFAULT_FONTS_DIR, 'Carlito-Regular.ttf'),
      'brand  sans': 'fonts/real.ttf',
    };
    const ctx = offline(dir, sidecar);
    const problems = fontProblems(
      ['Brand Sans', 'Brand Gone', 'Brand Serif', 'Brand Mono', 'Brand Text', 'Brand Abs'],
      ctx,
    );
    expect(problems.map((p) => [p.code, p.keyPath?.join('.')])).toEqual([
      ['font-file-outside', 'fonts.Brand Sans'],
      ['font-file-outside', 'fonts.Brand Gone'], // outside, not merely missing: nothing outside is even looked at
      ['font-file-outside', 'fonts.Brand Serif'],
      ['font-file-missing', 'fonts.Brand Mono.bold'],
      ['font-file-not-a-font', 'fonts.Brand Text'],
      ['font-file-outside', 'fonts.Brand Abs'],
      ['font-map-duplicate', 'fonts.brand  sans'],
    ]);
    expect(problems[0].message).toBe(
      `Unexpected font file \`../outside.ttf\` for \`Brand Sans\` in \`fonts:\`, outside the themes folder \`${dir}\`, expected a path inside it`,
    );
    // reported even for a face no template asks for: a wrong path is never skipped
    expect(fontProblems([], ctx)).toHaveLength(7);
    expect(() => resolveFace('Brand Sans', ctx)).toThrow(ThemeError);
    expect(() => resolvingFonts(ctx).font('Brand Mono')).toThrow(/nope\.ttf/);
  });
});

describe('resolvingFonts under watch', () => {
  afterEach(() => vi.useRealTimers());

  it('sees a font added to themes/fonts after its once-a-second check', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const dir = themesDir();
    const set = resolvingFonts(offline(dir));
    expect(set.has('Brand Sans')).toBe(false);
    writeFileSync(path.join(dir, 'fonts', 'brand.ttf'), renamedFont(shippedFont('Carlito-Regular.ttf'), 'Brand Sans'));
    vi.setSystemTime(Date.now() + 1500);
    expect(set.has('Brand Sans')).toBe(true);
    expect(set.font('brand sans').file).toBe(path.join(dir, 'fonts', 'brand.ttf'));
  });
});
