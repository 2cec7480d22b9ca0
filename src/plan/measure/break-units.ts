import type { Run } from '../../model/article.js';
import { canBreakInside } from './break-rules.js';
import type { FontBook, MeasuredFont } from './font-book.js';
import { gridWidth } from './layout-grid.js';
import { scriptOf, type Script } from './simple-shaper.js';

/** A piece of one run inside a box: its text, the font that measures it and the script it is shaped as. */
export interface Fragment {
  text: string;
  font: MeasuredFont;
  script: Script;
  /** The character after the fragment in its run, which it kerns with. */
  next?: string;
}

/**
 * An unbreakable stretch of text (a word, possibly spanning runs), followed by
 * a break opportunity. `glue` is the width of the spaces after it: they hang
 * at the end of a line, so they only count when the next box joins the line.
 */
export interface Box {
  kind: 'box';
  width: number;
  glue: number;
  fragments: Fragment[];
  /** A LibreOffice link field: when it has to be split, the line ends with it. */
  field?: boolean;
}

/** A forced line break (`breakBefore`, or a `\n` in a run's text). */
export interface ForcedBreak {
  kind: 'break';
}

export type Unit = Box | ForcedBreak;

export interface UnitStyle {
  sizePt: number;
  face: string;
  monoFace: string;
  book: FontBook;
  /**
   * Treat each hyperlink run as one unbreakable field, as LibreOffice 7.4
   * does (it then splits the link by character where it must); PowerPoint
   * wraps links like other text. See `wrapRuns`.
   */
  linkFields?: boolean;
}

/**
 * Default tab stops are 1 in apart in pptxgenjs decks (`defTabSz` 914400 EMU).
 * A tab is priced as a whole stop: never less than the real jump.
 */
export const TAB_STOP_PT = 72;

/** A fragment with its glyph advances in font units (size-independent). */
interface Piece extends Fragment {
  advances: readonly number[];
}

/** A box before sizing: its pieces and the spaces after it. */
type Segment = { kind: 'box'; pieces: Piece[]; glue: Piece[]; tab?: boolean; field?: boolean } | ForcedBreak;

const pieceWidth = (p: Piece, sizePt: number) => gridWidth(p.advances, p.font.unitsPerEm, sizePt);

/**
 * Splits runs into boxes at the places where the line may break: after
 * spaces, at `canBreakInside` opportunities, after a tab and at U+200B. A
 * no-break space (U+00A0) does not break. Between CJK ideographs there is no
 * break opportunity here: such text is split by character when it exceeds a line.
 */
export function breakUnits(runs: readonly Run[], st: UnitStyle): Unit[] {
  const units: Unit[] = [];
  for (const seg of segmentsOf(runs, st)) {
    if (seg.kind === 'break') {
      units.push(seg);
      continue;
    }
    let width = 0;
    if (seg.tab) width = TAB_STOP_PT;
    else for (const p of seg.pieces) width += pieceWidth(p, st.sizePt);
    let glue = 0;
    for (const p of seg.glue) glue += pieceWidth(p, st.sizePt);
    units.push({ kind: 'box', width, glue, fragments: seg.pieces, field: seg.field });
  }
  return units;
}

// --- segmentation, memoised per runs array ------------------------------------

interface Memo {
  texts: string[];
  flags: number[];
  segments: Segment[];
}

/**
 * The planner measures the same paragraph at several sizes and widths; its
 * segmentation and shaping do not depend on either. Memoised by the runs
 * array (per book and faces), and checked against a snapshot of the runs'
 * texts and flags so that a mutated array is segmented again.
 */
const MEMO = new WeakMap<FontBook, WeakMap<readonly Run[], Map<string, Memo>>>();

const flagsOf = (r: Run) =>
  (r.bold ? 1 : 0) | (r.italic ? 2 : 0) | (r.code ? 4 : 0) | (r.breakBefore ? 8 : 0) | (r.strike ? 16 : 0) | (r.href ? 32 : 0);

/**
 * Joins neighbouring runs that format alike: LibreOffice (like PowerPoint)
 * lays them out as one portion, kerning across the join (`P&L` + ` Ta`).
 * A different link target, strike-through or a forced break keeps them apart.
 */
function mergeRuns(runs: readonly Run[]): readonly Run[] {
  const alike = (a: Run, b: Run) =>
    !b.breakBefore &&
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.code === !!b.code &&
    !!a.strike === !!b.strike &&
    a.href === b.href;
  let i = 1;
  while (i < runs.length && !alike(runs[i - 1], runs[i])) i++;
  if (i >= runs.length) return runs; // nothing to join
  const out: Run[] = [];
  let group: Run[] = [];
  const flush = () => {
    if (group.length === 1) out.push(group[0]);
    else if (group.length > 1) out.push({ ...group[0], text: group.map((r) => r.text).join('') });
    group = [];
  };
  for (const r of runs) {
    if (group.length > 0 && !alike(group[group.length - 1], r)) flush();
    group.push(r);
  }
  flush();
  return out;
}

function segmentsOf(runs: readonly Run[], st: UnitStyle): Segment[] {
  let byRuns = MEMO.get(st.book);
  if (!byRuns) MEMO.set(st.book, (byRuns = new WeakMap()));
  let byFaces = byRuns.get(runs);
  if (!byFaces) byRuns.set(runs, (byFaces = new Map()));
  const key = `${st.face}\u0000${st.monoFace}\u0000${st.linkFields ? 1 : 0}`;
  const memo = byFaces.get(key);
  if (
    memo &&
    memo.texts.length === runs.length &&
    runs.every((r, i) => r.text === memo.texts[i] && flagsOf(r) === memo.flags[i])
  ) {
    return memo.segments;
  }
  const segments = segment(mergeRuns(runs), st);
  byFaces.set(key, { texts: runs.map((r) => r.text), flags: runs.map(flagsOf), segments });
  return segments;
}

function segment(runs: readonly Run[], st: UnitStyle): Segment[] {
  const out: Segment[] = [];
  let box: { kind: 'box'; pieces: Piece[]; glue: Piece[]; field?: boolean } | undefined;
  // The paragraph's text, forced breaks as `\n`, for context across runs.
  const full = runs.map((r) => (r.breakBefore ? '\n' : '') + r.text).join('');
  // Digits and punctuation are shaped in the script around them, as HarfBuzz
  // itemizes text; before the first letter, in the paragraph's first script.
  let script: Script = scriptOf(full);

  const finish = () => {
    if (box) {
      out.push(box);
      box = undefined;
    }
  };
  /**
   * The character `text` kerns with: `next` in the same run, unless it starts
   * another script (text is shaped per script run, so there is no kerning
   * between `Yvonne, ` and `ΑΥΤΟ`).
   */
  const context = (next: string | undefined) => {
    const other = next === undefined ? 'zyyy' : scriptOf(next);
    return other === 'zyyy' || other === script ? next : undefined;
  };
  /** Spaces end the open box as its glue (or add to the last box's glue); at a line start they take room. */
  const addSpaces = (spaces: Piece) => {
    const last = out[out.length - 1];
    if (box) {
      box.glue.push(spaces);
      finish();
    } else if (last && last.kind === 'box') last.glue.push(spaces);
    else out.push({ kind: 'box', pieces: [spaces], glue: [] });
  };
  const piece = (text: string, font: MeasuredFont, after: string | undefined): Piece => {
    const next = context(after);
    return { text, font, script, next, advances: font.advances(text, script, next) };
  };

  let offset = 0;
  for (const run of runs) {
    if (run.breakBefore) {
      finish();
      out.push({ kind: 'break' });
      offset++;
    }
    const font = st.book.font({ face: run.code ? st.monoFace : st.face, bold: run.bold, italic: run.italic });
    const text = run.text;
    if (st.linkFields && run.href && text.length > 0) {
      // LibreOffice: one unbreakable field, spaces inside included (they take
      // room even at a line start), no kerning with its neighbours. A line may
      // break before it when it starts with a space, and after it before a
      // space, a letter or a digit (checked: `link|next`, but `link,`).
      if (text[0] === ' ') finish();
      const own = scriptOf(text);
      if (own !== 'zyyy') script = own;
      box ??= { kind: 'box', pieces: [], glue: [] };
      box.pieces.push(piece(text, font, undefined));
      box.field = true;
      const after = full[offset + text.length];
      if (text.endsWith(' ') || after === undefined || after === ' ' || /[\p{L}\p{N}]/u.test(after)) finish();
      offset += text.length;
      continue;
    }
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === ' ') {
        let j = i;
        while (text[j] === ' ') j++;
        addSpaces(piece(text.slice(i, j), font, text[j]));
        i = j;
      } else if (c === '\n' || c === '\r') {
        finish();
        out.push({ kind: 'break' });
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      } else if (c === '\t') {
        finish();
        out.push({ kind: 'box', pieces: [{ text: '\t', font, script, advances: [] }], glue: [], tab: true });
        i++;
      } else if (c === '\u200b') {
        finish();
        i++;
      } else {
        // A word: up to the next space/tab/newline/ZWSP or break opportunity.
        let j = i;
        let cut = false;
        while (j < text.length) {
          const d = text[j];
          if (d === ' ' || d === '\n' || d === '\r' || d === '\t' || d === '\u200b') break;
          j++;
          if (canBreakInside(full, offset + j - 1)) {
            cut = true;
            break;
          }
        }
        const word = text.slice(i, j);
        const own = scriptOf(word);
        if (own !== 'zyyy') script = own;
        box ??= { kind: 'box', pieces: [], glue: [] };
        box.pieces.push(piece(word, font, text[j]));
        if (cut) finish();
        i = j;
      }
    }
    offset += text.length;
  }
  finish();
  return out;
}
