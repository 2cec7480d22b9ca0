/**
 * Lines and columns inside one block's raw text (the block starting at line `line`), for the positions of what was
 * found in it: markers, images, raw HTML, links, list items. The block's line starts are counted once, so placing
 * any number of things in it is linear in its length, not one count from its top per thing (a 200 KB paragraph of
 * footnote markers took seconds).
 */
export class BlockOffsets {
  private starts: number[] | undefined;

  constructor(
    private readonly raw: string,
    private readonly line: number,
  ) {}

  /** Line and column of offset `index`; the block's line and column 1 for a negative one (not found). */
  at(index: number): { line: number; column: number } {
    if (index < 0) return { line: this.line, column: 1 };
    const starts = (this.starts ??= lineStarts(this.raw));
    // The last line starting at or before `index`.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.line + lo, column: index - starts[lo] + 1 };
  }

  /**
   * A search for things met in document order: each is looked for from where the previous one found ended, so a
   * repeated one is placed where it is, and the searches together read the block once. -1 when not found (text
   * marked re-indented, in a nested list item).
   */
  inOrder(): (needle: string) => number {
    let cursor = 0;
    return (needle) => {
      const i = this.raw.indexOf(needle, cursor);
      if (i >= 0) cursor = i + needle.length;
      return i;
    };
  }
}

function lineStarts(s: string): number[] {
  const out = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}
