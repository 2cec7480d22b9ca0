import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/model/article.js';
import { canBreakInside } from '../../../src/plan/measure/break-rules.js';
import {
  bulletIndentPt,
  createFontBook,
  createRunsMeasurer,
  DEFAULT_INSETS,
  LINE_PITCH_EM,
  measureParagraphs,
  pptxMargin,
  textBoxHeight,
  wrapRuns,
  type WrapOptions,
} from '../../../src/plan/measure/index.js';

const book = createFontBook();
const opts = (widthPt: number, extra: Partial<WrapOptions> = {}): WrapOptions => ({
  widthPt,
  sizePt: 18,
  face: 'Calibri',
  monoFace: 'Courier New',
  book,
  ...extra,
});
const text = (s: string): Run[] => [{ text: s }];
const prose =
  'Quarterly revenue rose twelve percent to 4.7 billion euros, driven by the AVATAR launch in Wales and Tyrol, ' +
  'while operating margin widened by two points as logistics costs fell.';

describe('wrapRuns', () => {
  it('keeps a short text on one line, and an empty paragraph still takes a line', () => {
    expect(wrapRuns(text('Revenue up'), opts(400))).toHaveLength(1);
    expect(wrapRuns([], opts(400))).toHaveLength(1);
    expect(wrapRuns(text(''), opts(400))).toHaveLength(1);
  });

  it('breaks at spaces, never over the width, and lets trailing spaces hang', () => {
    const lines = wrapRuns(text(prose), opts(200));
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(200.01);
    expect(lines.map((l) => l.text).join(' ')).toBe(prose);
    // A line that exactly fits its words still fits with spaces after them.
    const w = book.width('Revenue up', { face: 'Calibri' }, 18);
    expect(wrapRuns(text('Revenue up     '), opts(w))).toHaveLength(1);
    expect(wrapRuns(text('Revenue up'), opts(w - 0.5))).toHaveLength(2);
  });

  it('splits a word longer than the line by character, at least one per line', () => {
    const word = 'Supercalifragilisticexpialidocious';
    const lines = wrapRuns(text(`A ${word} word`), opts(80));
    expect(lines[0].text).toBe('A'); // the long word moves to its own line first
    expect(lines.slice(1).map((l) => l.text).join('').replace(/ ?word$/, '')).toBe(word);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(80.01);
    // Narrower than one character: one character a line.
    expect(wrapRuns(text('abc'), opts(1))).toHaveLength(3);
    // The tail of a split word shares its line with what follows when it fits.
    // (Courier New at 10 pt: 6 pt a character, 16 to a 100-pt line.)
    const mono = wrapRuns([{ text: `${'m'.repeat(20)} x`, code: true }], opts(100, { sizePt: 10 }));
    expect(mono.map((l) => l.text)).toEqual(['m'.repeat(16), 'mmmm x']);
  });

  it('never cuts inside a ligature when splitting', () => {
    // Carlito shapes "tt" as one glyph; no line may end between the two t's.
    for (let w = 20; w < 80; w += 1.5) {
      const lines = wrapRuns(text('committeecommitteecommittee'), opts(w));
      for (let i = 0; i + 1 < lines.length; i++) expect(lines[i].text.endsWith('t') && lines[i + 1].text.startsWith('t')).toBe(false);
    }
  });

  it('starts a new line at breakBefore and at a newline', () => {
    const runs: Run[] = [{ text: 'First line' }, { text: 'second line', breakBefore: true }];
    expect(wrapRuns(runs, opts(400)).map((l) => l.text)).toEqual(['First line', 'second line']);
    expect(wrapRuns(text('one\ntwo'), opts(400))).toHaveLength(2);
    expect(wrapRuns([{ text: 'x' }, { text: '', breakBefore: true }], opts(400))).toHaveLength(2);
  });

  it('breaks after hyphens and dashes but not inside numbers or before punctuation', () => {
    const at = (s: string, i: number) => canBreakInside(s, i);
    expect(at('well-known', 4)).toBe(true);
    expect(at('COVID-19', 5)).toBe(true);
    expect(at('--theme', 1)).toBe(true);
    expect(at('x -5', 2)).toBe(false);
    expect(at('2020–2021', 4)).toBe(true);
    expect(at('approach—proven', 7)).toBe(true); // before an em dash
    expect(at('approach—proven', 8)).toBe(true); // and after
    expect(at('wait…;', 4)).toBe(false); // never before punctuation
    expect(at('e.g.', 1)).toBe(false);
    expect(at('1,234.56', 1)).toBe(false);
    // A slash breaks only when no whitespace precedes it within 65 characters (LibreOffice i#17155).
    expect(at('and/or', 3)).toBe(true);
    expect(at('see and/or', 7)).toBe(false);
    expect(at('a/5', 1)).toBe(false);
  });

  it('measures bold runs wider than regular ones, and code in the mono face', () => {
    const regular = wrapRuns(text(prose), opts(10_000))[0].width;
    const bold = wrapRuns([{ text: prose, bold: true }], opts(10_000))[0].width;
    const code = wrapRuns([{ text: prose, code: true }], opts(10_000))[0].width;
    expect(bold).toBeGreaterThan(regular);
    expect(code).toBeCloseTo(book.width(prose, { face: 'Courier New' }, 18), 6);
    expect(wrapRuns([{ text: prose, bold: true }], opts(300)).length).toBeGreaterThanOrEqual(wrapRuns(text(prose), opts(300)).length);
  });

  it('wraps Hangul, Cyrillic and emoji with positive widths', () => {
    for (const s of ['분기 매출은 12% 증가했습니다', 'Выручка выросла на двенадцать процентов', 'Launch 🚀 done ✅ 👩‍💻']) {
      const lines = wrapRuns(text(s), opts(10_000));
      expect(lines[0].width, s).toBeGreaterThan(0);
      expect(wrapRuns(text(s), opts(60)).length, s).toBeGreaterThan(1);
    }
  });

  it('is monotonic: a wider line never gives more lines', () => {
    const runs: Run[] = [
      { text: 'Key risk: ', bold: true },
      { text: `${prose} see ` },
      { text: 'https://example.com/a/very/long/path', code: true },
      { text: ' and a well-known state-of-the-art approach—proven.' },
    ];
    for (const face of ['Calibri', 'Arial']) {
      let prev = Infinity;
      for (let w = 30; w <= 900; w += 3) {
        const n = wrapRuns(runs, opts(w, { face })).length;
        expect(n, `${face} at ${w} pt`).toBeLessThanOrEqual(prev);
        prev = n;
      }
    }
  });

  it('re-measures a runs array that was changed after it was measured', () => {
    const runs: Run[] = [{ text: 'short' }];
    expect(wrapRuns(runs, opts(60))).toHaveLength(1);
    runs[0].text = 'a much longer text that needs several lines';
    expect(wrapRuns(runs, opts(60)).length).toBeGreaterThan(1);
    runs.push({ text: 'more', breakBefore: true });
    expect(wrapRuns(runs, opts(10_000))).toHaveLength(2);
  });
});

describe('paragraph and box heights', () => {
  const base = { sizePt: 20, face: 'Calibri', monoFace: 'Courier New', book };

  it('adds lines × pitch × spacing and the gaps between paragraphs', () => {
    const paras = [{ runs: text('One') }, { runs: text('Two') }, { runs: text('Three') }];
    const m = measureParagraphs(paras, { ...base, widthPt: 400, lineSpacing: 1.5, paragraphSpacingPt: 6 });
    expect(m.lineCounts).toEqual([1, 1, 1]);
    expect(m.height).toBeCloseTo(3 * LINE_PITCH_EM * 20 * 1.5 + 2 * 6, 9);
    expect(measureParagraphs([], { ...base, widthPt: 400 }).height).toBe(0);
  });

  it('indents bullets by 27 pt per level and wraps them narrower', () => {
    expect(bulletIndentPt(0)).toBe(27);
    expect(bulletIndentPt(2)).toBe(81);
    const w = book.width(prose, { face: 'Calibri' }, 20);
    const flat = measureParagraphs([{ runs: text(prose) }], { ...base, widthPt: w });
    const bulleted = measureParagraphs([{ runs: text(prose), indentPt: bulletIndentPt(0) }], { ...base, widthPt: w });
    expect(flat.lineCounts).toEqual([1]);
    expect(bulleted.lineCounts).toEqual([2]);
  });

  it('adds the insets for a box and subtracts them from its width', () => {
    const paras = [{ runs: text(prose) }];
    const inner = measureParagraphs(paras, { ...base, widthPt: 300 - 14.4 });
    const box = textBoxHeight(paras, { ...base, boxWidthPt: 300 });
    expect(box.lineCounts).toEqual(inner.lineCounts);
    expect(box.height).toBeCloseTo(inner.height + 7.2, 9);
    const tight = textBoxHeight(paras, { ...base, boxWidthPt: 300, insets: { left: 0, right: 0, top: 0, bottom: 0 } });
    expect(tight.height).toBeLessThanOrEqual(box.height - 7.2);
    expect(textBoxHeight([], { ...base, boxWidthPt: 300 }).height).toBe(0);
    expect(pptxMargin(DEFAULT_INSETS)).toEqual([7.2, 7.2, 3.6, 3.6]); // [left, right, bottom, top]
  });
});

describe('runs measurer (the planner interface)', () => {
  const m = createRunsMeasurer(book, 'Courier New');
  it('answers lineCount, linePitch, naturalWidth and longestWord', () => {
    const runs = text(prose);
    expect(m.lineCount(runs, 200, 18, 'Calibri')).toBe(wrapRuns(runs, opts(200)).length);
    expect(m.linePitch('Arial', 10)).toBeCloseTo(12, 9);
    expect(m.naturalWidth(runs, 18, 'Calibri')).toBeCloseTo(wrapRuns(runs, opts(Infinity))[0].width, 9);
    expect(m.naturalWidth([{ text: 'a' }, { text: 'much longer line', breakBefore: true }], 18, 'Calibri')).toBeCloseTo(
      book.width('much longer line', { face: 'Calibri' }, 18),
      6,
    );
    expect(m.longestWord(text('a logistics b'), 18, 'Calibri')).toBeCloseTo(book.width('logistics', { face: 'Calibri' }, 18), 6);
    expect(m.lineCount(runs, m.naturalWidth(runs, 18, 'Calibri'), 18, 'Calibri')).toBe(1);
  });
});
