import type { Run } from '../../model/article.js';
import { breakUnits, type Box, type Fragment, type Unit } from './break-units.js';
import type { FontBook } from './font-book.js';
import { fits, gridWidth } from './layout-grid.js';

export interface WrapOptions {
  /** Width available to the text, in points (box width minus insets and indent). */
  widthPt: number;
  sizePt: number;
  /** Face for ordinary runs. */
  face: string;
  /** Face for `code` runs. */
  monoFace: string;
  book: FontBook;
  /**
   * How to wrap hyperlink runs: `text` as PowerPoint does (like any text),
   * `fields` as LibreOffice 7.4 does (one unbreakable field, split by
   * character when it must be), or `worst` (default): both, keeping the one
   * with more lines.
   */
  links?: 'worst' | 'text' | 'fields';
}

/** One wrapped line. */
export interface Line {
  /** Advance width of the line's content in points, trailing spaces excluded. */
  width: number;
  /** The line's text (for diagnostics and tests; joined on first read). */
  readonly text: string;
}


/**
 * Greedy line breaking as PowerPoint and LibreOffice do it: each line takes as
 * many boxes (see `breakUnits`) as fit; spaces at a line end hang (they do not
 * count against the width); a box that does not fit moves to the next line
 * whole, and only a box wider than a whole line is split by character (at
 * least one character per line); `breakBefore` and `\n` force a new line. A
 * paragraph always has at least one line, even when empty. Runs with an
 * `href` are by default wrapped both as ordinary text (PowerPoint) and as
 * unbreakable link fields (LibreOffice 7.4), and the result with more lines
 * is returned (see `WrapOptions.links`).
 */
export function wrapRuns(runs: readonly Run[], opts: WrapOptions): Line[] {
  const links = opts.links ?? 'worst';
  const hasLinks = runs.some((r) => r.href);
  if (!hasLinks || links === 'text') return wrapUnits(breakUnits(runs, opts), opts);
  const asFields = wrapUnits(breakUnits(runs, { ...opts, linkFields: true }), opts);
  if (links === 'fields') return asFields;
  // PowerPoint wraps links like any text, LibreOffice as unbreakable fields
  // split by character. Either may need more lines; plan for the worse.
  const asText = wrapUnits(breakUnits(runs, opts), opts);
  return asFields.length > asText.length ? asFields : asText;
}

function wrapUnits(units: Unit[], opts: WrapOptions): Line[] {
  const limit = opts.widthPt;
  const lines: Line[] = [];
  let width = 0;
  let glue = 0;
  let parts: string[] = [];
  /** The line holds only the spaces carried over after a split link field. */
  let spacesOnly = false;

  const newLine = () => {
    const texts = parts;
    let text: string | undefined;
    lines.push({
      width,
      get text() {
        return (text ??= texts.join(''));
      },
    });
    width = 0;
    glue = 0;
    parts = [];
    spacesOnly = false;
  };
  const place = (box: Box) => {
    if (glue > 0) parts.push(' ');
    width += glue + box.width;
    glue = box.glue;
    for (const f of box.fragments) parts.push(f.text);
  };

  /** After a split link field the line ends (once more text follows); the spaces after it start the next. */
  let fieldEnd: number | undefined;

  for (const unit of units) {
    if (unit.kind === 'break') {
      fieldEnd = undefined;
      newLine();
      continue;
    }
    if (fieldEnd !== undefined) {
      newLine();
      if (fieldEnd > 0) {
        width = fieldEnd;
        parts.push(' ');
        spacesOnly = true;
      }
      fieldEnd = undefined;
    }
    if (spacesOnly && !fits(width + unit.width, limit)) {
      // What does not fit after those spaces does not leave them a line of their own.
      width = 0;
      parts = [];
    }
    spacesOnly = false;
    if (parts.length > 0 && !fits(width + glue + unit.width, limit)) newLine();
    if (parts.length === 0 && !fits(unit.width, limit)) {
      for (const piece of splitBox(unit, limit, opts.sizePt)) {
        if (parts.length > 0) newLine();
        place(piece);
      }
      // LibreOffice ends the line after a link field it had to split; the
      // spaces after the field then start the next line, taking room.
      if (unit.field) fieldEnd = glue;
    } else {
      place(unit);
    }
  }
  newLine();
  return lines;
}

/**
 * Splits a box wider than `limit` into line-sized pieces between glyph
 * clusters (characters, but never inside a ligature), each piece as long as
 * fits, at least one cluster.
 */
function splitBox(box: Box, limit: number, sizePt: number): Box[] {
  const pieces: Box[] = [];
  let cur: Box = { kind: 'box', width: 0, glue: 0, fragments: [] };
  const width = (f: Fragment, from: number, to: number) =>
    f.text[from] === '\t'
      ? limit
      : gridWidth(f.font.advances(f.text.slice(from, to), f.script, f.text[to] ?? f.next), f.font.unitsPerEm, sizePt);
  const take = (f: Fragment, from: number, to: number, w: number) => {
    cur.fragments.push({ text: f.text.slice(from, to), font: f.font, script: f.script, next: f.text[to] ?? f.next });
    cur.width += w;
  };
  for (const f of box.fragments) {
    const ends = f.font.clusterEnds(f.text, f.script);
    let from = 0;
    let fitEnd = 0; // end of the longest prefix of f.text[from..] that fits
    let fitWidth = 0;
    let i = 0;
    let c = 0;
    while (i < f.text.length) {
      const end = ends[c] ?? f.text.length;
      const w = width(f, from, end);
      if (!fits(cur.width + w, limit) && (fitEnd > from || cur.fragments.length > 0)) {
        if (fitEnd > from) take(f, from, fitEnd, fitWidth);
        pieces.push(cur);
        cur = { kind: 'box', width: 0, glue: 0, fragments: [] };
        from = fitEnd > from ? fitEnd : from;
        fitEnd = from;
        continue; // measure the same character again on the new line
      }
      fitEnd = end;
      fitWidth = w;
      i = end;
      c++;
    }
    if (fitEnd > from) take(f, from, fitEnd, fitWidth);
  }
  cur.glue = box.glue;
  pieces.push(cur);
  return pieces;
}
