import LineBreaker from 'linebreak';

/** Where lines may start in a paragraph's text. */
export interface BreakOpportunities {
  /**
   * Offsets (UTF-16), ascending, where a new line may start; the text's
   * length is always last. A mandatory break may repeat an offset (two forced
   * breaks in a row make an empty line).
   */
  positions: Int32Array;
  /** 1 where the break before that position is mandatory (a line feed, or a forced break). */
  required: Uint8Array;
}

/** LibreOffice glues a path: a break after `/` moves back to whitespace up to this far before it ("i#17155"). */
const SLASH_LOOKBACK = 65;

/** Hangul syllables and jamo. */
const isHangul = (c: number): boolean =>
  (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Line-break opportunities from the Unicode line breaking algorithm (UAX #14,
 * the `linebreak` package; LibreOffice uses ICU's implementation of it), with
 * the places where LibreOffice 7.4 was measured to differ as rules on top
 * (checked in test/measure/libreoffice-lines.test.ts):
 * - between two Hangul syllables it does not break: Korean is written with
 *   spaces and breaks there, where UAX #14 breaks between syllables;
 * - after a hyphen between a letter or digit and a digit (`COVID-|19`,
 *   `2020-|2021`) LibreOffice breaks; UAX #14 (LB25) reads `-19` as a number;
 * - after a backslash before a letter or digit, except between two digits,
 *   LibreOffice breaks; UAX #14 (LB24) keeps a prefix with what follows;
 * - after a slash it breaks only when no whitespace lies within 65
 *   characters before it, so in prose a path never breaks at its slashes;
 * - after a space before an opening bracket it breaks even when a quotation
 *   mark precedes the space (`"AVATAR" |[brackets]`): ICU does not keep
 *   UAX #14's rule LB15 there.
 * `forced` are offsets of forced line breaks between runs (`breakBefore`).
 */
export function breakOpportunities(text: string, forced: readonly number[] = []): BreakOpportunities {
  const found: [pos: number, required: number][] = [];
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    if (!b.required && text[b.position - 1] === '/' && slashGlued(text, b.position - 1)) continue;
    if (!b.required && isHangul(text.charCodeAt(b.position - 1)) && isHangul(text.charCodeAt(b.position))) continue;
    found.push([b.position, b.required ? 1 : 0]);
  }
  for (const pos of extraBreaks(text)) found.push([pos, 0]);
  for (const pos of forced) found.push([pos, 1]);
  found.push([text.length, 0]);
  return normalizeBreaks(found);
}

/** Sorted opportunities: ascending, optional before mandatory ones at one offset, each mandatory one kept. */
export function normalizeBreaks(found: [pos: number, required: number][]): BreakOpportunities {
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const positions: number[] = [];
  const required: number[] = [];
  for (const [pos, req] of found) {
    const last = positions.length - 1;
    if (last >= 0 && positions[last] === pos && (required[last] === 0 || req === 0)) {
      required[last] |= req;
      continue;
    }
    positions.push(pos);
    required.push(req);
  }
  return { positions: Int32Array.from(positions), required: Uint8Array.from(required) };
}

/** The hyphen, backslash and bracket opportunities UAX #14 does not give. */
function extraBreaks(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/ (?=\p{Ps})/gu)) out.push(m.index! + 1);
  for (let i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
    const prev = text[i - 1];
    if ((isWordChar(prev) || prev === '-') && isDigit(text[i + 1])) out.push(i + 1);
  }
  for (let i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1)) {
    const next = text[i + 1];
    if (isWordChar(next) && !(isDigit(text[i - 1]) && isDigit(next))) out.push(i + 1);
  }
  return out;
}

function slashGlued(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - SLASH_LOOKBACK; k--) {
    const c = text[k];
    if (c === ' ' || c === '\t' || c === '\n') return true;
  }
  return false;
}
