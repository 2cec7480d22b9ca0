import { runsText, type Run, type Section } from '../model/article.js';
import type { ColumnBlock, ColumnsBlock, PlannedColumn } from '../model/columns.js';
import type { ColumnsSlide, SlideLayout } from '../model/deck.js';
import { diagnostic } from '../model/diagnostic.js';
import { GAP } from '../model/geometry.js';
import type { LayoutDef } from '../model/layout-set.js';
import type { Paragraph, PlaceholderRole, Rect, TextFrame } from '../model/text-frame.js';
import { columnPages } from './column-pages.js';
import { suits } from '../model/layout-needs.js';
import type { PlanContext } from './context.js';
import { fitHeight, plain, slotFrame, textFrame } from './frames.js';
import { bodyRegion } from './regions.js';
import { continuedTitle, fitTitle } from './titles.js';

export interface ColumnsInput {
  block: ColumnsBlock;
  title: string;
  leadRuns?: Run[];
  notes: string[];
  section: Section;
  layoutFor: (need: SlideLayout) => LayoutDef;
}

/** A column's width over its type size: about thirty characters of body text (half an em each) to the line. */
const CHARS_PER_LINE = 15;

/** Gutter between columns drawn as text boxes. */
const GUTTER = 2 * GAP;

/** The layout's two columns of placeholders, left to right (a template may put `content2` on the left). */
function placeholderPairs(layout: LayoutDef): { body: PlaceholderRole; header?: PlaceholderRole }[] {
  const pairs = [
    { body: 'content' as const, ...(layout.slots.header ? { header: 'header' as const } : {}) },
    { body: 'content2' as const, ...(layout.slots.header2 ? { header: 'header2' as const } : {}) },
  ];
  return pairs.sort((a, b) => layout.slots[a.body]!.box.x - layout.slots[b.body]!.box.x);
}

/**
 * A column set → its slides. Two columns of text go into the "Two Content" layout's two content placeholders (the
 * planned boxes written on the slide); three or four, or a column holding a table or an image, go on "Title Only" as
 * text boxes of the planned widths. Each column is paginated on its own; the set takes as many slides as its longest
 * column, every column on every slide, and a column's header says `(cont.)` where it carries on from the slide before.
 */
export function columnsToSlides(inp: ColumnsInput, ctx: PlanContext): ColumnsSlide[] {
  const { block } = inp;
  const cols = block.columns;
  const textOnly = cols.every((c) => c.blocks.every((b) => b.type !== 'table' && b.type !== 'image'));
  const headed = cols.some((c) => c.heading);
  const comparison = inp.layoutFor('comparison');
  const two = headed && suits(comparison, 'comparison') ? comparison : inp.layoutFor('twoContent');
  const inPlaceholders = cols.length === 2 && textOnly && suits(two, 'twoContent');
  const layout = inPlaceholders ? two : inp.layoutFor('titleOnly');
  // Column by column, left to right: the placeholders that hold its header (on "Comparison") and its body.
  const roles = inPlaceholders ? placeholderPairs(layout) : undefined;
  const whole = bodyBand(ctx, layout, fitTitle(`${inp.title} (cont. 99)`, ctx, layout));
  const lead = inp.leadRuns ? leadFrame(inp.leadRuns, whole, ctx) : undefined;
  const top = lead ? lead.box.y + lead.box.h + GAP / 2 : whole.y;
  const boxes = columnBoxes(cols, whole, roles && layout);
  // Smaller type in three or four columns keeps a line of a few words.
  // At most the body size, and small enough for a column to hold a line of some thirty characters.
  const narrowest = Math.min(...boxes.map((b) => b.w));
  const size = Math.max(
    ctx.theme.sizes.bodyMin,
    Math.min(ctx.theme.sizes.body, Math.floor(narrowest / CHARS_PER_LINE)),
  );
  const headerFor = (c: ColumnBlock, x: Rect, cont: boolean, y: number): TextFrame | undefined => {
    if (!c.heading) return undefined;
    const ps = [plain([...c.heading, ...(cont ? [{ text: ' (cont.)' }] : [])].map((r) => ({ ...r, bold: true })))];
    const box = { x: x.x, y, w: x.w, h: Infinity };
    const slot = roles?.[cols.indexOf(c)].header;
    return slot
      ? slotFrame(ctx.theme, layout, slot, ps, box, { color: 'title', anchor: 'top' })
      : textFrame(ctx.theme, ps, box, { size, color: 'title' });
  };
  // Every header is as tall as the tallest may be (with `(cont.)`), so the bodies start level.
  const headerH = Math.max(
    0,
    ...cols.map((c, i) => {
      const f = headerFor(c, boxes[i], true, top);
      return f ? fitHeight(ctx, f).box.h : 0;
    }),
  );
  const bodyTop = headerH > 0 ? top + headerH + GAP / 2 : top;
  const bottom = whole.y + whole.h;
  const frameOf =
    (i: number) =>
    (ps: Paragraph[], box: Rect, s: number): TextFrame =>
      roles
        ? slotFrame(ctx.theme, layout, roles[i].body, ps, box, { size: s })
        : textFrame(ctx.theme, ps, box, { size: s });
  const pageAll = (s: number, shrink: boolean) =>
    cols.map((c, i) =>
      columnPages(
        { blocks: c.blocks, x: boxes[i].x, w: boxes[i].w, top: bodyTop, bottom, frame: frameOf(i), size: s, shrink },
        ctx,
      ),
    );
  // Side by side, the columns share one size: the smallest any needs to fit on one slide, or the full size when
  // the set continues anyway.
  let paged = pageAll(size, true);
  const fitsOne = paged.every((p) => p.pages.length === 1);
  const common = fitsOne ? Math.min(size, ...paged.flatMap((p) => p.sizes)) : size;
  if (!fitsOne || paged.some((p) => p.sizes.some((s) => s !== common))) paged = pageAll(common, false);
  if (paged.some((p) => p.split))
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        'paragraph-split',
        block.position,
        `Unexpected paragraph longer than a column even at ${ctx.theme.sizes.bodyMin} pt: it continues on the next slide`,
        'shorten it, or move detail to the speaker notes',
      ),
    );
  const n = Math.max(...paged.map((p) => p.pages.length));
  const slides: ColumnsSlide[] = [];
  for (let k = 0; k < n; k++) {
    const columns: PlannedColumn[] = cols.map((c, i) => {
      const pages = paged[i].pages;
      const pieces = pages[k] ?? [];
      const continued = k > 0 && k < pages.length;
      const first = pieces[0]?.kind === 'text' ? pieces[0].frame : undefined;
      const rest = first ? pieces.slice(1) : pieces;
      const bodyBox = { x: boxes[i].x, y: bodyTop, w: boxes[i].w, h: bottom - bodyTop };
      // A placeholder alone in its column keeps the whole band: text a briefer adds has room before PowerPoint refits.
      const body = first
        ? rest.length === 0 && inPlaceholders
          ? { ...first, box: bodyBox }
          : first
        : frameOf(i)([], { ...bodyBox, h: 0 }, size);
      return {
        box: { ...boxes[i], y: top, h: bottom - top },
        ...(c.heading ? { header: fitHeight(ctx, headerFor(c, boxes[i], continued, top)!) } : {}),
        body,
        more: rest,
        continues: k < pages.length - 1,
        continued,
      };
    });
    const title = continuedTitle(inp.title, k, n, 'cont');
    slides.push({
      kind: 'columns',
      layout: !roles ? 'titleOnly' : roles[0].header ? 'comparison' : 'twoContent',
      layoutFile: layout.file,
      title,
      baseTitle: inp.title,
      titleFrame: fitTitle(title, ctx, layout),
      notes: k === 0 ? [...(inp.leadRuns && !lead ? [runsText(inp.leadRuns)] : []), ...inp.notes].join('\n\n') : '',
      section: inp.section.title,
      source: block.position,
      ...(k === 0 && lead ? { lead } : {}),
      columns,
      ...(k > 0 ? { continuation: { reason: 'a column did not fit on one slide' } } : {}),
    });
  }
  return slides;
}

/**
 * Where a slide's body may go: its content placeholder's region, or on a layout with two side by side (Two Content),
 * the band both span.
 */
export function bodyBand(ctx: PlanContext, layout: LayoutDef, title: TextFrame): Rect {
  // A layout without a body ("Title Only") takes the content layout's: a template master's own body area may be a
  // small box anywhere (LibreOffice's Focus puts it in the middle of the slide).
  const content = ctx.layouts.layouts[ctx.layouts.byNeed.content]?.slots.content;
  if (!layout.slots.content && !layout.slots.text && content)
    return bodyBand(ctx, { ...layout, slots: { ...layout.slots, content } }, title);
  const one = bodyRegion(ctx, layout, layout.slots.content || !layout.slots.text ? 'content' : 'text', title);
  if (!layout.slots.content || !layout.slots.content2) return one;
  const two = bodyRegion(ctx, layout, 'content2', title);
  const [left, right] = one.x <= two.x ? [one, two] : [two, one];
  const y = Math.max(one.y, two.y);
  return { x: left.x, y, w: right.x + right.w - left.x, h: Math.min(one.y + one.h, two.y + two.h) - y };
}

/**
 * The columns' x and width: the layout's two content placeholders when the columns are equal and go into them, else
 * the region shared by the widths given (`width="40%"`), the rest split equally among columns without one.
 */
function columnBoxes(cols: readonly ColumnBlock[], region: Rect, layout: LayoutDef | undefined): Rect[] {
  const slots = layout && placeholderPairs(layout).map((r) => layout.slots[r.body]!.box);
  if (slots && cols.every((c) => c.width === undefined))
    return slots.map((b) => ({ x: b.x, y: region.y, w: b.w, h: region.h }));
  const room = region.w - GUTTER * (cols.length - 1);
  const given = cols.reduce((s, c) => s + (c.width ?? 0), 0);
  const free = cols.filter((c) => c.width === undefined).length;
  const share = free > 0 ? Math.max(0, 1 - given) / free : 0;
  let x = region.x;
  return cols.map((c) => {
    const w = room * (c.width ?? share);
    const box = { x, y: region.y, w, h: region.h };
    x += w + GUTTER;
    return box;
  });
}

/** A lead-in sentence above the columns, as above a list (`Each side has options:`). */
function leadFrame(runs: Run[], whole: Rect, ctx: PlanContext): TextFrame | undefined {
  const f = fitHeight(
    ctx,
    textFrame(ctx.theme, [plain(runs)], { ...whole, h: Infinity }, { size: ctx.theme.sizes.body, color: 'muted' }),
  );
  return f.box.h <= whole.h / 4 ? f : undefined;
}

/** The text of a column's header, for what changed (`Column "Beijing"`). */
export const columnName = (c: ColumnBlock, i: number): string => (c.heading ? runsText(c.heading).trim() : `${i + 1}`);
