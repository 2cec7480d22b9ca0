/**
 * "Did you mean" by edit distance, for flags, commands, themes, decks, files and time zones. The distance is the
 * optimal-string-alignment one (Damerau): a swapped pair of letters (`biuld`) counts as one edit, as typing slips do;
 * plain Levenshtein, which the npm packages compute, counts it as two and would miss `biuld` → `build`.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  // A third of the word, at least one edit: `forse` → `force`, but `x` is nobody's typo for `png`.
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean `force`?)`, or nothing when no candidate is near enough; `show` formats the candidate. */
export function didYouMean(
  word: string,
  candidates: Iterable<string>,
  show: (c: string) => string = (c) => `\`${c}\``,
): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : `; did you mean ${show(c)}?`;
}

/** `word` then `rest` as its own clause: `…; did you mean `x`? Expected …` or `…; expected …`. */
export function withSuggestion(near: string, rest: string): string {
  return near ? `${near} ${rest.charAt(0).toUpperCase()}${rest.slice(1)}` : `; ${rest}`;
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Rows i-2, i-1 and i of the table: O(|b|) memory.
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length];
}
