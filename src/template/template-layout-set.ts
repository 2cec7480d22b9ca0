import path from 'node:path/posix';
import type { SlideLayout } from '../model/deck.js';
import { CELL_INSETS } from '../model/geometry.js';
import type { LayoutSet, TextStyle } from '../model/layout-set.js';
import type { TemplateStructure } from './read-masters.js';
import { slotBox } from './resolve-slot.js';
import { layoutSlots, type TemplateLayout } from './template-layouts.js';
import { layoutObstacles } from './obstacles.js';
import { textBoxFace } from './text-box-face.js';

/** Every kind of slide a deck has, by the name of the layout PowerPoint gives it. */
export const NEED_NAMES: Record<SlideLayout, string> = {
  title: 'title slide',
  content: 'title and content',
  section: 'section header',
  titleOnly: 'title only',
  twoContent: 'two content',
  comparison: 'comparison',
  quote: 'quote',
  picture: 'picture',
  blank: 'blank',
};

/** The layouts of every master (those in `ppt/slideLayouts/`), with their slots resolved; code set in `mono`. */
export function templateLayouts(s: TemplateStructure, mono: string): TemplateLayout[] {
  const layouts: TemplateLayout[] = s.masters.flatMap((master, m) =>
    master.layouts
      .filter((l) => path.dirname(l.part) === 'ppt/slideLayouts')
      .map((l) => ({
        name: l.name,
        file: path.basename(l.part),
        type: l.type,
        master: m,
        ...layoutSlots(l, master, s),
        obstacles: layoutObstacles(l, master, s.size),
      })),
  );
  for (const l of layouts) for (const slot of Object.values(l.slots)) slot.monoFace = mono;
  return layouts;
}

/** A layout for every need: the chosen one, else the content layout. */
export function everyNeed(byNeed: Partial<Record<SlideLayout, number>>): Record<SlideLayout, number> {
  return Object.fromEntries(
    (Object.keys(NEED_NAMES) as SlideLayout[]).map((n) => [n, byNeed[n] ?? byNeed.content!]),
  ) as Record<SlideLayout, number>;
}

/**
 * What the planner measures against: the layouts, the one each need goes on,
 * the body area of the content layout's master, and the styles of text boxes
 * and table cells (the body placeholder's, left-aligned at the top).
 */
export function templateLayoutSet(
  s: TemplateStructure,
  layouts: TemplateLayout[],
  byNeed: Record<SlideLayout, number>,
): LayoutSet {
  const content = layouts[byNeed.content];
  const body = content.slots.content!;
  const primary = s.masters[content.master];
  const masterBody = primary.placeholders.find((p) => p.type === 'body');
  const bodyArea = (masterBody && slotBox(masterBody, primary)) ?? body.box;
  // A text box inherits none of the body placeholder's capitals or letter spacing, nor its face: it is written
  // with the body's face whenever the face a text box would show is another.
  const textBox: TextStyle = {
    ...body,
    inheritedFace: textBoxFace(s.defaultTextStyle, primary),
    autofit: 'none',
    anchor: 'top',
    align: 'left',
    levels: body.levels.map(({ caps: _c, letterSpacing: _s, ...lv }) => lv),
  };
  delete (textBox as Partial<typeof body>).box;
  const cell: TextStyle = { ...textBox, insets: { ...CELL_INSETS } };
  return { size: s.size, layouts, byNeed, bodyArea, textBox: strip(textBox), cell: strip(cell) };
}

function strip(style: TextStyle): TextStyle {
  const { insets, anchor, autofit, align, face, inheritedFace, monoFace, bold, levels } = style;
  return { insets, anchor, autofit, align, face, inheritedFace, monoFace, ...(bold ? { bold } : {}), levels };
}
