import type { Run, Section } from '../model/article.js';
import type { Slide } from '../model/deck.js';
import { GAP } from '../model/geometry.js';
import type { Paragraph, TextFrame } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { fitHeight, textFrame } from './frames.js';
import { type NumberedNote, type Notes, noteKey } from './number-notes.js';
import { bodyRegion } from './regions.js';
import { layoutOf, sectionToSlides } from './section-to-slides.js';

/** A section's slides with their footnotes placed, and the notes that went to the Sources slides instead. */
export interface SectionWithNotes {
  slides: Slide[];
  sent: NumberedNote[];
}

/**
 * One section → its slides, with each slide's footnotes at the foot of its body. When any slide carries notes that
 * fit (at most a quarter of the body), the section is planned again with that much room kept free at the foot of
 * every body region, so pagination accounts for it. Notes are placed in number order while they fit that room and a
 * quarter of the body; the others go to the Sources slides, where their markers (the same numbers) point.
 */
export function sectionWithNotes(section: Section, ctx: PlanContext, notes: Notes): SectionWithNotes {
  const trial: PlanContext = { ...ctx, diagnostics: [] };
  let slides = sectionToSlides(section, trial);
  let used = trial;
  const need = Math.max(0, ...slides.map((s) => footOf(s, ctx, notes, Infinity).frame?.box.h ?? 0));
  if (need > 0) {
    used = { ...ctx, diagnostics: [], footReserve: need + GAP / 2 };
    slides = sectionToSlides(section, used);
  }
  ctx.diagnostics.push(...used.diagnostics);
  const sent: NumberedNote[] = [];
  const placed = slides.map((s) => {
    const on = notesOf(s, notes);
    if (on.length === 0) return s;
    const speaker = on.map((n) => `[${n.number}] ${text(n.runs)}`).join('\n');
    const withNotes = { ...s, notes: [s.notes, speaker].filter(Boolean).join('\n\n') };
    const foot = footOf(s, ctx, notes, (used.footReserve ?? 0) - GAP / 2);
    sent.push(...foot.rest);
    if (!foot.frame) return withNotes;
    const sourceEntries = foot.placed.map((n) => ({
      kind: 'footnote' as const,
      key: n.key,
      label: String(n.number),
      runs: n.runs,
    }));
    return { ...withNotes, footnotes: foot.frame, sourceEntries };
  });
  // A marker only in prose (which goes to the speaker notes) puts its note on no slide: the Sources slides list it.
  const shown = new Set(placed.flatMap((s) => notesOf(s, notes)).map((n) => n.number));
  for (const d of section.footnotes ?? []) {
    const n = notes.get(noteKey(section.file, d.id));
    if (n && !shown.has(n.number) && !sent.includes(n)) sent.push(n);
  }
  return { slides: placed, sent };
}

/** The notes whose markers a slide shows (title aside), each once, by number. */
export function notesOf(s: Slide, notes: Notes): NumberedNote[] {
  const found = new Map<number, NumberedNote>();
  for (const r of slideRuns(s)) {
    if (!r.note) continue;
    const n = notes.get(noteKey(r.note.position.file, r.note.id));
    if (n) found.set(n.number, n);
  }
  return [...found.values()].sort((a, b) => a.number - b.number);
}

/**
 * Every run a slide shows outside its title: its text frames (whatever their field) and table cells. Generic over the
 * slide kinds, so a new kind's frames are found without a change here.
 */
export function slideRuns(s: Slide): Run[] {
  const out: Run[] = [];
  for (const [k, v] of Object.entries(s)) {
    if (k === 'titleFrame' || k === 'footnotes' || !v || typeof v !== 'object') continue;
    if ('paragraphs' in v && Array.isArray(v.paragraphs))
      for (const p of (v as TextFrame).paragraphs) out.push(...p.runs);
    if ('header' in v && 'rows' in v && Array.isArray(v.rows)) {
      const t = v as { header: { runs: Run[] }[]; rows: { runs: Run[] }[][] };
      for (const c of [...t.header, ...t.rows.flat()]) out.push(...c.runs);
    }
  }
  return out;
}

/**
 * The footnotes frame at the foot of a slide's body: its notes in number order, each while the frame stays within a
 * quarter of the body and within `cap` points; the notes that do not fit (`rest`) go to the Sources slides.
 */
function footOf(
  s: Slide,
  ctx: PlanContext,
  notes: Notes,
  cap: number,
): { frame?: TextFrame; placed: NumberedNote[]; rest: NumberedNote[] } {
  const on = notesOf(s, notes);
  if (on.length === 0) return { placed: [], rest: [] };
  const layout = layoutOf(ctx, s.layoutFile);
  const role = s.kind === 'statement' && layout.slots.text ? 'text' : 'content';
  const region = bodyRegion({ ...ctx, footReserve: 0 }, layout, role, s.titleFrame);
  const limit = Math.min(region.h / 4, cap) + 0.01;
  const size = Math.max(ctx.theme.sizes.tableMin, ctx.theme.sizes.footer + 2);
  const frameOf = (ns: NumberedNote[]) => {
    const paragraphs: Paragraph[] = ns.map((n) => ({
      runs: [{ text: String(n.number), superscript: true }, { text: ' ' }, ...n.runs],
      level: 0,
      bullet: 'none',
    }));
    return fitHeight(ctx, textFrame(ctx.theme, paragraphs, { ...region, h: Infinity }, { size, color: 'muted' }));
  };
  const placed: NumberedNote[] = [];
  const rest: NumberedNote[] = [];
  let frame: TextFrame | undefined;
  for (const n of on) {
    const f = frameOf([...placed, n]);
    if (f.box.h <= limit) {
      placed.push(n);
      frame = f;
    } else rest.push(n);
  }
  if (!frame) return { placed, rest };
  return { frame: { ...frame, box: { ...frame.box, y: region.y + region.h - frame.box.h } }, placed, rest };
}

const text = (runs: readonly Run[]) => runs.map((r) => (r.superscript ? `[${r.text}]` : r.text)).join('');
