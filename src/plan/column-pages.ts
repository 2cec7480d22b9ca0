import type { Block } from '../model/article.js';
import type { ColumnPiece } from '../model/columns.js';
import { GAP } from '../model/geometry.js';
import type { Paragraph, Rect, TextFrame } from '../model/text-frame.js';
import type { PlanContext } from './context.js';
import { fitHeight, plain } from './frames.js';
import { listToGroups } from './list-paragraphs.js';
import { paginateParagraphs } from './paginate-paragraphs.js';
import { paginateTable } from './paginate-table.js';

/** What one column's blocks become: runs of text, tables and images, in order. */
type Segment = { kind: 'text'; groups: Paragraph[][] } | { kind: 'table' | 'image'; block: Block };

export interface ColumnPagesInput {
  blocks: Block[];
  /** The column's band: its x and width, and where its content may start and must end on every slide. */
  x: number;
  w: number;
  top: number;
  bottom: number;
  /** The frame the column's text is set in (its placeholder's or a text box), at a size. */
  frame: (paragraphs: Paragraph[], box: Rect, size: number) => TextFrame;
  size: number;
  /** Whether the text may shrink a little to fit the slide (see `paginateParagraphs`). */
  shrink: boolean;
}

/** Below this much room a piece starts on the next slide rather than squeeze in. */
const MIN_ROOM = 48;

/**
 * One column's content over as many slides as it needs: text paginated and measured in the column's width, tables
 * paginated by rows in it, images fitted to it; each piece starts below the one before it. Returns the pieces of
 * each slide, and whether a paragraph had to be split.
 */
export function columnPages(
  inp: ColumnPagesInput,
  ctx: PlanContext,
): { pages: ColumnPiece[][]; split: boolean; sizes: number[] } {
  const sizes: number[] = [];
  const pages: ColumnPiece[][] = [[]];
  let y = inp.top;
  let split = false;
  const band = (from: number): Rect => ({ x: inp.x, y: from, w: inp.w, h: Math.max(0, inp.bottom - from) });
  const nextPage = () => {
    pages.push([]);
    y = inp.top;
  };
  const roomy = () => pages[pages.length - 1].length === 0 || inp.bottom - y >= MIN_ROOM;
  for (const seg of segmentsOf(inp.blocks)) {
    if (!roomy()) nextPage();
    if (seg.kind === 'text') {
      const r = paginateParagraphs(
        {
          groups: seg.groups,
          first: band(y),
          next: band(inp.top),
          frame: inp.frame,
          size: inp.size,
          minSize: ctx.theme.sizes.bodyMin,
          shrink: inp.shrink,
        },
        ctx,
      );
      split ||= r.splitParagraph;
      r.pages.forEach((page, k) => {
        sizes.push(page.size);
        if (k > 0) nextPage();
        const f = fitHeight(ctx, inp.frame(page.paragraphs, band(y), page.size));
        pages[pages.length - 1].push({ kind: 'text', frame: f });
        y = f.box.y + f.box.h + GAP;
      });
    } else if (seg.kind === 'table' && seg.block.type === 'table') {
      const r = paginateTable({ table: seg.block, first: band(y), next: band(inp.top) }, ctx);
      ctx.diagnostics.push(...r.diagnostics);
      r.pages.forEach((table, k) => {
        if (k > 0) nextPage();
        pages[pages.length - 1].push({ kind: 'table', table });
        y = table.box.y + table.rowHeights.reduce((a, b) => a + b, 0) + GAP;
      });
    } else if (seg.block.type === 'image') {
      const asset = ctx.images.get(seg.block.src);
      const [w, h] = [asset?.width ?? 4, asset?.height ?? 3];
      // An image squeezed under other content to less than a third of the column goes to the next slide.
      if (
        pages[pages.length - 1].length > 0 &&
        (inp.w * h) / w > inp.bottom - y &&
        inp.bottom - y < (inp.bottom - inp.top) / 3
      )
        nextPage();
      const scale = Math.min(inp.w / w, (inp.bottom - y) / h);
      const box = { x: inp.x + (inp.w - w * scale) / 2, y, w: w * scale, h: h * scale };
      pages[pages.length - 1].push({
        kind: 'image',
        image: {
          box,
          data: asset?.data ?? new Uint8Array(),
          mime: asset?.mime ?? 'image/png',
          ...(asset?.svg ? { svg: asset.svg } : {}),
          alt: seg.block.alt,
        },
      });
      y = box.y + box.h + GAP;
    }
  }
  return { pages, split, sizes };
}

/** Consecutive text blocks make one text run (one frame); tables and images stand alone. */
function segmentsOf(blocks: readonly Block[]): Segment[] {
  const out: Segment[] = [];
  const text = (groups: Paragraph[][]) => {
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.groups.push(...groups);
    else out.push({ kind: 'text', groups });
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'list':
        text(listToGroups(b));
        break;
      case 'paragraph':
        text([[plain(b.runs)]]);
        break;
      case 'heading':
        text([[plain(b.runs.map((r) => ({ ...r, bold: true })))]]);
        break;
      case 'quote':
        text(b.paragraphs.map((runs) => [plain(runs.map((r) => ({ ...r, italic: true })))]));
        break;
      case 'callout':
        // Inside a column a callout is its label in bold before its text: the column is the frame.
        text([b.paragraphs.map((runs, k) => plain(k === 0 ? [{ text: `${b.label}: `, bold: true }, ...runs] : runs))]);
        break;
      case 'code':
        text(b.text.split('\n').map((line) => [plain([{ text: line || ' ', code: true }])]));
        break;
      case 'table':
      case 'image':
        out.push({ kind: b.type, block: b });
        break;
      case 'columns':
        // The parser refuses a column set inside a column.
        break;
    }
  }
  return out;
}
