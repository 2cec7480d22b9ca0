import { align, type Step } from './align.js';
import type { Change, TextPlace, TextRole } from './deck-diff.js';
import { diffCharts } from './diff-chart.js';
import { diffTable, type TableAt } from './diff-table.js';
import { leadIn, similarity } from './text.js';
import type { BlockVersion, SectionVersion } from './version.js';

/** Two texts this alike are one item reworded, not one removed and another added. */
const REWORDED = 0.5;

interface TextItem extends TextPlace {
  role: TextRole;
  text: string;
  level: number;
  slides: number[];
}

/** The changes inside one section that exists in both versions (its title is the new one). */
export function diffSection(a: SectionVersion, b: SectionVersion): Change[] {
  const section = b.title;
  const fallback = b.slides.slice(0, 1);
  const out: Change[] = [];
  const olds = textItems(a);
  const news = textItems(b);
  const near = (at: number) => news[at - 1]?.slides ?? news[at]?.slides ?? fallback;
  for (const s of align(olds, news, sameText, similarText)) out.push(...textChange(s, section, near));
  out.push(...diffImages(a, b, section, fallback));
  // A table is known by its slide title; tables that share one get their ordinal in the section.
  const tables = (s: SectionVersion): TableAt[] => {
    const ts = s.blocks.filter((x): x is Extract<BlockVersion, { kind: 'table' }> => x.kind === 'table');
    const titles = ts.map((t) => t.title ?? s.title);
    return ts.map((t, k) => ({
      ...t,
      label: titles.filter((x) => x === titles[k]).length > 1 ? `${titles[k]} (table ${k + 1})` : titles[k],
    }));
  };
  const ta = tables(a);
  const tb = tables(b);
  const sameTable = (x: TableAt, y: TableAt) =>
    x.label === y.label && x.header.join('\u0000') === y.header.join('\u0000');
  const similarTable = (x: TableAt, y: TableAt) =>
    similarity(x.rows.map((r) => r.cells[0] ?? '').join(' '), y.rows.map((r) => r.cells[0] ?? '').join(' ')) >=
    REWORDED;
  for (const s of align(ta, tb, sameTable, similarTable)) {
    if (s.op === 'added')
      out.push({
        type: 'table',
        action: 'added',
        section,
        table: s.b.label,
        rows: s.b.rows.length,
        slides: s.b.slides,
      });
    else if (s.op === 'removed')
      out.push({
        type: 'table',
        action: 'removed',
        section,
        table: s.a.label,
        rows: s.a.rows.length,
        slides: tb[s.at - 1]?.slides.slice(-1) ?? tb[s.at]?.slides.slice(0, 1) ?? fallback,
      });
    else out.push(...diffTable(s.a, s.b, section));
  }
  const builds = diffBuilds(a, b, section, fallback);
  if (builds) out.push(builds);
  out.push(...diffCharts(a, b, section, fallback));
  const notes = diffNotes(a, b, section, fallback);
  if (notes) out.push(notes);
  return out;
}

/** All of a section's words, for matching a section that was renamed and moved to another file. */
export function sectionText(s: SectionVersion): string {
  return [
    ...textItems(s).map((t) => t.text),
    ...s.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells) : [])),
    ...s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart, ...b.categories, ...b.series.map((x) => x.name)] : [])),
    ...s.notes.map((n) => n.text),
  ].join(' ');
}

/**
 * A section's texts in slide order: titles from `##` headings, lead-ins, bullets, statements, quotes, code, captions.
 */
function textItems(s: SectionVersion): TextItem[] {
  const out: TextItem[] = [];
  const push = (role: TextRole, text: string | undefined, slides: number[], level = 0, place: TextPlace = {}) =>
    text && out.push({ role, text, level, slides, ...place });
  for (const b of s.blocks) {
    const first = b.slides.slice(0, 1);
    push('slide title', b.title, first);
    push('lead', b.lead, first);
    if (b.kind === 'bullets') for (const x of b.bullets) push('bullet', x.text, x.slides, x.level);
    else if (b.kind === 'statement' || b.kind === 'quote' || b.kind === 'code') push(b.kind, b.text, b.slides);
    else if (b.kind === 'image') push('caption', b.caption, b.slides);
    else if (b.kind === 'columns')
      for (const c of b.columns)
        for (const x of c.bullets) push('bullet', x.text, x.slides, x.level, { column: c.name });
    else if (b.kind === 'callout') push('callout', b.text, b.slides, 0, { label: b.label });
  }
  return out;
}

/** Same kind of text in the same column; a callout whose label the deck renamed is still the same callout. */
const samePlace = (x: TextItem, y: TextItem) => x.role === y.role && x.column === y.column;
const sameText = (x: TextItem, y: TextItem) => samePlace(x, y) && x.text === y.text && x.level === y.level;
/** Reworded: most words shared, or the same bold lead-in (`Military collaboration: …`). */
const similarText = (x: TextItem, y: TextItem) =>
  samePlace(x, y) &&
  (x.text === y.text ||
    similarity(x.text, y.text) >= REWORDED ||
    (!!leadIn(x.text) && leadIn(x.text) === leadIn(y.text)));

function textChange(s: Step<TextItem>, section: string, near: (at: number) => number[]): Change[] {
  switch (s.op) {
    case 'same':
      return [];
    case 'added':
      return [
        { type: 'text', action: 'added', role: s.b.role, section, text: s.b.text, slides: s.b.slides, ...place(s.b) },
      ];
    case 'removed':
      return [
        { type: 'text', action: 'removed', role: s.a.role, section, text: s.a.text, slides: near(s.at), ...place(s.a) },
      ];
    case 'changed':
      return [
        {
          type: 'text',
          action: 'changed',
          role: s.b.role,
          section,
          before: s.a.text,
          after: s.b.text,
          ...place(s.b),
          ...(s.a.level !== s.b.level ? { level: [s.a.level, s.b.level] as [number, number] } : {}),
          slides: s.b.slides,
        },
      ];
  }
}

function diffImages(a: SectionVersion, b: SectionVersion, section: string, fallback: number[]): Change[] {
  const images = (s: SectionVersion) =>
    s.blocks.filter((x): x is Extract<BlockVersion, { kind: 'image' }> => x.kind === 'image');
  const ib = images(b);
  const steps = align(
    images(a),
    ib,
    (x, y) => x.image === y.image && x.alt === y.alt,
    (x, y) => x.image === y.image || x.alt === y.alt || similarity(x.alt, y.alt) >= REWORDED,
  );
  return steps.flatMap((s): Change[] => {
    if (s.op === 'same') return [];
    if (s.op === 'added') return [{ type: 'image', action: 'added', section, alt: s.b.alt, slides: s.b.slides }];
    if (s.op === 'removed')
      return [
        {
          type: 'image',
          action: 'removed',
          section,
          alt: s.a.alt,
          slides: ib[s.at - 1]?.slides ?? ib[s.at]?.slides ?? fallback,
        },
      ];
    return [
      {
        type: 'image',
        action: 'changed',
        section,
        alt: s.b.alt,
        before: s.a.alt,
        replaced: s.a.image !== s.b.image,
        slides: s.b.slides,
      },
    ];
  });
}

const place = (t: TextItem): TextPlace => ({
  ...(t.column !== undefined ? { column: t.column } : {}),
  ...(t.label !== undefined ? { label: t.label } : {}),
});

/** A section whose bullets build in one version and not in the other. */
function diffBuilds(a: SectionVersion, b: SectionVersion, section: string, fallback: number[]): Change | undefined {
  const on = (s: SectionVersion) => s.blocks.some((x) => x.builds);
  if (on(a) === on(b)) return undefined;
  const slides = b.blocks.filter((x) => x.builds).flatMap((x) => x.slides);
  return { type: 'builds', section, on: on(b), slides: slides.length > 0 ? slides : fallback };
}

/** One change per section when its notes differ; its slides are those whose notes are new or edited. */
function diffNotes(a: SectionVersion, b: SectionVersion, section: string, fallback: number[]): Change | undefined {
  const before = a.notes.map((n) => n.text).join('\n\n');
  const after = b.notes.map((n) => n.text).join('\n\n');
  if (before === after) return undefined;
  const old = new Set(a.notes.map((n) => n.text));
  const touched = b.notes.filter((n) => !old.has(n.text)).flatMap((n) => n.slides);
  return {
    type: 'notes',
    section,
    before,
    after,
    slides: touched.length > 0 ? touched : (b.notes[0]?.slides ?? fallback),
  };
}
