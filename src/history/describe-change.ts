import type { Change, TextRole } from './deck-diff.js';
import { leadIn } from './text.js';
import { wordHunks, type Hunk } from './word-diff.js';

/**
 * One change as a line, before it is printed as text or HTML: a heading
 * (`Bullet changed · Section`), then the parts, then the slides. The text and
 * HTML forms (format-diff.ts) both render these, so they never disagree.
 */
export interface DiffLine {
  head: string;
  parts: Part[];
  slides: number[];
}

/**
 * Plain text; an edit in context (`…joint military exercises → joint naval
 * exercises…`, or with each side quoted for table cells); or a whole value
 * replaced (`"a" → "b"`).
 */
export type Part = { text: string } | { hunk: Hunk; quoted?: boolean } | { before: string; after: string };

/** Values up to this long are shown whole (`"old" → "new"`); longer ones as word-level edits in context. */
const WHOLE = 60;
/** At most this many edits per line; a text rewritten more than that is shown whole, shortened. */
const MAX_HUNKS = 3;
/** Longer values are cut (at a word) with `…`. */
const CLIP = 120;

export function describeChange(c: Change): DiffLine {
  const line = (head: string, ...parts: Part[]): DiffLine => ({ head, parts, slides: c.slides });
  switch (c.type) {
    case 'deck':
      return line(`Title slide · ${c.field}`, ...edit(c.before, c.after));
    case 'section':
      if (c.action === 'renamed') return line('Section renamed', { before: c.before, after: c.section });
      if (c.action === 'moved')
        return line('Section moved', quoted(c.section), { text: ` from position ${c.from} to ${c.to}` });
      return line(`Section ${c.action}`, quoted(c.section));
    case 'text': {
      // In the briefer's terms: `Column "Beijing" · bullet added`, `Key judgment changed`.
      const what = c.label ?? ROLE[c.role];
      const where = c.column
        ? `Column "${clip(c.column, 40)}" · ${what.toLowerCase()} ${c.action} · ${shortTitle(c.section)}`
        : `${what} ${c.action} · ${shortTitle(c.section)}`;
      if (c.action !== 'changed') return line(where, quoted(c.text));
      const nesting = c.level
        ? [{ text: `${c.before === c.after ? ' ' : ' · '}level ${c.level[0] + 1} → ${c.level[1] + 1}` }]
        : [];
      if (c.before === c.after) return line(where, quoted(c.after), ...nesting);
      const label = leadIn(c.after);
      const parts = edit(c.before, c.after);
      const labelled = label && !parts.some((p) => 'hunk' in p && p.hunk.atStart) && !parts.some((p) => 'before' in p);
      return line(where, ...(labelled ? [{ text: `${label} ` }] : []), ...parts, ...nesting);
    }
    case 'table':
      return line(`Table ${c.action} · ${shortTitle(c.section)}`, quoted(c.table), {
        text: ` (${c.rows} row${c.rows === 1 ? '' : 's'})`,
      });
    case 'row':
      return line(`Table row ${c.action}`, { text: `${shortTitle(c.table)} · ${c.key}` });
    case 'cell':
      return line(
        'Table row changed',
        { text: `${shortTitle(c.table)} · ${c.key} · ${c.column}: ` },
        ...edit(c.before, c.after, true),
      );
    case 'column':
      if (c.action === 'renamed')
        return line(
          'Table column renamed',
          { text: `${shortTitle(c.table)}: ` },
          { before: c.before, after: c.column },
        );
      return line(`Table column ${c.action}`, { text: `${shortTitle(c.table)}: ` }, quoted(c.column));
    case 'chart':
      if (c.action === 'changed')
        return line(`Chart changed · ${shortTitle(c.section)}`, { before: c.before, after: c.after });
      return line(`Chart ${c.action} · ${shortTitle(c.section)}`, quoted(c.chart));
    case 'chart-part':
      return line(`Chart ${c.part} ${c.action}`, { text: `"${shortTitle(c.chart)}" · ` }, quoted(c.name));
    case 'chart-value':
      return line(`Chart "${shortTitle(c.chart)}" · ${c.series} · ${c.category}`, { text: `${c.before} → ${c.after}` });
    case 'notes':
      return line(`Notes changed · ${shortTitle(c.section)}`, ...edit(c.before, c.after));
    case 'builds':
      return line(`Builds turned ${c.on ? 'on' : 'off'} · ${shortTitle(c.section)}`, {
        text: c.on ? 'bullets appear one at a time' : 'bullets appear all at once',
      });
    case 'source': {
      const what = { reference: 'Reference', footnote: 'Footnote', link: 'Link' }[c.kind];
      if (c.action === 'changed') return line(`${what} changed`, ...edit(c.before, c.after));
      return line(`${what} ${c.action}`, quoted(c.text));
    }
    case 'image':
      if (c.action !== 'changed') return line(`Image ${c.action} · ${shortTitle(c.section)}`, quoted(c.alt));
      if (c.before === c.alt) return line(`Image replaced · ${shortTitle(c.section)}`, quoted(c.alt));
      return line(`Image ${c.replaced ? 'replaced' : 'alt text changed'} · ${shortTitle(c.section)}`, {
        before: c.before,
        after: c.alt,
      });
  }
}

const ROLE: Record<TextRole, string> = {
  bullet: 'Bullet',
  lead: 'Lead-in',
  'slide title': 'Slide title',
  statement: 'Statement',
  quote: 'Quote',
  code: 'Code',
  caption: 'Caption',
  callout: 'Callout',
};

/** Short values whole; long ones as up to three word-level edits; a rewrite as both values, shortened. */
function edit(before: string, after: string, quote = false): Part[] {
  if (before.length <= WHOLE && after.length <= WHOLE) return [{ before, after }];
  const hunks = wordHunks(before, after);
  if (!hunks || hunks.length === 0 || hunks.length > MAX_HUNKS || rewritten(hunks, after))
    return [{ before: clip(before), after: clip(after) }];
  return hunks.flatMap((hunk, k): Part[] =>
    k === 0 ? [{ hunk, quoted: quote }] : [{ text: '; ' }, { hunk, quoted: quote }],
  );
}

/** More than half of the new text is new: word edits would be harder to read than the texts. */
const rewritten = (hunks: readonly Hunk[], after: string): boolean =>
  hunks.reduce((n, h) => n + h.added.length, 0) > after.length / 2;

const quoted = (s: string): Part => ({ text: `"${clip(s)}"` });

export const clip = (s: string, n = CLIP): string =>
  s.length <= n ? s : `${s.slice(0, n - 1).replace(/\s+\S*$/, '')}…`;

/**
 * `Russia and North Korea’s Treaty: A Strategic Shift…` → `Russia and North Korea’s Treaty`: the part of a title before
 * its colon, when there is one.
 */
export function shortTitle(t: string): string {
  const m = /^(.{8,60}?): /.exec(t);
  return m ? m[1] : clip(t, 60);
}
