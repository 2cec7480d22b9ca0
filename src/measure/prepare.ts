import type { Run } from '../model/article.js';
import type { FontSet, ShapingFont } from './fonts.js';
import { pxPerEm } from './layout-grid.js';
import { breakOpportunities, type BreakOpportunities } from './line-breaks.js';
import { shapeText } from './shape.js';

/**
 * A paragraph ready to wrap at any size and width: its text, every glyph's
 * advance, where lines may start, and where a word may be split. Everything
 * here is size-independent and computed once per paragraph; widths at a size
 * are prefix sums over the glyphs (`prefixPx`), so measuring any stretch of
 * text is a subtraction and wrapping is linear in the text's length.
 */
export interface PreparedParagraph {
  /** The runs' texts joined (offsets are the same as in the runs). */
  readonly text: string;
  readonly glyphClusters: Int32Array;
  readonly glyphAdvances: Float64Array;
  /** Units per em of each glyph's font. */
  readonly glyphUpem: Float64Array;
  readonly breaks: BreakOpportunities;
  /** Hyperlink runs as [start, end) pairs: LibreOffice lays each out as one field. */
  readonly links: Int32Array;
  /** 1 at offsets where a line may split a word: glyph cluster starts, never inside a ligature or a surrogate pair. */
  readonly splittable: Uint8Array;
  /** Per size: cumulative width in 600-dpi pixels of text[0..i). */
  readonly prefix: Map<number, Int32Array>;
  /** Memoised line counts, by `size|width|model`. */
  readonly lineCounts: Map<string, number>;
  /** Extra advance after every character, in points (DrawingML `spc`, a template's letter spacing). */
  readonly letterSpacing: number;
}

/** The faces a paragraph is shaped in: `code` runs use `mono`. */
export interface Faces {
  face: string;
  mono: string;
  /** The frame's own weight and slant (a quote set italic, a bold title style): every run has them. */
  bold?: boolean;
  italic?: boolean;
  /** All capitals (`cap="all"`, or small capitals measured as capitals): the shaped text is upper case. */
  caps?: boolean;
  /** Letter spacing in points (`spc`). */
  letterSpacing?: number;
  fonts: FontSet;
}

/**
 * A tab is priced as one whole default tab stop (1 in, `defTabSz` 914400 EMU):
 * never less than the real jump.
 */
export const TAB_STOP_PX = 600;

/** Prefix arrays kept per paragraph: pagination tries a handful of sizes. */
const MAX_SIZES = 6;

/**
 * Prepared paragraphs by content, per font set: the faces, and each run's
 * text, style, link and font file (a font reopened because its file changed
 * is a new font, so nothing measured with the old one is reused). The same
 * words in the same style measure the same wherever they appear (a section
 * title on its slide, its continuation slides and the agenda; a deck rebuilt
 * by `watch`), so each is shaped, broken and summed once. In the 200-section
 * bench article (the real sections, repeated) this was 2,822 preparations of
 * 188 distinct paragraphs. Bounded by characters, the keys' included (a
 * prepared character holds about 50 bytes, so about 10 MB): when full it
 * starts again, so a long-lived process stays flat. At 500,000 the bench's
 * 100 different decks in one process peaked at 190–229 MB of RSS (315 once);
 * at 200,000, at 174–194 MB, as without the memo.
 */
const MAX_CHARS = 200_000;
const memo = new WeakMap<FontSet, { chars: number; byContent: Map<string, PreparedParagraph> }>();

const fontIds = new WeakMap<ShapingFont, number>();
let fonts = 0;
const fontId = (f: ShapingFont): number => {
  let id = fontIds.get(f);
  if (id === undefined) fontIds.set(f, (id = ++fonts));
  return id;
};

/**
 * The same frozen runs (model/safe-text.ts `frozenRuns`) asked about again: found without building the content key,
 * which is as long as the text. Splitting a long paragraph asks about it once per page; keying it by content each
 * time was quadratic. Arrays that may change are always keyed by content.
 */
const byRuns = new WeakMap<readonly Run[], { fonts: FontSet; faces: string; prepared: PreparedParagraph }>();

/** The prepared form of `runs` in `faces`. Pagination asks about the same paragraph at many sizes and widths. */
export function prepareParagraph(runs: readonly Run[], faces: Faces): PreparedParagraph {
  const facesKey = `${faces.face}\u0000${faces.mono}\u0000${faces.bold ? 1 : 0}${faces.italic ? 1 : 0}${faces.caps ? 1 : 0}|${faces.letterSpacing ?? 0}`;
  if (!Object.isFrozen(runs)) return preparedByContent(runs, faces);
  const known = byRuns.get(runs);
  if (known && known.fonts === faces.fonts && known.faces === facesKey) return known.prepared;
  const prepared = preparedByContent(runs, faces);
  byRuns.set(runs, { fonts: faces.fonts, faces: facesKey, prepared });
  return prepared;
}

function preparedByContent(runs: readonly Run[], faces: Faces): PreparedParagraph {
  // A paragraph larger than the whole memo is not kept by content (it would push out everything else, then stay):
  // its key, as long as its text, is not even built. Frozen runs still keep it by identity while they live.
  let chars = 0;
  for (const r of runs) chars += r.text.length;
  if (chars > MAX_CHARS) return prepare(runs, faces);
  let m = memo.get(faces.fonts);
  if (!m) memo.set(faces.fonts, (m = { chars: 0, byContent: new Map() }));
  // Every string with its length first, so no text, name or link target can pass for another cut elsewhere.
  const str = (x: string) => `${x.length}:${x}`;
  let key = `${str(faces.face)}${str(faces.mono)}${faces.bold ? 1 : 0}${faces.italic ? 1 : 0}${faces.caps ? 1 : 0}|${faces.letterSpacing ?? 0}`;
  const fontOf = fontsOf(faces);
  for (const r of runs) {
    // Empty text is shaped in no font (and its face need not be measurable).
    const font = r.text.length > 0 ? fontId(fontOf(r)) : 0;
    key += `|${font}|${flagsOf(r)}|${str(r.href ?? '')}${str(r.text)}`;
  }
  const hit = m.byContent.get(key);
  if (hit) return hit;
  const prepared = prepare(runs, faces);
  if (m.chars + prepared.text.length + key.length > MAX_CHARS) {
    m.byContent.clear();
    m.chars = 0;
  }
  m.byContent.set(key, prepared);
  m.chars += prepared.text.length + key.length;
  return prepared;
}

/** Cumulative widths at `sizePt` on LibreOffice's 600-dpi grid: each glyph advance rounded to whole pixels. */
export function prefixPx(p: PreparedParagraph, sizePt: number): Int32Array {
  let out = p.prefix.get(sizePt);
  if (out) return out;
  const n = p.text.length;
  out = new Int32Array(n + 1);
  const ppem = pxPerEm(sizePt);
  for (let g = 0; g < p.glyphClusters.length; g++)
    out[p.glyphClusters[g] + 1] += Math.round((p.glyphAdvances[g] * ppem) / p.glyphUpem[g]);
  const spacing = Math.round((p.letterSpacing * 600) / 72);
  for (let i = 0; i < n; i++) {
    const c = p.text.charCodeAt(i);
    if (c === 9) out[i + 1] += TAB_STOP_PX;
    // Letter spacing follows every character (not the second half of a surrogate pair).
    if (spacing !== 0 && !(c >= 0xdc00 && c <= 0xdfff)) out[i + 1] += spacing;
    out[i + 1] += out[i];
  }
  if (p.prefix.size >= MAX_SIZES) p.prefix.delete(p.prefix.keys().next().value!);
  p.prefix.set(sizePt, out);
  return out;
}

/**
 * The font of a run's face and style, looked up once per style for one paragraph: a paragraph of emphasis-dense
 * text has a run per word, and asking the font set (face names, folder checks) for each was most of measuring it.
 */
function fontsOf(faces: Faces): (r: Run) => ShapingFont {
  const byStyle: ShapingFont[] = [];
  return (r) => {
    const style = (r.code ? 4 : 0) | (r.bold || faces.bold ? 2 : 0) | (r.italic || faces.italic ? 1 : 0);
    return (byStyle[style] ??= faces.fonts.font(r.code ? faces.mono : faces.face, !!(style & 2), !!(style & 1)));
  };
}

const flagsOf = (r: Run) =>
  (r.bold ? 1 : 0) | (r.italic ? 2 : 0) | (r.code ? 4 : 0) | (r.breakBefore ? 8 : 0) | (r.strike ? 16 : 0);

/**
 * Neighbouring runs that format alike are laid out as one portion, kerning
 * across the join (`P&L` + ` Ta`), as LibreOffice and PowerPoint do; a
 * different link target or a forced break keeps them apart.
 */
const alike = (a: Run, b: Run) => !b.breakBefore && flagsOf(a) === flagsOf(b) && a.href === b.href;

function prepare(runs: readonly Run[], faces: Faces): PreparedParagraph {
  const parts: string[] = [];
  const clusters: number[] = [];
  const advances: number[] = [];
  const upems: number[] = [];
  const links: number[] = [];
  const forced: number[] = [];
  const fontOf = fontsOf(faces);
  let offset = 0;
  for (let i = 0; i < runs.length; ) {
    const first = runs[i];
    let j = i + 1;
    while (j < runs.length && alike(runs[j - 1], runs[j])) j++;
    if (first.breakBefore) forced.push(offset);
    const joined =
      j === i + 1
        ? first.text
        : runs
            .slice(i, j)
            .map((r) => r.text)
            .join('');
    const text = faces.caps ? upperSameLength(joined) : joined;
    if (text.length > 0) {
      const shaped = shapeText(fontOf(first), text);
      for (let g = 0; g < shaped.clusters.length; g++) {
        clusters.push(offset + shaped.clusters[g]);
        advances.push(shaped.advances[g]);
        upems.push(shaped.unitsPerEm);
      }
      if (first.href) links.push(offset, offset + text.length);
    }
    parts.push(text);
    offset += text.length;
    i = j;
  }
  const text = parts.join('');
  const splittable = new Uint8Array(text.length + 1);
  for (const c of clusters) splittable[c] = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 9) splittable[i] = splittable[i + 1] = 1;
    if (c >= 0xdc00 && c <= 0xdfff) splittable[i] = 0; // never between the halves of a surrogate pair
  }
  for (const f of forced) splittable[f] = 1;
  splittable[text.length] = 1;
  return {
    text,
    glyphClusters: Int32Array.from(clusters),
    glyphAdvances: Float64Array.from(advances),
    glyphUpem: Float64Array.from(upems),
    breaks: breakOpportunities(text, forced),
    links: Int32Array.from(links),
    splittable,
    prefix: new Map(),
    lineCounts: new Map(),
    letterSpacing: faces.letterSpacing ?? 0,
  };
}

/** Upper case, character by character where that keeps the length (`ß` stays: offsets must not move). */
function upperSameLength(text: string): string {
  const up = text.toUpperCase();
  if (up.length === text.length) return up;
  let out = '';
  for (const ch of text) {
    const u = ch.toUpperCase();
    out += u.length === ch.length ? u : ch;
  }
  return out;
}
