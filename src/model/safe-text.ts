import type { Run } from './article.js';

/**
 * The one sanitiser of the text a deck shows, used by the planner (every
 * frame it measures, every table cell it parses) and by the writer (every
 * run it hands pptxgenjs), so that what is measured is what is written:
 * - a line break of any kind (LF, CR, CRLF, VT, FF, NEL, U+2028, U+2029) is
 *   a line break inside the paragraph (a run with `breakBefore`, written as
 *   `<a:br/>`), never a new paragraph;
 * - characters XML 1.0 cannot hold are dropped (NUL and the other C0
 *   controls but tab, U+FFFE, U+FFFF), and a lone surrogate becomes U+FFFD,
 *   as UTF-8 encoding would make it anyway.
 * Tabs, combining marks, right-to-left text and emoji are kept as they are.
 * Idempotent: sanitised runs come back equal.
 */
export function safeRuns(runs: readonly Run[]): Run[] {
  // The planner frames a frozen paragraph many times (each page of a long one): checked once. Other arrays may change.
  if (!Object.isFrozen(runs)) return sanitise(runs);
  const known = checked.get(runs);
  if (known) return known;
  const out = sanitise(runs);
  checked.set(runs, out === runs ? out : frozenRuns(out));
  return checked.get(runs)!;
}

const checked = new WeakMap<readonly Run[], Run[]>();

/**
 * A copy of `runs` that cannot change (array and runs frozen), for a paragraph measured again and again: what is
 * worked out from it (its sanitised runs, its prepared text) is kept by identity, not rebuilt from its content.
 */
export const frozenRuns = (runs: readonly Run[]): Run[] =>
  Object.isFrozen(runs) ? (runs as Run[]) : (Object.freeze(runs.map((r) => Object.freeze({ ...r }))) as Run[]);

function sanitise(runs: readonly Run[]): Run[] {
  if (runs.every((r) => CLEAN.test(r.text))) return runs as Run[];
  const out: Run[] = [];
  for (const r of runs) {
    const lines = r.text.split(LINE_BREAK);
    lines.forEach((line, k) => {
      const text = safeText(line);
      if (k === 0) out.push(text === r.text ? r : { ...r, text });
      else out.push({ ...r, text, breakBefore: true });
    });
  }
  return out;
}

/** Text without line breaks (each becomes a space) or characters XML cannot hold: titles, notes lines, names. */
export const safeLine = (s: string): string => (CLEAN.test(s) ? s : safeText(s.replace(LINE_BREAK, ' ')));

/** Text with the characters XML 1.0 cannot hold dropped, lone surrogates replaced (line breaks left as they are). */
export function safeText(s: string): string {
  return s.replace(FORBIDDEN, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Every line-break sequence. */
export const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Nothing to change: no control character but tab, no line break, no surrogate, no non-character. */
const CLEAN = /^[^\u0000-\u0008\u000A-\u001F\u0085\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]*$/;
