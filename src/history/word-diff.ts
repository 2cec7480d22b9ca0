import { diffWords } from 'diff';

/**
 * One edited stretch of a text with a little context:
 * `…joint military exercises → joint naval exercises…` is
 * `{ before: 'joint ', removed: 'military', added: 'naval', after: ' exercises' }`.
 */
export interface Hunk {
  before: string;
  removed: string;
  added: string;
  after: string;
  /** The hunk starts at the text's start / ends at its end (no `…` there). */
  atStart: boolean;
  atEnd: boolean;
}

export interface WordDiffOptions {
  /** Words of context on each side (default 1, as in `…joint military exercises → joint naval exercises…`). */
  context?: number;
  /**
   * Give up (undefined) beyond this many inserted plus deleted words: such a text was rewritten, not edited (default
   * 80).
   */
  maxEdits?: number;
}

/**
 * Word-level hunks between two texts (the `diff` package's diffWords, which
 * ignores white space, so a reflow yields no hunk). Edits closer together
 * than twice the context merge into one hunk. Undefined when the texts differ
 * by more than `maxEdits` words: Myers' diff is O(N·D), and a rewrite reads
 * better whole than as word edits anyway.
 */
export function wordHunks(a: string, b: string, o: WordDiffOptions = {}): Hunk[] | undefined {
  const n = o.context ?? 1;
  const parts = diffWords(a, b, { maxEditLength: o.maxEdits ?? 80 });
  if (!parts) return undefined;
  const hunks: Hunk[] = [];
  let cur: Hunk | undefined;
  let pending = '';
  parts.forEach((p, k) => {
    if (!p.added && !p.removed) {
      const first = k === 0;
      const last = k === parts.length - 1;
      if (cur && !last && wordCount(p.value) <= 2 * n) {
        // Too little between two edits to split them: one hunk, the common words on both sides.
        pending += p.value;
        return;
      }
      if (cur) {
        cur.after = head(p.value, n);
        cur.atEnd = last && cur.after.length === p.value.length;
        hunks.push(cur);
        cur = undefined;
      }
      if (!last || first) pending = p.value;
      return;
    }
    if (!cur) {
      const ctx = tail(pending, n);
      cur = { before: ctx, removed: '', added: '', after: '', atStart: ctx.length === pending.length, atEnd: true };
    } else if (pending) {
      cur.removed += pending;
      cur.added += pending;
    }
    pending = '';
    if (p.removed) cur.removed += p.value;
    else cur.added += p.value;
  });
  if (cur) hunks.push(cur);
  return hunks;
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** The last `n` words of `s` (with the space that follows them). */
function tail(s: string, n: number): string {
  if (n === 0) return /\s*$/.exec(s)![0];
  const m = new RegExp(`(?:\\S+\\s*){0,${n}}$`).exec(s);
  return m ? m[0] : '';
}

/** The first `n` words of `s` (with the space before them). */
function head(s: string, n: number): string {
  if (n === 0) return /^\s*/.exec(s)![0];
  const m = new RegExp(`^(?:\\s*\\S+){0,${n}}`).exec(s);
  return m ? m[0] : '';
}
