/**
 * A table cell as an analyst writes a figure: `1,200`, `1 200`, `12.5%`, `$3.4bn`, `−5` (Unicode minus), `(5)` for a
 * negative in accounts style, and an empty cell for a missing value. The unit (`%`, `$`, `$bn`, `bn`) is kept apart
 * from the value: `$3.4bn` is 3.4 in `$bn`, since the chart shows the figures the analyst wrote, not their scaling.
 */
export type ChartNumber = { value: number | null; unit: string } | { error: string };

/** Currency signs taken as a unit before the figure. */
const PREFIX = /^(US\$|A\$|C\$|[$€£¥₹₽])/;
/** A unit after the figure: a percent or per-mille sign, or a short word (`bn`, `m`, `k`, `tn`, `pp`, `kt`). */
const SUFFIX = /(%|‰|\s?[A-Za-z]{1,3})$/;
/** Digits in groups of three (`1,200`, `1 200` with a space, no-break or thin space), or plain, with a decimal point. */
const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+|\d+)?(\.\d+)?$/;

export const EXPECTED_NUMBER = 'a number such as `1,200`, `12.5%`, `$3.4bn` or `(5)`, or an empty cell';

export function parseChartNumber(cell: string): ChartNumber {
  let s = cell.trim();
  if (s === '') return { value: null, unit: '' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const sign = /^[-−+]/.exec(s);
  if (sign) {
    if (negative) return { error: EXPECTED_NUMBER };
    negative = sign[0] !== '+';
    s = s.slice(1).trim();
  }
  const prefix = PREFIX.exec(s)?.[0] ?? '';
  s = s.slice(prefix.length).trim();
  // A sign may also follow the currency: `$-5`, `$−5`.
  if (!sign && !negative && /^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  const suffix = SUFFIX.exec(s)?.[0] ?? '';
  s = s.slice(0, s.length - suffix.length);
  const digits = DIGITS.exec(s);
  if (!digits || s === '' || s === '.') return { error: EXPECTED_NUMBER };
  const value = Number(s.replace(/[ ,\u00a0\u2009\u202f]/g, ''));
  if (!Number.isFinite(value)) return { error: EXPECTED_NUMBER };
  return { value: negative && value !== 0 ? -value : value, unit: prefix + suffix.trim() };
}
