import type { Run } from '../model/article.js';
import type { Position } from '../model/diagnostic.js';
import type { Slide, SourcesSlide } from '../model/deck.js';
import type { SourceEntry } from '../model/sources.js';
import type { Paragraph, Rect } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { slideRuns } from './footnotes.js';
import { slotFrame } from './frames.js';
import type { NumberedNote } from './number-notes.js';
import { paginateParagraphs } from './paginate-paragraphs.js';
import { bodyRegion } from './regions.js';
import { continuedTitle, fitTitle } from './titles.js';

export const SOURCES_TITLE = 'Sources';

/**
 * What the Sources slides list, in order: the cited references (in the style's order), the footnotes that did not
 * fit at the foot of their slide (by number), then each link's address with the slides it appears on (1-based,
 * in the order the addresses first appear).
 */
export function sourceEntries(
  references: readonly { id: string; runs: Run[] }[],
  sent: readonly NumberedNote[],
  slides: readonly Slide[],
): SourceEntry[] {
  const entries: SourceEntry[] = references.map((r) => ({ kind: 'reference', key: r.id, runs: r.runs }));
  for (const n of [...sent].sort((a, b) => a.number - b.number))
    entries.push({ kind: 'footnote', key: n.key, label: String(n.number), runs: n.runs });
  const links = new Map<string, { anchor: string; slides: number[] }>();
  slides.forEach((s, i) => {
    const runs = [...slideRuns(s), ...(s.footnotes?.paragraphs.flatMap((p) => p.runs) ?? [])];
    for (const r of runs) {
      if (!r.href) continue;
      const l = links.get(r.href) ?? { anchor: '', slides: [] };
      if (!l.anchor && r.text.trim()) l.anchor = r.text.trim();
      if (!l.slides.includes(i + 1)) l.slides.push(i + 1);
      links.set(r.href, l);
    }
  });
  for (const [href, l] of links) {
    const address = href.replace(/^mailto:/, '');
    const runs: Run[] = [
      ...(l.anchor && l.anchor !== address ? [{ text: `${l.anchor}: ` }] : []),
      { text: address, href },
      { text: ` (slide${l.slides.length > 1 ? 's' : ''} ${l.slides.join(', ')})` },
    ];
    entries.push({ kind: 'link', key: href, runs, slides: l.slides });
  }
  return entries;
}

/**
 * The Sources slides: every entry measured like body text at the table text size (shrinking to the table minimum
 * before a page is added), continuing on `Sources (cont.)`. Each group opens with its heading, kept with its first
 * entry. No entries, no slides.
 */
export function sourcesSlides(entries: readonly SourceEntry[], ctx: PlanContext, at: Position): SourcesSlide[] {
  if (entries.length === 0) return [];
  const { theme, layouts } = ctx;
  const layout = layouts.layouts[layouts.byNeed.content];
  const region: Rect = bodyRegion(ctx, layout, 'content', fitTitle(`${SOURCES_TITLE} (cont. 99)`, ctx, layout));
  const groups: Paragraph[][] = [];
  const headings = { reference: 'References', footnote: 'Notes', link: 'Links' } as const;
  let last: SourceEntry['kind'] | undefined;
  const entryOf = new Map<Paragraph, SourceEntry>();
  for (const e of entries) {
    const p: Paragraph = {
      runs: e.label ? [{ text: e.label, superscript: true }, { text: ' ' }, ...e.runs] : e.runs,
      level: 0,
      bullet: 'none',
    };
    entryOf.set(p, e);
    if (e.kind !== last) groups.push([{ runs: [{ text: headings[e.kind], bold: true }], level: 0, bullet: 'none' }, p]);
    else groups.push([p]);
    last = e.kind;
  }
  const frame = (ps: Paragraph[], box: Rect, size: number) => slotFrame(theme, layout, 'content', ps, box, { size });
  const r = paginateParagraphs(
    { groups, first: region, next: region, frame, size: sourcesSize(ctx), minSize: theme.sizes.tableMin },
    ctx,
  );
  return r.pages.map((page, k) => {
    const title = continuedTitle(SOURCES_TITLE, k, r.pages.length, 'cont');
    return {
      kind: 'sources',
      layout: 'content',
      layoutFile: layout.file,
      title,
      baseTitle: SOURCES_TITLE,
      titleFrame: fitTitle(title, ctx, layout),
      notes: '',
      source: at,
      body: frame(page.paragraphs, region, page.size),
      // An entry split over two slides is listed on the one it starts on.
      sourceEntries: page.paragraphs.flatMap((p) => entryOf.get(p) ?? []),
      continuation: k > 0 ? { reason: 'sources did not fit on one slide' } : undefined,
    };
  });
}

/** Two points under the table text (14 pt in the shipped themes): a reference list is read, not presented. */
const sourcesSize = (ctx: PlanContext) => Math.max(ctx.theme.sizes.tableMin, ctx.theme.sizes.table - 2);
