import type { SlideLayout } from '../model/deck.js';
import type { Rect } from '../model/text-frame.js';
import {
  BODY_BOTTOM,
  BODY_TOP,
  CONTENT_W,
  FOOTER_BOX,
  GAP,
  MARGIN_X,
  TITLE_BOX,
  TITLE_SLIDE_AREA,
  slideNumberBox,
} from '../model/geometry.js';
import type { PlaceholderRole } from '../model/placeholders.js';

/** One layout of briefdeck's own master: its name, PowerPoint type and placeholders with their default boxes. */
export interface LayoutSpec {
  layout: SlideLayout;
  /** As PowerPoint names it (what "New Slide" lists, and what templates are matched on). */
  name: string;
  /** `p:sldLayout@type`. */
  type: string;
  placeholders: { role: PlaceholderRole; box: Rect }[];
  /** The title slide carries the large accent mark and logo, the others the small ones. */
  chrome: 'title' | 'content';
}

const BODY: Rect = { x: MARGIN_X, y: BODY_TOP, w: CONTENT_W, h: BODY_BOTTOM - BODY_TOP };
const HALF = (CONTENT_W - GAP) / 2;
/** The column headers of "Comparison": one line of body text. */
const COMPARISON_HEADER = 36;
const SUBTITLE: Rect = { x: MARGIN_X, y: TITLE_SLIDE_AREA.y + TITLE_SLIDE_AREA.h + GAP, w: CONTENT_W, h: 70 };
const FOOTERS = (hasLogo: boolean): LayoutSpec['placeholders'] => [
  { role: 'date', box: { x: FOOTER_BOX.x + FOOTER_BOX.w + GAP, y: FOOTER_BOX.y, w: 200, h: FOOTER_BOX.h } },
  { role: 'footer', box: FOOTER_BOX },
  { role: 'slideNumber', box: slideNumberBox(hasLogo) },
];

/**
 * The layouts, named and typed the PowerPoint way, plus the two briefdeck
 * needs (Quote; Picture with Caption). Every layout keeps the date, footer
 * and slide number placeholders, as PowerPoint's do.
 */
export function layoutCatalogue(hasLogo: boolean): LayoutSpec[] {
  const footers = FOOTERS(hasLogo);
  return [
    {
      layout: 'title',
      name: 'Title Slide',
      type: 'title',
      chrome: 'title',
      placeholders: [{ role: 'ctrTitle', box: TITLE_SLIDE_AREA }, { role: 'subTitle', box: SUBTITLE }, ...footers],
    },
    {
      layout: 'content',
      name: 'Title and Content',
      type: 'obj',
      chrome: 'content',
      placeholders: [{ role: 'title', box: TITLE_BOX }, { role: 'content', box: BODY }, ...footers],
    },
    {
      layout: 'section',
      name: 'Section Header',
      type: 'secHead',
      chrome: 'content',
      placeholders: [{ role: 'title', box: TITLE_BOX }, { role: 'text', box: BODY }, ...footers],
    },
    {
      layout: 'titleOnly',
      name: 'Title Only',
      type: 'titleOnly',
      chrome: 'content',
      placeholders: [{ role: 'title', box: TITLE_BOX }, ...footers],
    },
    {
      layout: 'twoContent',
      name: 'Two Content',
      type: 'twoObj',
      chrome: 'content',
      placeholders: [
        { role: 'title', box: TITLE_BOX },
        { role: 'content', box: { ...BODY, w: HALF } },
        { role: 'content2', box: { ...BODY, x: MARGIN_X + HALF + GAP, w: HALF } },
        ...footers,
      ],
    },
    {
      layout: 'quote',
      name: 'Quote',
      type: 'obj',
      chrome: 'content',
      placeholders: [{ role: 'title', box: TITLE_BOX }, { role: 'content', box: BODY }, ...footers],
    },
    {
      layout: 'picture',
      name: 'Picture with Caption',
      type: 'picTx',
      chrome: 'content',
      placeholders: [
        { role: 'title', box: TITLE_BOX },
        { role: 'content', box: { ...BODY, h: BODY.h - 40 } },
        { role: 'caption', box: { ...BODY, y: BODY_BOTTOM - 36, h: 36 } },
        ...footers,
      ],
    },
    { layout: 'blank', name: 'Blank', type: 'blank', chrome: 'content', placeholders: footers },
    // Last, so the layouts before it keep their part names.
    {
      layout: 'comparison',
      name: 'Comparison',
      type: 'twoTxTwoObj',
      chrome: 'content',
      placeholders: [
        { role: 'title', box: TITLE_BOX },
        { role: 'header', box: { ...BODY, w: HALF, h: COMPARISON_HEADER } },
        { role: 'content', box: { ...BODY, y: BODY.y + COMPARISON_HEADER, w: HALF, h: BODY.h - COMPARISON_HEADER } },
        { role: 'header2', box: { ...BODY, x: MARGIN_X + HALF + GAP, w: HALF, h: COMPARISON_HEADER } },
        {
          role: 'content2',
          box: {
            ...BODY,
            x: MARGIN_X + HALF + GAP,
            y: BODY.y + COMPARISON_HEADER,
            w: HALF,
            h: BODY.h - COMPARISON_HEADER,
          },
        },
        ...footers,
      ],
    },
  ];
}
