/**
 * Width to assume, in em, for a character the measured font has no glyph for.
 *
 * PowerPoint and LibreOffice draw such a character with a fallback font (on
 * this machine fontconfig picks NanumGothic for Hangul/CJK and DejaVu Sans for
 * emoji and most other scripts), so its real width is unknown to us. Measuring
 * it as zero, or as the font's .notdef box (0.51 em in Carlito), would let text
 * overflow, so every value here is a deliberate over-estimate, checked against
 * the fallback fonts (advance widths read with fontkit):
 *
 * - East Asian wide/fullwidth (CJK, kana, Hangul, fullwidth forms): 1.0 em.
 *   These are designed on a square em (NanumGothic 0.94, CJK fonts 1.0).
 * - Emoji and pictographs: 1.3 em. Emoji fonts are wider than the em:
 *   DejaVu Sans 1.04 em for U+1F600, Noto Color Emoji 2550/2048 = 1.245 em.
 * - Arrows, math, technical and geometric symbols: 1.0 em (DejaVu Sans
 *   median 0.84 em).
 * - Anything else (Hebrew, Arabic, Armenian, Georgian, Thai, …): 0.75 em. 0.6 em
 *   would be too little: DejaVu Sans Hebrew is 0.59 em median and 0.71 em max,
 *   and Armenian is 0.69 em median.
 * - Invisible format characters (ZWJ, variation selectors, BOM, tags): 0.
 *
 * Combining marks the font lacks are each counted at full width too, which
 * over-estimates; that is the safe direction.
 */
export const MISSING_GLYPH_EM = { wide: 1.0, emoji: 1.3, symbol: 1.0, other: 0.75 } as const;

export function missingGlyphEm(cp: number): number {
  if (isInvisible(cp)) return 0;
  if (isEmoji(cp)) return MISSING_GLYPH_EM.emoji;
  if (isWide(cp)) return MISSING_GLYPH_EM.wide;
  if (isSymbol(cp)) return MISSING_GLYPH_EM.symbol;
  return MISSING_GLYPH_EM.other;
}

const inRanges = (cp: number, ranges: readonly number[]): boolean => {
  for (let i = 0; i < ranges.length; i += 2) if (cp >= ranges[i] && cp <= ranges[i + 1]) return true;
  return false;
};

// prettier-ignore
const INVISIBLE = [
  0x0000, 0x001f, 0x007f, 0x009f, 0x00ad, 0x00ad, 0x034f, 0x034f, 0x180b, 0x180f, 0x200b, 0x200f, 0x202a, 0x202e,
  0x2060, 0x206f, 0xfe00, 0xfe0f, 0xfeff, 0xfeff, 0xfff0, 0xfff8, 0xe0000, 0xe0fff,
];
// prettier-ignore
const EMOJI = [
  0x2600,
  0x27bf, // miscellaneous symbols, dingbats
  0x2b00,
  0x2bff, // miscellaneous symbols and arrows (⭐ ⬛)
  0x1f000,
  0x1faff, // mahjong … symbols and pictographs extended-A, regional indicators
];
// prettier-ignore
const WIDE = [
  0x1100, 0x115f, 0x2e80, 0x303e, 0x3041, 0x33ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xa000, 0xa4cf, 0xa960, 0xa97f,
  0xac00, 0xd7a3, 0xd7b0, 0xd7ff, 0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe6f, 0xff00, 0xff60, 0xffe0, 0xffe6,
  0x16fe0, 0x18aff, 0x1b000, 0x1b2ff, 0x20000, 0x3fffd,
];
// prettier-ignore
const SYMBOL = [0x2190, 0x23ff, 0x2460, 0x25ff, 0x2900, 0x2aff];

const isInvisible = (cp: number) => inRanges(cp, INVISIBLE);
const isEmoji = (cp: number) => inRanges(cp, EMOJI);
const isWide = (cp: number) => inRanges(cp, WIDE);
const isSymbol = (cp: number) => inRanges(cp, SYMBOL);
