import { plural } from '../util/plural.js';
import { escapeHtml } from '../util/html.js';
import type { Change, DeckDiff, TextRole } from './deck-diff.js';
import { describeChange, type DiffLine, type Part } from './describe-change.js';

export interface FormatOptions {
  /** Print at most this many change lines, then `… and N more changes` (default: all). */
  maxLines?: number;
}

export interface SummaryOptions {
  /** Name at most this many kinds of change, then `…` (a mail subject keeps the first two). */
  maxItems?: number;
}

/**
 * One line for a mail subject or a log: `first version`, `unchanged`, or
 * `updated: 3 sections · 2 bullets · 1 table row`.
 */
export function summarizeDiff(d: DeckDiff, o: SummaryOptions = {}): string {
  if (!d.from) return 'first version';
  if (d.changes.length === 0) return 'unchanged';
  const items = tally(d.changes);
  const max = Math.max(1, o.maxItems ?? Infinity);
  return `updated: ${[...items.slice(0, max), ...(items.length > max ? ['…'] : [])].join(' · ')}`;
}

/** The diff as lines of text: one per change, then the changed slides. */
export function formatDiff(d: DeckDiff, o: FormatOptions = {}): string[] {
  if (!d.from) return ['First version: nothing to compare it with.'];
  if (d.changes.length === 0) return ['No changes.'];
  const { shown, more } = cut(d, o);
  return [
    ...shown.map(lineText),
    ...(more > 0 ? [`… and ${plural(more, 'more change')}`] : []),
    `Slides with changes: ${slideList(d.slides)}`,
  ];
}

/** The same as an HTML fragment (a list; edits as <del>/<ins>), for the gallery and the mail. */
export function diffHtml(d: DeckDiff, o: FormatOptions = {}): string {
  if (!d.from) return '<p class="changes none">First version: nothing to compare it with.</p>';
  if (d.changes.length === 0) return '<p class="changes none">No changes.</p>';
  const { shown, more } = cut(d, o);
  const items = shown.map(
    (l) =>
      `<li><strong>${escapeHtml(l.head)}</strong>: ${l.parts.map(partHtml).join('')} <span class="where">(${escapeHtml(slidesText(l.slides))})</span></li>`,
  );
  if (more > 0) items.push(`<li class="more">… and ${plural(more, 'more change')}</li>`);
  return `<ul class="changes">\n${items.join('\n')}\n</ul>`;
}

function cut(d: DeckDiff, o: FormatOptions): { shown: DiffLine[]; more: number } {
  const lines = d.changes.map(describeChange);
  const max = o.maxLines ?? Infinity;
  return lines.length > max
    ? { shown: lines.slice(0, Math.max(0, max)), more: lines.length - Math.max(0, max) }
    : { shown: lines, more: 0 };
}

const lineText = (l: DiffLine): string => `${l.head}: ${l.parts.map(partText).join('')} (${slidesText(l.slides)})`;

function partText(p: Part): string {
  if ('text' in p) return p.text;
  if ('before' in p) return `"${p.before}" → "${p.after}"`;
  const { before, removed, added, after, atStart, atEnd } = p.hunk;
  const pre = atStart ? '' : '…';
  const post = atEnd ? '' : '…';
  const side = (middle: string) => tidy(`${before}${middle}${after}`);
  // Quoted (table cells): each side stands alone. Unquoted: one sentence read across the arrow.
  if (p.quoted) return `"${pre}${side(removed)}${post}" → "${pre}${side(added)}${post}"`;
  return `${pre}${side(removed)} → ${side(added)}${post}`;
}

function partHtml(p: Part): string {
  if ('text' in p) return escapeHtml(p.text);
  if ('before' in p) return `<del>${escapeHtml(p.before)}</del> → <ins>${escapeHtml(p.after)}</ins>`;
  const { before, removed, added, after, atStart, atEnd } = p.hunk;
  const del = removed ? `<del>${escapeHtml(removed)}</del>` : '';
  const ins = added ? `<ins>${escapeHtml(added)}</ins>` : '';
  const q = p.quoted ? '"' : '';
  return `${q}${atStart ? '' : '…'}${escapeHtml(before)}${del}${ins}${escapeHtml(after)}${atEnd ? '' : '…'}${q}`;
}

/** An insertion or deletion leaves a doubled or edge space behind. */
const tidy = (s: string): string => s.replace(/\s+/g, ' ').trim();

const slidesText = (slides: readonly number[]): string =>
  slides.length === 0 ? 'no slide' : `${slides.length === 1 ? 'slide' : 'slides'} ${slideList(slides)}`;

/** 2, 3, 4, 7 → `2–4, 7`. */
export function slideList(slides: readonly number[]): string {
  const s = [...new Set(slides)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
    out.push(j > i + 1 ? `${s[i]}–${s[j]}` : j === i + 1 ? `${s[i]}, ${s[j]}` : `${s[i]}`);
    i = j;
  }
  return out.join(', ');
}

const NOUN: Record<TextRole, string> = {
  bullet: 'bullet',
  lead: 'lead-in',
  'slide title': 'slide title',
  statement: 'statement',
  quote: 'quote',
  code: 'code block',
  caption: 'caption',
  callout: 'callout',
};

/**
 * What changed, counted in the briefer's units: sections, bullets, table rows (a row with three edited cells is one), …
 */
function tally(changes: readonly Change[]): string[] {
  const distinct = (f: (c: Change) => string | undefined) =>
    new Set(changes.map(f).filter((x) => x !== undefined)).size;
  const counts: [number, string][] = [
    [distinct((c) => (c.type === 'section' ? c.section : undefined)), 'section'],
    [changes.filter((c) => c.type === 'text' && c.role === 'bullet').length, 'bullet'],
    [changes.filter((c) => c.type === 'table').length, 'table'],
    [
      distinct((c) =>
        c.type === 'row' || c.type === 'cell' ? `${c.section}\u0000${c.table}\u0000${c.key}` : undefined,
      ),
      'table row',
    ],
    [changes.filter((c) => c.type === 'column').length, 'table column'],
    [changes.filter((c) => c.type === 'image').length, 'image'],
    [
      distinct((c) => (c.type.startsWith('chart') && 'chart' in c ? `${c.section}\u0000${c.chart}` : undefined)),
      'chart',
    ],
    [changes.filter((c) => c.type === 'source').length, 'source'],
  ];
  const out = counts.filter(([n]) => n > 0).map(([n, w]) => plural(n, w));
  const notes = changes.filter((c) => c.type === 'notes').length;
  if (notes > 0) out.push(`notes in ${plural(notes, 'section')}`);
  const builds = changes.filter((c) => c.type === 'builds').length;
  if (builds > 0) out.push(`builds in ${plural(builds, 'section')}`);
  if (changes.some((c) => c.type === 'deck')) out.push('title slide');
  for (const role of Object.keys(NOUN) as TextRole[]) {
    if (role === 'bullet') continue;
    const n = changes.filter((c) => c.type === 'text' && c.role === role).length;
    if (n > 0) out.push(plural(n, NOUN[role]));
  }
  return out;
}
