import type { Change, DeckDiff } from './deck-diff.js';
import { diffSection, sectionText } from './diff-section.js';
import { diffSources } from './sources-version.js';
import { similarity } from './text.js';
import type { DeckVersion, SectionVersion } from './version.js';

/** Sections that share this much of their words are the same section, renamed and edited. */
const SAME_SECTION = 0.5;

/**
 * Two version records → what changed, in the briefer's terms. Pure. Without
 * `from` (a deck's first version, or a recipient new to the list) there are
 * no changes and `from` is absent.
 */
export function diffVersions(from: DeckVersion | undefined, to: DeckVersion): DeckDiff {
  if (!from) return { deck: to.deck, to: to.version, changes: [], slides: [] };
  const changes: Change[] = [...deckChanges(from, to)];
  const pairs = matchSections(from.sections, to.sections);
  const agenda = to.agendaSlides;
  const moved = movedSections(pairs);
  const newToOld = new Map(pairs.map(([a, b]) => [b, a]));
  const matchedOld = new Set(pairs.map(([a]) => a));
  from.sections.forEach((s, i) => {
    if (!matchedOld.has(i)) changes.push({ type: 'section', action: 'removed', section: s.title, slides: agenda });
  });
  const content: Change[] = [];
  to.sections.forEach((b, j) => {
    const i = newToOld.get(j);
    if (i === undefined) {
      changes.push({ type: 'section', action: 'added', section: b.title, slides: [...agenda, ...b.slides] });
      return;
    }
    const a = from.sections[i];
    if (a.title !== b.title)
      changes.push({
        type: 'section',
        action: 'renamed',
        section: b.title,
        before: a.title,
        slides: [...agenda, ...b.slides],
      });
    if (moved.has(i))
      changes.push({
        type: 'section',
        action: 'moved',
        section: b.title,
        from: i + 1,
        to: j + 1,
        slides: [...agenda, ...b.slides],
      });
    content.push(...diffSection(a, b));
  });
  changes.push(...content, ...diffSources(from.sources, to.sources));
  const slides = [...new Set(changes.flatMap((c) => c.slides))].sort((x, y) => x - y);
  return { deck: to.deck, from: from.version, to: to.version, changes, slides };
}

function deckChanges(a: DeckVersion, b: DeckVersion): Change[] {
  const out: Change[] = [];
  const at = b.titleSlides;
  if (a.title !== b.title) out.push({ type: 'deck', field: 'title', before: a.title, after: b.title, slides: at });
  if ((a.subtitle ?? '') !== (b.subtitle ?? ''))
    out.push({ type: 'deck', field: 'subtitle', before: a.subtitle ?? '', after: b.subtitle ?? '', slides: at });
  if (a.details.join('\n') !== b.details.join('\n'))
    out.push({
      type: 'deck',
      field: 'details',
      before: a.details.join(' · '),
      after: b.details.join(' · '),
      slides: at,
    });
  return out;
}

/**
 * Pair old and new sections (indexes), strictest key first: unchanged
 * sections (slug, title and text), then slug and title, then slug (the file
 * name, which a reworded heading keeps), then title (a renamed file), then
 * content (both renamed). Among equal candidates the nearest in position
 * wins, so repeated sections (same file name and title) pair with their own
 * neighbours, not with the first look-alike.
 */
export function matchSections(a: readonly SectionVersion[], b: readonly SectionVersion[]): [number, number][] {
  const pairs: [number, number][] = [];
  const freeA = new Set(a.keys());
  const freeB = new Set(b.keys());
  const take = (i: number, j: number) => {
    pairs.push([i, j]);
    freeA.delete(i);
    freeB.delete(j);
  };
  const textA = a.map(sectionText);
  const textB = b.map(sectionText);
  const keys: ((s: SectionVersion, text: string) => string)[] = [
    (s, t) => `${s.slug}\u0000${s.title}\u0000${t}`,
    (s) => `${s.slug}\u0000${s.title}`,
    (s) => s.slug,
    (s) => s.title,
  ];
  for (const key of keys) {
    const byKey = new Map<string, number[]>();
    for (const i of freeA) byKey.set(key(a[i], textA[i]), [...(byKey.get(key(a[i], textA[i])) ?? []), i]);
    for (const j of [...freeB]) {
      const i = nearest(
        (byKey.get(key(b[j], textB[j])) ?? []).filter((k) => freeA.has(k)),
        j,
      );
      if (i !== undefined) take(i, j);
    }
  }
  for (const j of [...freeB]) {
    let best: [number, number] | undefined;
    for (const i of freeA) {
      const score = similarity(textA[i], textB[j]);
      if (score >= SAME_SECTION && (!best || score > best[1])) best = [i, score];
    }
    if (best) take(best[0], j);
  }
  return pairs.sort((x, y) => x[1] - y[1]);
}

const nearest = (candidates: readonly number[], j: number): number | undefined =>
  candidates.reduce<number | undefined>(
    (best, i) => (best === undefined || Math.abs(i - j) < Math.abs(best - j) ? i : best),
    undefined,
  );

/**
 * Old indexes of the sections that moved: those outside the longest run that
 * kept its order (so removing one section does not "move" all that follow).
 */
function movedSections(pairs: readonly [number, number][]): Set<number> {
  const olds = pairs.map(([i]) => i);
  // Longest increasing subsequence, O(n log n), with back-links to recover it.
  const tails: number[] = [];
  const prev = new Array<number>(olds.length).fill(-1);
  olds.forEach((v, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (olds[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  });
  const keep = new Set<number>();
  for (let k = tails.at(-1) ?? -1; k >= 0; k = prev[k]) keep.add(olds[k]);
  return new Set(olds.filter((i) => !keep.has(i)));
}
