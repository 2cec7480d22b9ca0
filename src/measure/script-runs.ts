/** A stretch of text in one script: `script` is an ISO 15924 tag for HarfBuzz, or undefined to let it guess. */
export interface ScriptRun {
  start: number;
  end: number;
  script?: string;
}

/** Scripts named explicitly; letters of any other script form runs of their own that HarfBuzz identifies. */
const SCRIPTS: [tag: string, re: RegExp][] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hira', /\p{Script=Hiragana}/u],
  ['Kana', /\p{Script=Katakana}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
];
const STRONG = /[\p{L}\p{Nl}]/u;

/**
 * Splits text into script runs the way HarfBuzz-based layout (LibreOffice)
 * itemizes it: digits, punctuation, spaces and marks take the script of the
 * letters before them (at the start, of the first letter after them).
 */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let current: string | null = null; // null: no strong letter seen yet
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const s = scriptOf(cp, text, i, len);
    if (s !== null) {
      if (current === null) current = s;
      else if (s !== current) {
        runs.push({ start, end: i, script: tagOf(current) });
        start = i;
        current = s;
      }
    }
    i += len;
  }
  if (text.length > 0) runs.push({ start, end: text.length, script: tagOf(current) });
  return runs;
}

const tagOf = (s: string | null | undefined) => (s && !s.startsWith('?') ? s : undefined);

/** The script of a strong character (`?block` when unnamed), or null for a neutral one. */
function scriptOf(cp: number, text: string, i: number, len: number): string | null {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 'Latn' : null;
  const ch = len === 1 ? text[i] : text.slice(i, i + len);
  if (!STRONG.test(ch)) return null;
  for (const [tag, re] of SCRIPTS) if (re.test(ch)) return tag;
  return `?${cp >> 7}`; // an unnamed script: a run of its own per 128-character block
}
