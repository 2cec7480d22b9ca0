import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/model/article.js';
import { shippedFonts } from '../../src/measure/fonts.js';
import { breakOpportunities } from '../../src/measure/line-breaks.js';
import { prepareParagraph } from '../../src/measure/prepare.js';
import { lineCount, longestSegment, wrapParagraph, type LinkMode } from '../../src/measure/wrap.js';

const fonts = shippedFonts();
const faces = (face = 'Calibri') => ({ face, mono: 'Courier New', fonts });
const prep = (runs: Run[], face?: string) => prepareParagraph(runs, faces(face));
const text = (s: string): Run[] => [{ text: s }];
/** Lines as text, wrapped at `size` in `width` points. */
const lines = (runs: Run[], width: number, size = 18, o: { face?: string; mode?: LinkMode } = {}) => {
  const p = prep(runs, o.face);
  const { starts } = wrapParagraph(p, size, width, o.mode ?? 'text');
  return starts.map((s, i) => p.text.slice(s, starts[i + 1] ?? p.text.length).trim());
};
const widthOf = (s: string, size = 18, face?: string) =>
  wrapParagraph(prep(text(s), face), size, Infinity, 'text').widths[0];
const prose =
  'Quarterly revenue rose twelve percent to 4.7 billion euros, driven by the AVATAR launch in Wales and Tyrol, ' +
  'while operating margin widened by two points as logistics costs fell.';

describe('wrapParagraph', () => {
  it('keeps a short text on one line, and an empty paragraph still takes a line', () => {
    expect(lines(text('Revenue up'), 400)).toHaveLength(1);
    expect(lines([], 400)).toHaveLength(1);
    expect(lines(text(''), 400)).toHaveLength(1);
  });

  it('breaks at spaces, never over the width, and lets trailing spaces hang', () => {
    const p = prep(text(prose));
    const r = wrapParagraph(p, 18, 200, 'text');
    expect(r.starts.length).toBeGreaterThan(2);
    for (const w of r.widths) expect(w).toBeLessThanOrEqual(200.01);
    expect(lines(text(prose), 200).join(' ')).toBe(prose);
    // A line that exactly fits its words still fits with spaces after them.
    const w = widthOf('Revenue up');
    expect(lines(text('Revenue up     '), w)).toHaveLength(1);
    expect(lines(text('Revenue up'), w - 0.5)).toHaveLength(2);
  });

  it('splits a word longer than the line by cluster, at least one per line', () => {
    const word = 'Supercalifragilisticexpialidocious';
    const got = lines(text(`A ${word} word`), 80);
    expect(got[0]).toBe('A'); // the long word moves to its own line first
    expect(
      got
        .slice(1)
        .join('')
        .replace(/ ?word$/, ''),
    ).toBe(word);
    expect(got.length).toBeGreaterThan(3);
    // Narrower than one character: one character a line.
    expect(lines(text('abc'), 1)).toHaveLength(3);
    // The tail of a split word shares its line with what follows when it fits.
    // (Courier New at 10 pt: 6 pt a character, 16 to a 100-pt line.)
    expect(lines([{ text: `${'m'.repeat(20)} x`, code: true }], 100, 10)).toEqual(['m'.repeat(16), 'mmmm x']);
  });

  it('never cuts inside a ligature when splitting', () => {
    // Carlito shapes "tt" as one glyph; no line may end between the two t's.
    for (let w = 20; w < 80; w += 1.5) {
      const got = lines(text('committeecommitteecommittee'), w);
      for (let i = 0; i + 1 < got.length; i++)
        expect(got[i].endsWith('t') && got[i + 1].startsWith('t'), `${w}: ${got.join('|')}`).toBe(false);
    }
  });

  it('starts a new line at breakBefore and at a newline, and keeps the empty line two breaks make', () => {
    expect(lines([{ text: 'First line' }, { text: 'second line', breakBefore: true }], 400)).toEqual([
      'First line',
      'second line',
    ]);
    expect(lines(text('one\ntwo'), 400)).toHaveLength(2);
    expect(lines([{ text: 'x' }, { text: '', breakBefore: true }], 400)).toHaveLength(2);
    expect(lines([{ text: 'a' }, { text: '', breakBefore: true }, { text: 'b', breakBefore: true }], 400)).toEqual([
      'a',
      '',
      'b',
    ]);
  });

  it('measures bold runs wider than regular ones, and code in the mono face', () => {
    const regular = wrapParagraph(prep(text(prose)), 18, Infinity, 'text').widths[0];
    const bold = wrapParagraph(prep([{ text: prose, bold: true }]), 18, Infinity, 'text').widths[0];
    const code = wrapParagraph(prep([{ text: prose, code: true }]), 18, Infinity, 'text').widths[0];
    expect(bold).toBeGreaterThan(regular);
    expect(code).toBeCloseTo(prose.length * (1229 / 2048) * 18, 0); // every Liberation Mono glyph is 1229/2048 em
    expect(lines([{ text: prose, bold: true }], 300).length).toBeGreaterThanOrEqual(lines(text(prose), 300).length);
  });

  it('wraps Hangul, Cyrillic and emoji with positive widths', () => {
    for (const s of [
      '분기 매출은 12% 증가했습니다',
      'Выручка выросла на двенадцать процентов',
      'Launch 🚀 done ✅ 👩‍💻',
    ]) {
      expect(widthOf(s), s).toBeGreaterThan(0);
      expect(lines(text(s), 60).length, s).toBeGreaterThan(1);
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
        const n = lineCount(prep(runs, face), 18, w, 'text');
        expect(n, `${face} at ${w} pt`).toBeLessThanOrEqual(prev);
        prev = n;
      }
    }
  });

  it('re-prepares a runs array that was changed after it was measured', () => {
    const runs: Run[] = [{ text: 'short' }];
    expect(lines(runs, 60)).toHaveLength(1);
    runs[0].text = 'a much longer text that needs several lines';
    expect(lines(runs, 60).length).toBeGreaterThan(1);
    runs.push({ text: 'more', breakBefore: true });
    expect(lines(runs, 10_000)).toHaveLength(2);
  });

  it('prepares the same words in the same style once, wherever they come from, and tells styles and faces apart', () => {
    const title = 'Recommendations for Strengthening Security Cooperation';
    expect(prep(text(title))).toBe(prep(text(title))); // two parses of one title: two arrays, one preparation
    expect(prep([{ text: title, bold: true }])).not.toBe(prep(text(title)));
    expect(prep(text(title), 'Arial')).not.toBe(prep(text(title)));
    expect(prep([{ text: 'Security ' }, { text: 'Cooperation', italic: true }])).not.toBe(
      prep([{ text: 'Security ' }, { text: 'Cooperation' }]),
    );
    expect(prepareParagraph(text(title), { ...faces(), caps: true }).text).toBe(title.toUpperCase());
    // No text can pass for other runs, however it is cut: the separators of the key are in the text here.
    expect(prep([{ text: 'x|1|0|0:4:y' }]).text).toBe('x|1|0|0:4:y');
    expect(prep([{ text: 'x' }, { text: 'y', breakBefore: true }]).text).toBe('xy');
    expect(prep([{ text: 'a', href: 'b1:c' }, { text: 'd' }])).not.toBe(
      prep([{ text: 'a', href: 'b' }, { text: '1:cd' }]),
    );
  });

  it('prepares an empty run of an unmeasurable face, as before the memo', () => {
    expect(
      prepareParagraph([{ text: 'Body ' }, { text: '', code: true }], { face: 'Calibri', mono: 'No Such Mono', fonts })
        .text,
    ).toBe('Body ');
  });

  it('wraps from an offset for a number of lines, as if the text started there', () => {
    const p = prep(text(prose));
    const all = wrapParagraph(p, 18, 200, 'text').starts;
    expect(wrapParagraph(p, 18, 200, 'text', all[2], 2).starts).toEqual(all.slice(2, 4));
    expect(wrapParagraph(p, 18, 200, 'text', 0, 1).starts).toEqual([0]);
  });

  it('gives the widest unbreakable stretch', () => {
    expect(longestSegment(prep(text('a logistics b')), 18)).toBeCloseTo(widthOf('logistics'), 6);
  });
});

describe('break opportunities', () => {
  const at = (s: string) => [...breakOpportunities(s).positions].filter((p) => p < s.length);
  it('follows UAX #14: after spaces, hyphens and dashes, never before punctuation', () => {
    expect(at('well-known')).toEqual([5]);
    expect(at('2020–2021')).toEqual([5]);
    expect(at('approach—proven')).toEqual([8, 9]); // before and after an em dash
    expect(at('wait…;')).toEqual([]);
    expect(at('e.g. 1,234.56')).toEqual([5]);
    expect(at('x -5')).toEqual([2]);
    expect(at('a\u00a0b')).toEqual([]); // a no-break space does not break
  });

  it('adds what LibreOffice does beyond UAX #14: a hyphen before digits, a backslash', () => {
    expect(at('COVID-19')).toEqual([6]);
    expect(at('(2020-2021)')).toEqual([6]);
    expect(at('a\\b')).toEqual([2]);
    expect(at('1\\2')).toEqual([]);
  });

  it('breaks after a slash only when no whitespace precedes it within 65 characters (LibreOffice i#17155)', () => {
    expect(at('and/or')).toEqual([4]);
    expect(at('see and/or')).toEqual([4]);
    expect(at('a/5')).toEqual([]);
  });

  it('marks forced breaks as required, each one kept', () => {
    const b = breakOpportunities('ab', [1, 1]);
    expect([...b.positions]).toEqual([1, 1, 2]);
    expect([...b.required]).toEqual([1, 1, 0]);
  });
});

describe('link fields (LibreOffice)', () => {
  const runs: Run[] = [
    { text: 'Read ' },
    { text: 'the full annual report for the fiscal year', href: 'https://x' },
    { text: ', then more.' },
  ];
  it('keeps a link unbroken as a field, moving it whole to the next line', () => {
    const w = widthOf('the full annual report for the fiscal year,') + 5; // the field and its comma fit, not with "Read " before
    expect(lines(runs, w, 18, { mode: 'text' })[0]).toMatch(/^Read the full/);
    expect(lines(runs, w, 18, { mode: 'fields' }).slice(0, 2)).toEqual([
      'Read',
      'the full annual report for the fiscal year,',
    ]);
  });
});
