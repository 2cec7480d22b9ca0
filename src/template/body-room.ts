import { suits } from '../model/layout-needs.js';
import { bodyRoom, type TemplateLayout } from './template-layouts.js';

/** Below this share of the slide, a content layout's body holds too little for a briefing. */
const SMALL_SHARE = 1 / 3;

/**
 * The warning for a template whose content layout gives the body less than a
 * third of the slide (once per template, with the figure), naming the layout
 * or master that would do better and how to choose it; `undefined` when the
 * body has room.
 */
export function crampedBody(
  layouts: readonly TemplateLayout[],
  chosen: number,
  size: { w: number; h: number },
  master: number | undefined,
): { message: string; fix: string } | undefined {
  const slide = size.w * size.h;
  const used = layouts[chosen];
  const share = bodyRoom(used, 'content') / slide;
  if (share >= SMALL_SHARE) return undefined;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const better = layouts
    .map((l, i) => ({ l, i, room: bodyRoom(l, 'content') }))
    .filter((c) => c.i !== chosen && suits(c.l, 'content') && c.room > bodyRoom(used, 'content'))
    .sort((a, b) => b.room - a.room || a.i - b.i)[0];
  const message = `Unexpected content layout \`${used.name}\` whose body covers ${pct(share)} of the slide, expected at least a third: slides will hold little and tables few rows`;
  if (!better)
    return {
      message: `${message}; no layout of the template gives more`,
      fix: 'enlarge the body placeholder of the "Title and Content" layout in PowerPoint (View › Slide Master)',
    };
  const other = better.l.master !== used.master && master === undefined;
  return {
    message: `${message}; \`${better.l.name}\`${other ? ` on master ${better.l.master + 1}` : ''} gives ${pct(better.room / slide)}`,
    fix: other
      ? `put \`master: ${better.l.master + 1}\` in the template's sidecar (themes/<name>.yaml)`
      : `rename \`${better.l.name}\` to "Title and Content" in PowerPoint (View › Slide Master), or enlarge the body of \`${used.name}\``,
  };
}
