import type { Block, ImageBlock, ListBlock, ParagraphBlock, Run, Section, TableBlock } from '../model/article.js';
import { diagnostic, type Position } from '../model/diagnostic.js';
import type { Slide, SlideLayout } from '../model/deck.js';
import type { LayoutDef } from '../model/layout-set.js';
import type { Paragraph, Rect, TextFrame } from '../model/text-frame.js';
import { GAP } from '../model/geometry.js';
import type { PlanContext } from './context.js';
import { fitHeight, plain, slotFrame, textFrame, type FrameOptions } from './frames.js';
import { below, CAPTION_GAP, tableCaption } from './caption-frame.js';
import { chartToSlide } from './chart-slide.js';
import { imageToSlide } from './image-slide.js';
import { sectionLayouts } from './layout-choice.js';
import { listToGroups } from './list-paragraphs.js';
import { paginateParagraphs } from './paginate-paragraphs.js';
import { paginateTable } from './paginate-table.js';
import { quoteParagraphs } from './quote-paragraphs.js';
import { centredIn } from './centred-frame.js';
import { bodyRegion } from './regions.js';
import { runsText } from '../model/article.js';
import { splitSentences } from './runs.js';
import { continuedTitle, fitTitle } from './titles.js';
import { columnsToSlides } from './columns-slides.js';
import { calloutToSlides } from './callout-slides.js';
import { tooManySlides } from './slide-limit.js';

type Visual = ListBlock | TableBlock | ImageBlock | Extract<Block, { type: 'quote' | 'code' }>;

/**
 * One section → its slides. Lists, tables, quotes, code and images each get
 * slides; prose paragraphs go to the speaker notes of the slide they lead
 * into, except a short lead-in sentence that stays on the slide above its
 * list or table. A section of prose only gets a statement slide.
 */
export function sectionToSlides(section: Section, ctx: PlanContext): Slide[] {
  const layoutFor = sectionLayouts(section, ctx);
  const slides: Slide[] = [];
  let title = section.title;
  let notes: string[] = typeof section.frontMatter.notes === 'string' ? [section.frontMatter.notes] : [];
  const prose: ParagraphBlock[] = [];
  const blocks = section.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === 'heading') {
      title = runsText(b.runs).trim() || title;
      continue;
    }
    if (b.type === 'paragraph') {
      const next = blocks[i + 1];
      if (next && (next.type === 'list' || next.type === 'table' || next.type === 'columns')) {
        const lead = leadOf(b);
        if (lead) {
          if (lead.alsoNotes) notes.push(runsText(b.runs));
          const made =
            next.type === 'columns'
              ? columnsToSlides({ block: next, title, leadRuns: lead.runs, notes, section, layoutFor }, ctx)
              : visualToSlides(next, title, lead.runs, notes, section, layoutFor, ctx);
          slides.push(...made);
          notes = [];
          i++;
          continue;
        }
      }
      notes.push(runsText(b.runs));
      prose.push(b);
      continue;
    }
    if (b.type === 'columns') slides.push(...columnsToSlides({ block: b, title, notes, section, layoutFor }, ctx));
    else if (b.type === 'callout') {
      const opening = slides.length === 0 && prose.length === 0;
      calloutToSlides(b, { slides, title, notes, section, layoutFor, opening }, ctx);
    } else slides.push(...visualToSlides(b, title, undefined, notes, section, layoutFor, ctx));
    notes = [];
    if (ctx.slidesLeft !== undefined && slides.length > ctx.slidesLeft) {
      ctx.diagnostics.push(tooManySlides(b.position));
      break;
    }
  }
  if (slides.length === 0) return statementSlides(section, prose, notes, layoutFor('section'), ctx);
  if (notes.length > 0) {
    const last = slides[slides.length - 1];
    last.notes = [last.notes, ...notes].filter(Boolean).join('\n\n');
  }
  return distinctTitles(slides, ctx);
}

/**
 * A section whose list and table each get slides would show one title twice
 * (PowerPoint's accessibility checker flags that, and a briefer cannot tell
 * the slides apart in the outline): a repeated title is numbered on, like a
 * continued slide (`Title (cont.)`, `Title (cont. 2)`).
 */
function distinctTitles(slides: Slide[], ctx: PlanContext): Slide[] {
  const used = new Set<string>();
  // Per title, the number below which every `(cont. k)` is taken: counting from 1 for each repeat was quadratic in
  // the repeats (400 KB of one-line quotes, 17,000 slides of one title, took 28 s).
  const taken = new Map<string, number>();
  return slides.map((s) => {
    if (!used.has(s.title)) {
      used.add(s.title);
      return s;
    }
    let k = taken.get(s.baseTitle) ?? 1;
    while (used.has(continuedTitle(s.baseTitle, k, 2, 'cont'))) k++;
    taken.set(s.baseTitle, k + 1);
    const title = continuedTitle(s.baseTitle, k, k + 1, 'cont');
    used.add(title);
    return { ...s, title, titleFrame: fitTitle(title, ctx, layoutOf(ctx, s.layoutFile)) };
  });
}

/** A paragraph that introduces the next list or table: short, ending in a colon. */
function leadOf(p: ParagraphBlock): { runs: Run[]; alsoNotes: boolean } | undefined {
  const text = runsText(p.runs).trim();
  if (!text.endsWith(':')) return undefined;
  if (text.length <= 200) return { runs: p.runs, alsoNotes: false };
  const last = splitSentences(p.runs).at(-1);
  return last && runsText(last).length <= 200 ? { runs: last, alsoNotes: true } : undefined;
}

/** The layout a slide was planned on. */
export const layoutOf = (ctx: PlanContext, file: string): LayoutDef =>
  ctx.layouts.layouts.find((l) => l.file === file)!;

function visualToSlides(
  b: Visual,
  title: string,
  leadRuns: Run[] | undefined,
  notes: string[],
  section: Section,
  layoutFor: (need: SlideLayout) => LayoutDef,
  ctx: PlanContext,
): Slide[] {
  const need: SlideLayout = b.type === 'quote' ? 'quote' : b.type === 'image' ? 'picture' : 'content';
  const layout = layoutFor(need);
  // Reserve room for the longest title this content may get (`… (12 of 12)`), so no variant reaches the body.
  const whole = bodyRegion(ctx, layout, 'content', fitTitle(`${title} (99 of 99)`, ctx, layout));
  const top = whole.y;
  const base = {
    title,
    baseTitle: title,
    titleFrame: fitTitle(title, ctx, layout),
    layoutFile: layout.file,
    notes: notes.join('\n\n'),
    section: section.title,
    source: b.position,
  };
  let lead: TextFrame | undefined;
  if (leadRuns) {
    const f = fitHeight(
      ctx,
      textFrame(
        ctx.theme,
        [plain(leadRuns)],
        { ...whole, h: Infinity },
        { size: ctx.theme.sizes.body, color: 'muted' },
      ),
    );
    if (f.box.h <= whole.h / 3) lead = f;
    else base.notes = [runsText(leadRuns), base.notes].filter(Boolean).join('\n\n');
  }
  const firstTop = lead ? lead.box.y + lead.box.h + GAP / 2 : top;
  const bottom = whole.y + whole.h;
  const region = (y: number): Rect => ({ x: whole.x, y, w: whole.w, h: bottom - y });
  const slidesOf = (kind: Parameters<typeof paragraphSlides>[0], groups: Parameters<typeof paragraphSlides>[1]) =>
    paragraphSlides(kind, groups, base, layout, lead, region(firstTop), region(top), ctx, b.position);
  switch (b.type) {
    case 'list':
      return slidesOf('bullets', listToGroups(b));
    case 'code':
      return slidesOf(
        'bullets',
        b.text.split('\n').map((line) => [plain([{ text: line || ' ', code: true }])]),
      );
    case 'quote':
      return slidesOf('quote', [quoteParagraphs(b.paragraphs)]);
    case 'table': {
      if (b.chart) return [chartToSlide({ ...b, chart: b.chart }, base, region(firstTop), lead, ctx)];
      const caption = b.caption?.text ? tableCaption(b.caption.text, whole, ctx) : undefined;
      const room = caption ? caption.box.h + CAPTION_GAP : 0;
      // The table's edge lines up with the text's, not with the body box (whose text sits in by its inset).
      const inset = layout.slots.content?.insets ?? { left: 0, right: 0, top: 0, bottom: 0 };
      const tableArea = (r: Rect): Rect => ({
        ...r,
        x: r.x + inset.left,
        w: r.w - inset.left - inset.right,
        h: r.h - room,
      });
      const { pages, diagnostics } = paginateTable(
        { table: b, first: tableArea(region(firstTop)), next: tableArea(region(top)) },
        ctx,
      );
      ctx.diagnostics.push(...diagnostics);
      return pages.map((table, k) => ({
        ...base,
        ...retitle(base.title, k, pages.length, 'of', ctx, layout),
        kind: 'table' as const,
        layout: 'content' as const,
        notes: k === 0 ? base.notes : '',
        lead: k === 0 ? lead : undefined,
        table,
        ...(caption ? { caption: below(caption, table.box) } : {}),
        continuation: k > 0 ? { reason: 'table rows did not fit on one slide' } : undefined,
      }));
    }
    case 'image':
      return [imageToSlide(b, base, layout, region(firstTop), lead, ctx)];
  }
}

/** How much larger than the layout's quote size a quote starts. */
const QUOTE_SCALE = 1.25;

function paragraphSlides(
  kind: 'bullets' | 'quote',
  groups: Paragraph[][],
  base: Omit<Slide, 'kind' | 'layout'>,
  layout: LayoutDef,
  lead: TextFrame | undefined,
  first: Rect,
  next: Rect,
  ctx: PlanContext,
  at: Position,
): Slide[] {
  // A quote is set large and centred in the body, as a pull quote is; it shrinks like any text when long.
  const size = Math.round(layout.slots.content!.levels[0].size * (kind === 'quote' ? QUOTE_SCALE : 1));
  const style: Omit<FrameOptions, 'size'> = kind === 'quote' ? { align: 'center' } : {};
  const frame = (ps: Paragraph[], box: Rect, s: number) =>
    slotFrame(ctx.theme, layout, 'content', ps, box, { ...style, size: s });
  const r = paginateParagraphs({ groups, first, next, frame, size, minSize: ctx.theme.sizes.bodyMin }, ctx);
  if (r.splitParagraph)
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        'paragraph-split',
        at,
        `Unexpected paragraph longer than a slide even at ${ctx.theme.sizes.bodyMin} pt: it continues on the next slide`,
        'shorten it, or move detail to the speaker notes',
      ),
    );
  return r.pages.map((page, k) => {
    // The body placeholder keeps the whole region: text a briefer adds has room before PowerPoint refits it.
    const region = k === 0 ? first : next;
    const placed = frame(page.paragraphs, region, page.size);
    // A quote sits in the middle of the body; bullets keep the whole region (room for text a briefer adds).
    const body = kind === 'quote' ? centredIn(ctx, placed, region) : placed;
    const common = {
      ...base,
      ...retitle(base.title, k, r.pages.length, 'cont', ctx, layout),
      notes: k === 0 ? base.notes : '',
      body,
      continuation:
        k > 0
          ? { reason: kind === 'quote' ? 'quote did not fit on one slide' : 'bullets did not fit on one slide' }
          : undefined,
    };
    return kind === 'quote'
      ? { ...common, kind, layout: 'quote' as const }
      : { ...common, kind, layout: 'content' as const, lead: k === 0 ? lead : undefined };
  });
}

/** Continuation titles: `Title (cont.)` for text, `Title (2 of 3)` for tables; re-fitted, since they are longer. */
function retitle(
  title: string,
  k: number,
  n: number,
  style: 'cont' | 'of',
  ctx: PlanContext,
  layout: LayoutDef,
): { title: string; baseTitle: string; titleFrame: TextFrame } {
  const t = continuedTitle(title, k, n, style);
  return { title: t, baseTitle: title, titleFrame: fitTitle(t, ctx, layout) };
}

/** How much larger than the layout's body size a statement starts. */
const STATEMENT_SCALE = 1.3;

/** A prose-only section: its opening sentence on the slide, every paragraph in the notes. */
function statementSlides(
  section: Section,
  prose: ParagraphBlock[],
  notes: string[],
  layout: LayoutDef,
  ctx: PlanContext,
): Slide[] {
  const opening = prose.length > 0 ? (splitSentences(prose[0].runs)[0] ?? prose[0].runs) : [];
  // A template without a section header puts the statement in its content layout's body.
  const role = layout.slots.text ? 'text' : 'content';
  const region = bodyRegion(ctx, layout, role, fitTitle(`${section.title} (cont.)`, ctx, layout));
  // One sentence, set large and centred in the body: the slide says one thing.
  const frame = (ps: Paragraph[], box: Rect, s: number) =>
    slotFrame(ctx.theme, layout, role, ps, box, { size: s, color: 'title', align: 'center' });
  const r = paginateParagraphs(
    {
      groups: [[plain(opening)]],
      first: region,
      next: region,
      frame,
      size: Math.round(layout.slots[role]!.levels[0].size * STATEMENT_SCALE),
      minSize: ctx.theme.sizes.bodyMin,
    },
    ctx,
  );
  const source = prose[0]?.position ?? section.titlePosition;
  return r.pages.map((page, k) => ({
    kind: 'statement' as const,
    layout: 'section' as const,
    layoutFile: layout.file,
    ...retitle(section.title, k, r.pages.length, 'cont', ctx, layout),
    notes: k === 0 ? notes.join('\n\n') : '',
    section: section.title,
    source,
    body: centredIn(ctx, frame(page.paragraphs, region, page.size), region),
    continuation: k > 0 ? { reason: 'opening sentence did not fit on one slide' } : undefined,
  }));
}
