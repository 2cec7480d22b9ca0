import type { SlideLayout } from './deck.js';
import type { LayoutDef } from './layout-set.js';
import type { PlaceholderRole } from './text-frame.js';

/** The placeholders a need must find in a layout to go on it (any one of the sets). */
export const NEEDS: Record<SlideLayout, readonly PlaceholderRole[][]> = {
  title: [
    ['ctrTitle', 'subTitle'],
    ['title', 'subTitle'],
  ],
  content: [['title', 'content']],
  section: [['title', 'text']],
  titleOnly: [['title']],
  twoContent: [['title', 'content', 'content2']],
  comparison: [['title', 'header', 'content', 'header2', 'content2']],
  quote: [['title', 'content']],
  picture: [['title', 'content'], ['title']],
  blank: [[]],
};

/** Whether a layout holds what a need puts on it. */
export const suits = (layout: LayoutDef, need: SlideLayout): boolean =>
  NEEDS[need].some((roles) => roles.every((r) => layout.slots[r]));
