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
 * every body region, so pagination accounts for it; a slide whose notes need more than the room kept (or more than a
 * quarter of the body) sends them to the Sources slides, where its markers point.
 */
export function sectionWithNotes(section: Section, ctx: PlanContext, notes: Notes): SectionWithNotes {
  const trial: PlanContext = { ...ctx, diagnostics: [] };
  let slides = sectionToSlides(section, trial);
  let used = trial;
  const need = Math.max(0, ...slides.map((s) => footFrame(s, ctx, notes)?.box.h ?? 0));
  if (need > 0) {
    used = { ...ctx, diagnostics: [], footReserve: need + GAP / 2 };
    slides = sectionToSlides(section, used);
  }
  ctx.diagnostics.push(...used.diagnostics);
  const sent: NumberedNote[] = [];
  const placed = slides.map((s) => {
    const on = notesOf(s, notes);
    if (on.length === 0) return s;
    const sourceEntries = on.map((n) => ({
      kind: 'footnote' as const,
      key: n.key,
      label: String(n.number),
      runs: n.runs,
    }));
    const speaker = on.map((n) => `[${n.number}] ${text(n.runs)}`).join('\n');
    const withNotes = { ...s, notes: [s.notes, speaker].filter(Boolean).join('\n\n') };
    const foot = footFrame(s, ctx, notes);
    if (foot && foot.box.h + GAP / 2 <= (used.footReserve ?? 0) + 0.01)
      return { ...withNotes, footnotes: foot, sourceEntries };
    sent.push(...on);
    return withNotes;
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

/** The footnotes frame a slide's notes need at the foot of its body, if they take at most a quarter of it. */
function footFrame(s: Slide, ctx: PlanContext, notes: Notes): TextFrame | undefined {
  const on = notesOf(s, notes);
  if (on.length === 0) return undefined;
  const layout = layoutOf(ctx, s.layoutFile);
  const role = s.kind === 'statement' && layout.slots.text ? 'text' : 'content';
  const region = bodyRegion({ ...ctx, footReserve: 0 }, layout, role, s.titleFrame);
  const size = Math.max(ctx.theme.sizes.tableMin, ctx.theme.sizes.footer + 2);
  const paragraphs: Paragraph[] = on.map((n) => ({
    runs: [{ text: String(n.number), superscript: true }, { text: ' ' }, ...n.runs],
    level: 0,
    bullet: 'none',
  }));
  const f = fitHeight(ctx, textFrame(ctx.theme, paragraphs, { ...region, h: Infinity }, { size, color: 'muted' }));
  if (f.box.h > region.h / 4) return undefined;
  return { ...f, box: { ...f.box, y: region.y + region.h - f.box.h } };
}

const text = (runs: readonly Run[]) => runs.map((r) => (r.superscript ? `[${r.text}]` : r.text)).join('');
