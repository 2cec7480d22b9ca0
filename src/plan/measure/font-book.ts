import { statSync } from 'node:fs';
import { openSync, type Font } from 'fontkit';
import { ThemeError } from '../../model/errors.js';
import { DEFAULT_FONTS_DIR, faceKey, measurableFaces, resolveFontFiles, variantOf, type FontFiles } from './font-registry.js';
import { gridWidth } from './layout-grid.js';
import { missingGlyphEm } from './missing-glyph.js';
import { createSimpleShaper, scriptOf, scriptTag, type Script, type SimpleShaper } from './simple-shaper.js';

export interface TextStyle {
  /** Theme face name, e.g. `Calibri` (see `measurableFaces()`). */
  face: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * Line pitch (baseline to baseline) at single spacing, as a multiple of the font
 * size. PowerPoint and LibreOffice Impress do not use the font's ascent,
 * descent and line gap for DrawingML text (LibreOffice imports .pptx with
 * "font-independent line spacing", which is 1.2 × the font height): measured
 * in LibreOffice 7.4 PDFs, the pitch was 1.2 × size for Carlito, Liberation
 * Sans and Liberation Mono alike at 10–40 pt (never more; LibreOffice rounds
 * down to 1/100 mm, e.g. 11.977 pt at 10 pt), although the fonts' own metrics
 * differ (hhea ascent − descent + lineGap: Carlito 1.2207, Liberation Sans
 * 1.1499, Liberation Mono 1.1328 em).
 */
export const LINE_PITCH_EM = 1.2;

/** One font file, shaped in font units, with results cached per string. */
export interface MeasuredFont {
  readonly unitsPerEm: number;
  /**
   * Glyph advances of `text` in font units, shaped as `script` (default: the
   * text's own), kerning inside it included; when `next` is given (the
   * character that follows `text` in the same run), the kerning with it is
   * applied to the last glyph, as when the whole run is shaped at once.
   * Characters the font lacks get `missingGlyphEm` widths, never .notdef's.
   */
  advances(text: string, script?: Script, next?: string): readonly number[];
  /**
   * Where `text` may be cut between characters: the UTF-16 end offset of each
   * glyph cluster. A ligature (Carlito's `tt`, `ffi`) is one cluster, which
   * LibreOffice never splits.
   */
  clusterEnds(text: string, script?: Script): readonly number[];
}

export interface FontBook {
  /**
   * Advance width of `text` on one line, in points: shaped with kerning, and
   * laid out on LibreOffice's 600-dpi grid (see `layout-grid.ts`).
   */
  width(text: string, style: TextStyle, sizePt: number): number;
  /** Baseline-to-baseline distance at single spacing, in points. */
  lineHeight(face: string, sizePt: number): number;
  /** The font that measures `style`, for hot loops (resolve once, then call `advances`). */
  font(style: TextStyle): MeasuredFont;
  /** Whether `face` can be measured with this book's font files. */
  has(face: string): boolean;
}

/** Entries per font before its caches are dropped (bounds memory in long-lived processes). */
const MAX_CACHED_STRINGS = 100_000;

const SCRIPT_INDEX: Record<Script, number> = { latn: 0, grek: 1, cyrl: 2, zyyy: 3 };

interface Shaped {
  advances: number[];
  /** Glyph id of the last glyph, or -1 when the text ends with a missing character. */
  last: number;
  /** UTF-16 end offset of each cluster. */
  clusterEnds: number[];
}

function openFont(file: string): MeasuredFont {
  const opened = openSync(file);
  if (!('layout' in opened)) throw new Error(`${file}: a font collection, expected one font`);
  const font: Font = opened;
  const upem = font.unitsPerEm;
  let fast: SimpleShaper | undefined;
  const shaper = () => (fast ??= createSimpleShaper(font));
  const shapedCache: Map<string, Shaped>[] = [new Map(), new Map(), new Map(), new Map()]; // by script
  let shapedCount = 0;
  const present = new Map<number, boolean>();
  const hasGlyph = (cp: number): boolean => {
    let h = present.get(cp);
    if (h === undefined) present.set(cp, (h = font.hasGlyphForCodePoint(cp)));
    return h;
  };
  // Advances per (script, next character), then per text: no string building per lookup.
  const cache = new Map<number, Map<string, readonly number[]>>();
  let cached = 0;

  /** Shapes a string whose characters all have glyphs. */
  const shapePresent = (s: string, offset: number, script: Script, out: Shaped): void => {
    const quick = shaper().shape(s, script);
    if (quick) {
      for (const a of quick.advances) out.advances.push(a);
      for (const e of quick.ends) out.clusterEnds.push(offset + e);
      out.last = quick.last;
      return;
    }
    const run = font.layout(s, [], scriptTag(script));
    for (const p of run.positions) out.advances.push(p.xAdvance);
    out.last = run.glyphs.length > 0 ? run.glyphs[run.glyphs.length - 1].id : -1;
    // Clusters from the code points each glyph stands for; when they do not
    // add up (a decomposition), fall back to code points.
    const ends: number[] = [];
    let end = offset;
    for (const g of run.glyphs) {
      for (const cp of g.codePoints) end += cp > 0xffff ? 2 : 1;
      if (ends.length === 0 || end > ends[ends.length - 1]) ends.push(end);
    }
    if (end === offset + s.length) out.clusterEnds.push(...ends);
    else for (let k = 0; k < s.length; k += s.codePointAt(k)! > 0xffff ? 2 : 1) out.clusterEnds.push(offset + k + (s.codePointAt(k)! > 0xffff ? 2 : 1));
  };

  /** Splits off the characters the font lacks and prices them with `missingGlyphEm`. */
  const shape = (text: string, script: Script): Shaped => {
    const byText = shapedCache[SCRIPT_INDEX[script]];
    let out = byText.get(text);
    if (out) return out;
    out = { advances: [], last: -1, clusterEnds: [] };
    let start = 0;
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      if (!hasGlyph(cp)) {
        if (i > start) shapePresent(text.slice(start, i), start, script, out);
        out.advances.push(missingGlyphEm(cp) * upem);
        out.clusterEnds.push(i + len);
        out.last = -1;
        start = i + len;
      }
      i += len;
    }
    if (start < text.length) shapePresent(start === 0 ? text : text.slice(start), start, script, out);
    if (++shapedCount > MAX_CACHED_STRINGS) {
      for (const m of shapedCache) m.clear();
      shapedCount = 0;
    }
    byText.set(text, out);
    return out;
  };

  return {
    unitsPerEm: upem,
    advances(text: string, script: Script = scriptOf(text), next?: string): readonly number[] {
      const ctx = SCRIPT_INDEX[script] * 0x110001 + (next === undefined ? 0 : next.codePointAt(0)! + 1);
      let byText = cache.get(ctx);
      if (!byText) cache.set(ctx, (byText = new Map()));
      let adv = byText.get(text);
      if (adv === undefined) {
        const sh = shape(text, script);
        adv = sh.advances;
        if (next !== undefined && sh.last >= 0 && adv.length > 0) {
          const right = shaper().glyphId(next.codePointAt(0)!);
          const k = right > 0 ? shaper().kern(sh.last, right, script) : 0;
          if (k !== 0) {
            const copy = adv.slice();
            copy[copy.length - 1] += k;
            adv = copy;
          }
        }
        if (++cached > MAX_CACHED_STRINGS) {
          cache.clear();
          cached = 0;
        }
        byText.set(text, adv);
      }
      return adv;
    },
    clusterEnds: (text: string, script: Script = scriptOf(text)) => shape(text, script).clusterEnds,
  };
}

/**
 * Opened fonts, shared by all books in the process (by path, size and mtime),
 * so that a second deck starts with parsed tables and warm caches.
 */
const OPENED = new Map<string, MeasuredFont>();

function sharedFont(file: string): MeasuredFont {
  const st = statSync(file);
  const key = `${file}\u0000${st.size}\u0000${st.mtimeMs}`;
  let f = OPENED.get(key);
  if (!f) OPENED.set(key, (f = openFont(file)));
  return f;
}

/**
 * Measures text with the metric-compatible fonts in `fontsDir`. Fonts are
 * opened on first use (once per process); advances are cached per font in
 * font units, so a word costs one shaping per font however often and at
 * whatever size it is used.
 */
export function createFontBook(fontsDir: string = DEFAULT_FONTS_DIR): FontBook {
  const files = new Map<string, FontFiles | undefined>();
  const fonts = new Map<string, MeasuredFont>(); // by file path: Calibri and Carlito share one
  const byStyle = new Map<string, MeasuredFont>();

  const filesOf = (face: string): FontFiles => {
    const key = faceKey(face);
    if (!files.has(key)) files.set(key, resolveFontFiles(face, fontsDir));
    const f = files.get(key);
    if (!f) {
      throw new ThemeError(
        'unmeasurable-font',
        `No metrics for font \`${face}\` in ${fontsDir}; measurable faces: ${measurableFaces().join(', ')}`,
      );
    }
    return f;
  };

  const font = (style: TextStyle): MeasuredFont => {
    const key = `${style.face}\u0000${style.bold ? 1 : 0}${style.italic ? 1 : 0}`;
    let f = byStyle.get(key);
    if (!f) {
      const file = filesOf(style.face)[variantOf(style.bold, style.italic)];
      f = fonts.get(file);
      if (!f) fonts.set(file, (f = sharedFont(file)));
      byStyle.set(key, f);
    }
    return f;
  };

  return {
    font,
    width(text, style, sizePt) {
      const f = font(style);
      return gridWidth(f.advances(text), f.unitsPerEm, sizePt);
    },
    lineHeight(face, sizePt) {
      filesOf(face);
      return LINE_PITCH_EM * sizePt;
    },
    has(face) {
      try {
        filesOf(face);
        return true;
      } catch {
        return false;
      }
    },
  };
}
