/**
 * The language each run is tagged with (`a:rPr lang`): the deck's for Latin
 * text, punctuation and digits; the script's usual language for other
 * scripts, unless the deck is written in that script.
 */
import { describe, expect, it } from 'vitest';
import { splitByLanguage } from '../../src/render/language.js';

describe('splitByLanguage', () => {
  it('keeps Latin text with accents, IPA, typographic quotes and dashes in one run of the deck’s language', () => {
    const text = 'Café “naïve” — the ʃ sound, 12 % more';
    expect(splitByLanguage(text, 'en-GB')).toEqual([{ text, lang: 'en-GB' }]);
    expect(splitByLanguage('', 'en-GB')).toEqual([{ text: '', lang: 'en-GB' }]);
  });

  it('gives every character of the Latin-only fast path the language the full scan gives it', () => {
    // A Greek letter at the end makes the full scan run; what comes before it must still be the deck's.
    for (const [from, to] of [
      [0x20, 0x36f],
      [0x2000, 0x206f],
    ]) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        const [first] = splitByLanguage(`a${ch}a Ω`, 'en-US');
        expect(first.lang, `U+${cp.toString(16)}`).toBe('en-US');
        expect(first.text.startsWith(`a${ch}a`), `U+${cp.toString(16)}`).toBe(true);
      }
    }
  });

  it('splits where another script starts, just past the Latin ranges', () => {
    expect(splitByLanguage('Athens (Αθήνα) and Kyiv (Київ)', 'en-US')).toEqual([
      { text: 'Athens (', lang: 'en-US' },
      { text: 'Αθήνα) ', lang: 'el-GR' },
      { text: 'and Kyiv (', lang: 'en-US' },
      { text: 'Київ)', lang: 'ru-RU' },
    ]);
  });

  it('tags Hangul and kanji beside kana, and leaves a deck’s own script in its language', () => {
    expect(splitByLanguage('Seoul 서울', 'en-US')).toEqual([
      { text: 'Seoul ', lang: 'en-US' },
      { text: '서울', lang: 'ko-KR' },
    ]);
    expect(splitByLanguage('東京へ', 'en-US')).toEqual([{ text: '東京へ', lang: 'ja-JP' }]);
    expect(splitByLanguage('Москва', 'ru-RU')).toEqual([{ text: 'Москва', lang: 'ru-RU' }]);
  });
});
