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

/** Splits text where its language changes, as PowerPoint splits runs typed in two languages. */
export function splitByLanguage(text: string, deckLang: string): LangRun[] {
  const own = SCRIPT_OF_LANGUAGE[deckLang.split('-')[0].toLowerCase()] ?? ['Latn'];
  const out: LangRun[] = [];
  for (const r of scriptRuns(text)) {
    const lang = !r.script || r.script === 'Latn' || own.includes(r.script) ? deckLang : (BY_SCRIPT[r.script] ?? deckLang);
    const piece = text.slice(r.start, r.end);
    const last = out[out.length - 1];
    if (last && last.lang === lang) last.text += piece;
    else out.push({ text: piece, lang });
  }
  return out.length > 0 ? out : [{ text, lang: deckLang }];
}
