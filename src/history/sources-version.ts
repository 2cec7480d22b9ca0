import { runsText } from '../model/article.js';
import type { Slide } from '../model/deck.js';
import type { Change } from './deck-diff.js';
import { collapse } from './text.js';
import type { SourceVersion } from './version.js';

/**
 * The sources a deck shows, for its version record: each reference, footnote and link once, by key, with the slides
 * that show it (a footnote at the foot of its slide, or the Sources slide that lists it). A link's text leaves out
 * its slide numbers, which move whenever a slide is added before them.
 */
export function sourcesOf(slides: readonly Slide[]): SourceVersion[] {
  const byKey = new Map<string, SourceVersion>();
  slides.forEach((s, i) => {
    for (const e of s.sourceEntries ?? []) {
      const key = `${e.kind}\u0000${e.key ?? runsText(e.runs)}`;
      const text = collapse(
        e.kind === 'link'
          ? runsText(e.runs).replace(/ \(slides? [\d, ]+\)$/, '')
          : `${e.label ? `${e.label} ` : ''}${runsText(e.runs)}`,
      );
      const v = byKey.get(key) ?? { kind: e.kind, key: e.key ?? text, text, slides: [] };
      if (!v.slides.includes(i + 1)) v.slides.push(i + 1);
      byKey.set(key, v);
    }
  });
  return [...byKey.values()];
}

/** Added, removed and changed sources, by key (records without sources are not compared). */
export function diffSources(
  a: readonly SourceVersion[] | undefined,
  b: readonly SourceVersion[] | undefined,
): Change[] {
  if (!a || !b) return [];
  const id = (s: SourceVersion) => `${s.kind}\u0000${s.key}`;
  const before = new Map(a.map((s) => [id(s), s]));
  const after = new Set(b.map(id));
  const out: Change[] = [];
  for (const s of b) {
    const old = before.get(id(s));
    if (!old) out.push({ type: 'source', action: 'added', kind: s.kind, text: s.text, slides: s.slides });
    else if (old.text !== s.text)
      out.push({ type: 'source', action: 'changed', kind: s.kind, before: old.text, after: s.text, slides: s.slides });
  }
  // A removed source is shown where the list now is: the slides of the same kind's first remaining entry, if any.
  const where = (kind: SourceVersion['kind']) => b.find((s) => s.kind === kind)?.slides ?? [];
  for (const s of a)
    if (!after.has(id(s)))
      out.push({ type: 'source', action: 'removed', kind: s.kind, text: s.text, slides: where(s.kind) });
  return out;
}
