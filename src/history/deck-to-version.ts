import type { Article, Block, Run } from '../model/article.js';
import type { Deck, Paragraph, Slide, TextFrame } from '../model/deck.js';
import { sha256 } from '../util/hash.js';
import { sourcesOf } from './sources-version.js';
import { collapse } from './text.js';
import {
  VERSION_FORMAT,
  type BlockVersion,
  type BulletVersion,
  type DeckVersion,
  type RowVersion,
  type SectionVersion,
} from './version.js';

/**
 * Planned deck (+ its article, for section slugs and block types) → version
 * record. Pure. This is the ONE place that reads the slide model for the
 * history: when the planner's model changes, only this file adapts.
 *
 * Slides are grouped by `source`: every slide of one list, table or image
 * carries its block's position, so continuation slides (`Title (cont.)`,
 * `Title (2 of 3)`) fold back into one block, and a bullet or table row the
 * planner split over two slides becomes one bullet or row again.
 */
export function deckToVersion(deck: Deck, article: Article, version: string): DeckVersion {
  const slides = deck.slides;
  const byFile = new Map(article.sections.map((s) => [s.file, s]));
  const sections: SectionVersion[] = [];
  const bySection = new Map<string, { section: SectionVersion; groups: Map<string, number[]> }>();
  slides.forEach((slide, i) => {
    const n = i + 1;
    const src = byFile.get(slide.source.file);
    if (!src || slide.section === undefined) return;
    let entry = bySection.get(src.file);
    if (!entry) {
      entry = {
        section: { slug: src.slug, title: collapse(slide.section), slides: [], blocks: [], notes: [] },
        groups: new Map(),
      };
      bySection.set(src.file, entry);
      sections.push(entry.section);
    }
    entry.section.slides.push(n);
    const notes = notesText(slide.notes);
    if (notes) entry.section.notes.push({ slides: [n], text: notes });
    const key = `${slide.source.line}:${slide.source.column}`;
    entry.groups.set(key, [...(entry.groups.get(key) ?? []), i]);
  });
  for (const [file, { section, groups }] of bySection) {
    const blocks = byFile.get(file)!.blocks;
    for (const indexes of groups.values())
      section.blocks.push(
        blockOf(
          indexes.map((i) => slides[i]),
          indexes.map((i) => i + 1),
          section.title,
          blockAt(blocks, slides[indexes[0]]),
        ),
        // Callouts drawn below a slide's content follow it.
        ...indexes.flatMap((i) =>
          (slides[i].callouts ?? []).map(
            (c): BlockVersion => ({
              kind: 'callout',
              slides: [i + 1],
              label: collapse(c.label.paragraphs.map(paragraphText).join(' ')),
              text: framesText([c.body]),
            }),
          ),
        ),
      );
  }
  const title = slides.find((s) => s.kind === 'title');
  return {
    format: VERSION_FORMAT,
    deck: deck.info.slug,
    version,
    title: collapse(deck.info.title),
    ...(title?.kind === 'title' && title.subtitle ? { subtitle: framesText([title.subtitle]) } : {}),
    details: title?.kind === 'title' ? title.details.paragraphs.map(paragraphText).filter(Boolean) : [],
    slideTitles: slides.map((s) => collapse(s.title)),
    titleSlides: numbersOf(slides, 'title'),
    agendaSlides: numbersOf(slides, 'agenda'),
    sections,
    sources: sourcesOf(slides),
    ...(deck.info.date ? { date: deck.info.date } : {}),
    ...(deck.info.organization ? { organization: collapse(deck.info.organization) } : {}),
    timestamp: deck.info.timestamp,
  };
}

/** The slides of one source block (in deck order) → one block record. */
function blockOf(group: Slide[], numbers: number[], sectionTitle: string, source: Block | undefined): BlockVersion {
  const first = group[0];
  // The title the block is known by, without the numbering of continued slides.
  const title = collapse(first.baseTitle);
  const lead = 'lead' in first && first.lead ? framesText([first.lead]) : undefined;
  const builds = group.some((s) => slideFrames(s).some((f) => f.build));
  const common = {
    slides: numbers,
    ...(title !== sectionTitle ? { title } : {}),
    ...(lead ? { lead } : {}),
    ...(builds ? { builds } : {}),
  };
  switch (first.kind) {
    case 'bullets':
      if (source?.type === 'code') return { kind: 'code', ...common, text: bodiesText(group) };
      return { kind: 'bullets', ...common, bullets: bulletsOf(group, numbers) };
    case 'table':
      return {
        kind: 'table',
        ...common,
        header: first.table.header.map((c) => runsText(c.runs)),
        rows: rowsOf(group, numbers, source),
      };
    case 'image':
      return {
        kind: 'image',
        ...common,
        alt: collapse(first.image.alt),
        image: sha256(first.image.data).slice(0, 16),
        ...(first.caption ? { caption: framesText([first.caption]) } : {}),
      };
    case 'chart':
      return {
        kind: 'chart',
        ...common,
        chart: collapse(first.chart.title),
        chartKind: first.chart.kind,
        ...(first.chart.unit ? { unit: first.chart.unit } : {}),
        categories: first.chart.categories.map(collapse),
        series: first.chart.series.map((x) => ({ name: collapse(x.name), values: [...x.values] })),
      };
    case 'quote':
    case 'statement':
      return { kind: first.kind, ...common, text: bodiesText(group) };
    case 'columns':
      return { kind: 'columns', ...common, columns: columnsOf(group, numbers) };
    case 'callout':
      return {
        kind: 'callout',
        ...common,
        label: framesText([first.callout.label]),
        text: framesText(group.flatMap((s) => (s.kind === 'callout' ? [s.callout.body] : []))),
      };
    default:
      // Title, agenda and closing slides carry no section; a section's slide of another kind is kept as its text.
      return { kind: 'statement', ...common, text: 'body' in first ? framesText([first.body]) : '' };
  }
}

/** The frames of a slide that may build. */
function slideFrames(s: Slide): TextFrame[] {
  if (s.kind === 'bullets') return [s.body];
  if (s.kind === 'columns')
    return s.columns.flatMap((c) => [c.body, ...c.more.flatMap((p) => (p.kind === 'text' ? [p.frame] : []))]);
  return [];
}

/** Each column by its header (or its number), its text over all slides as bullets, in column order. */
function columnsOf(group: Slide[], numbers: number[]): { name: string; bullets: BulletVersion[] }[] {
  const out: { name: string; bullets: BulletVersion[] }[] = [];
  group.forEach((s, k) => {
    if (s.kind !== 'columns') return;
    s.columns.forEach((c, i) => {
      const name = c.header ? framesText([c.header]).replace(/ \(cont\.\)$/, '') : String(i + 1);
      out[i] ??= { name, bullets: [] };
      const frames = [c.body, ...c.more.flatMap((p) => (p.kind === 'text' ? [p.frame] : []))];
      for (const p of frames.flatMap((f) => f.paragraphs)) {
        const text = paragraphText(p);
        const prev = out[i].bullets[out[i].bullets.length - 1];
        // A paragraph split at a slide break continues without a bullet of its own.
        if (p.bullet === 'none' && prev && k > 0 && prev.slides.at(-1) !== numbers[k] && p === frames[0]?.paragraphs[0])
          prev.text = collapse(`${prev.text} ${text}`);
        else if (text) out[i].bullets.push({ text, level: p.level, slides: [numbers[k]] });
      }
    });
  });
  return out;
}

/** List paragraphs always carry a bullet; one without is the rest of a bullet split at a slide break. */
function bulletsOf(group: Slide[], numbers: number[]): BulletVersion[] {
  const out: BulletVersion[] = [];
  group.forEach((s, k) => {
    if (s.kind !== 'bullets') return;
    for (const p of s.body.paragraphs) {
      const text = paragraphText(p);
      const prev = out[out.length - 1];
      if (p.bullet === 'none' && prev) {
        prev.text = collapse(`${prev.text} ${text}`);
        if (!prev.slides.includes(numbers[k])) prev.slides.push(numbers[k]);
      } else out.push({ text, level: p.level, slides: [numbers[k]] });
    }
  });
  return out;
}

/**
 * Table rows over all pages. A row taller than a slide is split by the
 * planner into a head (last row of a page) and a tail (first row of the next);
 * the source table's row count says how many such splits there are, and the
 * joined text confirms each one.
 */
function rowsOf(group: Slide[], numbers: number[], source: Block | undefined): RowVersion[] {
  const out: RowVersion[] = [];
  const sourceRows = source?.type === 'table' ? source.rows.map((r) => r.map(runsText)) : undefined;
  let excess =
    group.reduce((n, s) => n + (s.kind === 'table' ? s.table.rows.length : 0), 0) - (sourceRows?.length ?? Infinity);
  group.forEach((s, k) => {
    if (s.kind !== 'table') return;
    s.table.rows.forEach((row, i) => {
      const cells = row.map((c) => runsText(c.runs));
      const prev = out[out.length - 1];
      if (k > 0 && i === 0 && excess > 0 && prev && sourceRows) {
        const joined = prev.cells.map((c, j) => collapse(`${c} ${cells[j] ?? ''}`));
        const target = sourceRows[out.length - 1];
        if (target && squash(joined) === squash(target)) {
          prev.cells = target;
          prev.slides.push(numbers[k]);
          excess--;
          return;
        }
      }
      out.push({ cells, slides: [numbers[k]] });
    });
  });
  return out;
}

function blockAt(blocks: readonly Block[], slide: Slide): Block | undefined {
  return blocks.find((b) => b.position.line === slide.source.line && b.position.column === slide.source.column);
}

function numbersOf(slides: readonly Slide[], kind: Slide['kind']): number[] {
  return slides.flatMap((s, i) => (s.kind === kind ? [i + 1] : []));
}

/** Notes paragraphs keep their blank-line breaks; white space inside each is collapsed. */
const notesText = (notes: string): string =>
  notes
    .split(/\n\s*\n/)
    .map(collapse)
    .filter(Boolean)
    .join('\n\n');

/** A footnote marker's number is not text: it changes whenever a note is added before it (the note is a source). */
const runsText = (runs: readonly Run[]): string =>
  collapse(
    runs
      .filter((r) => !r.note)
      .map((r) => (r.breakBefore ? ' ' : '') + r.text)
      .join(''),
  );
const paragraphText = (p: Paragraph): string => runsText(p.runs);
const framesText = (frames: { paragraphs: Paragraph[] }[]): string =>
  collapse(frames.flatMap((f) => f.paragraphs.map(paragraphText)).join(' '));
/** One block's text over all its slides (a paragraph split at a slide break joins up again). */
const bodiesText = (group: Slide[]): string => framesText(group.flatMap((s) => ('body' in s ? [s.body] : [])));
/** Split points may fall inside a word, so a split row is recognised with its spaces removed. */
const squash = (cells: readonly string[]): string => cells.join('\u0000').replace(/\s+/g, '');
