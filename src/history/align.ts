import { diffArrays } from 'diff';

/**
 * One step of aligning an old list with a new one. `at` is the new item's index, or for a removal where it would have
 * been.
 */
export type Step<T> =
  | { op: 'same'; a: T; b: T; at: number }
  | { op: 'changed'; a: T; b: T; at: number }
  | { op: 'added'; b: T; at: number }
  | { op: 'removed'; a: T; at: number };

/**
 * Align two lists (Myers diff over `same`, from the `diff` package), then
 * pair the removed and added items of each hunk that are `similar` into
 * "changed", keeping their order; what is left is added or removed.
 */
export function align<T>(
  olds: readonly T[],
  news: readonly T[],
  same: (a: T, b: T) => boolean,
  similar: (a: T, b: T) => boolean,
): Step<T>[] {
  const steps: Step<T>[] = [];
  let removed: T[] = [];
  let added: T[] = [];
  let at = 0;
  let oldAt = 0;
  const flush = () => {
    const start = at - added.length;
    let from = 0;
    for (const a of removed) {
      const k = added.findIndex((b, j) => j >= from && similar(a, b));
      if (k < 0) {
        steps.push({ op: 'removed', a, at: start + from });
        continue;
      }
      for (let j = from; j < k; j++) steps.push({ op: 'added', b: added[j], at: start + j });
      steps.push({ op: 'changed', a, b: added[k], at: start + k });
      from = k + 1;
    }
    for (let j = from; j < added.length; j++) steps.push({ op: 'added', b: added[j], at: start + j });
    removed = [];
    added = [];
  };
  // diffArrays compares with `comparator` and reports common runs with the new items' values.
  for (const part of diffArrays(olds as T[], news as T[], { comparator: same })) {
    if (part.removed) {
      removed.push(...part.value);
      oldAt += part.count;
    } else if (part.added) {
      added.push(...part.value);
      at += part.count;
    } else {
      flush();
      part.value.forEach((b, i) => steps.push({ op: 'same', a: olds[oldAt + i], b, at: at + i }));
      at += part.count;
      oldAt += part.count;
    }
  }
  flush();
  return steps;
}
