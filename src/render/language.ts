import { scriptRuns } from '../measure/script-runs.js';

/**
 * The language a run of text is tagged with (`a:rPr lang`), by its script:
 * PowerPoint takes spell-checking, line-breaking rules (kinsoku) and what a
 * screen reader pronounces from it. Latin text (and digits, punctuation)
 * takes the deck's language; other scripts the usual language for them,
 * unless the deck's own language is written in that script.
 */
const BY_SCRIPT: Record<string, string> = {
  Hang: 'ko-KR',
  Hira: 'ja-JP',
  Kana: 'ja-JP',
  Hani: 'zh-CN',
  Cyrl: 'ru-RU',
  Grek: 'el-GR',
  Arab: 'ar-SA',
  Hebr: 'he-IL',
};

/** Scripts of the languages a deck may be written in (BCP 47 primary subtag → script). */
const SCRIPT_OF_LANGUAGE: Record<string, string[]> = {
  ko: ['Hang', 'Hani'],
  ja: ['Hira', 'Kana', 'Hani'],
  zh: ['Hani'],
  ru: ['Cyrl'],
  uk: ['Cyrl'],
  bg: ['Cyrl'],
  sr: ['Cyrl'],
  el: ['Grek'],
  ar: ['Arab'],
  he: ['Hebr'],
};

/** East Asian languages: PowerPoint writes `altLang` (the UI language) beside them. */
export const isEastAsian = (lang: string): boolean => /^(ko|ja|zh)\b/i.test(lang);

export interface LangRun {
  text: string;
  lang: string;
}

const LATIN_ONLY = /^[\u0000-\u036f\u2000-\u206f]*$/;

/** Splits text where its language changes, as PowerPoint splits runs typed in two languages. */
export function splitByLanguage(text: string, deckLang: string): LangRun[] {
  // Latin, IPA, combining marks and general punctuation hold no script with a language of its own: the deck's.
  if (LATIN_ONLY.test(text)) return [{ text, lang: deckLang }];
  const own = SCRIPT_OF_LANGUAGE[deckLang.split('-')[0].toLowerCase()] ?? ['Latn'];
  const pieces = scriptRuns(text).map((r) => ({
    text: text.slice(r.start, r.end),
    script: r.script,
    lang: !r.script || r.script === 'Latn' || own.includes(r.script) ? deckLang : (BY_SCRIPT[r.script] ?? deckLang),
  }));
  // Kanji written next to kana are Japanese, not Chinese.
  pieces.forEach((p, i) => {
    if (
      p.script === 'Hani' &&
      p.lang !== deckLang &&
      [pieces[i - 1], pieces[i + 1]].some((q) => q?.script === 'Hira' || q?.script === 'Kana')
    )
      p.lang = 'ja-JP';
  });
  const out: LangRun[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.lang === p.lang) last.text += p.text;
    else out.push({ text: p.text, lang: p.lang });
  }
  return out.length > 0 ? out : [{ text, lang: deckLang }];
}
