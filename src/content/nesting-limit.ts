import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';

/**
 * The deepest nesting a slide can show: 12 levels of lists, quotes or
 * emphasis. Deeper text is refused before marked sees it (marked recurses
 * once per level: about 2,000 nested `*` or `>` overflow its stack), as the
 * unbreakable-text rule refuses text no slide can show.
 */
export const MAX_NESTING = 12;

/**
 * One linear pass over a section body: where lists, quotes or emphasis nest
 * deeper than MAX_NESTING, an error at the line and column where the limit is
 * passed (the first such place per kind). Conservative in the reader's
 * favour: it counts what marked would nest (container markers at a line's
 * start, list indentation, emphasis delimiters that open), skipping fenced
 * code and code spans.
 */
export function nestingProblems(body: string, file: string, firstLine: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (kind: 'containers' | 'emphasis', line: number, column: number, what: string) => {
    if (seen.has(kind)) return;
    seen.add(kind);
    const at: Position = { file, line: firstLine + line, column };
    out.push(
      diagnostic(
        'error',
        'nesting-too-deep',
        at,
        `Unexpected ${what} nested more than ${MAX_NESTING} levels deep, expected at most ${MAX_NESTING}: no slide can show them`,
        kind === 'emphasis'
          ? 'close the emphasis sooner, or escape literal asterisks and underscores as `\\*` and `\\_`'
          : 'flatten the lists or quotes, or split the text into sections',
      ),
    );
  };
  const lines = body.split('\n');
  let fence: string | undefined;
  // Content columns of the open list items, innermost last.
  const items: number[] = [];
  let emphasis = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (line.trim() === '') {
      emphasis = 0; // emphasis never spans a paragraph
      continue;
    }
    // Container markers at the line's start: `>` and list markers, any number of them on one line.
    let i = 0;
    let depth = 0;
    const indent = /^ */.exec(line)![0].length;
    while (items.length > 0 && indent < items[items.length - 1]) items.pop();
    depth = items.length;
    for (;;) {
      while (line[i] === ' ' || line[i] === '\t') i++;
      const rest = line.slice(i, i + 12);
      const marker = /^(>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(rest);
      if (!marker || /^([-*_])( *\1){2,} *$/.test(line.slice(i))) break; // a thematic break is no list
      depth++;
      i += marker[0].length;
      if (marker[0] !== '>') items.push(i + 1);
      if (depth > MAX_NESTING) {
        report('containers', n, i, 'lists or quotes');
        break;
      }
    }
    emphasis = emphasisDepth(line, i, emphasis, (column) => report('emphasis', n, column, 'emphasis'));
  }
  return out;
}

/**
 * Emphasis levels open after `line`, from `open` before it: a delimiter run (`*`, `_`, `~`) that can only open adds
 * its levels (a run of n opens up to n/2 strong levels, at least one), one that can only close takes them away.
 * Code spans are skipped.
 */
function emphasisDepth(line: string, from: number, open: number, tooDeep: (column: number) => void): number {
  let depth = open;
  // Backtick runs with no closing run after them, by length: searched for once, not once per run of that length (a
  // line of such runs would be read again for each).
  const unclosed = new Set<number>();
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      let k = i;
      while (line[k] === '`') k++;
      const close = unclosed.has(k - i) ? -1 : line.indexOf(line.slice(i, k), k);
      if (close >= 0) i = close + (k - i) - 1;
      else {
        unclosed.add(k - i);
        i = k - 1;
      }
      continue;
    }
    if (c !== '*' && c !== '_' && c !== '~') continue;
    let k = i;
    while (line[k] === '*' || line[k] === '_' || line[k] === '~') k++;
    const before = i === 0 ? ' ' : line[i - 1];
    const after = k >= line.length ? ' ' : line[k];
    const levels = Math.max(1, Math.ceil((k - i) / 2));
    const opens = !/\s/.test(after);
    const closes = !/\s/.test(before);
    if (opens && !closes) depth += levels;
    else if (closes && !opens) depth = Math.max(0, depth - levels);
    else if (opens && closes && k - i > 2 * MAX_NESTING) depth += levels;
    if (depth > MAX_NESTING) {
      tooDeep(i + 1);
      return 0;
    }
    i = k - 1;
  }
  return depth;
}
