import type { Obstacle } from '../model/layout-set.js';
import type { Rect } from '../model/text-frame.js';
import type { TemplateLayout } from './template-layouts.js';

/** Shown words of the template this share of the body or more are worth a warning: slides hold visibly less. */
const NOTABLE = 0.1;

/**
 * The warning for a content layout whose master or layout draws words of its
 * own over its body (a navigation menu, a course name): slides keep clear of
 * them and hold less, so say which and how to remove them; `undefined` when
 * they cover under a tenth of the body.
 */
export function wordsOnBody(layout: TemplateLayout): { message: string; fix: string } | undefined {
  const body = layout.slots.content?.box;
  if (!body) return undefined;
  const over = (layout.obstacles ?? []).filter((o): o is Obstacle & { text: string } => !!o.text && meets(o, body));
  const covered = over.reduce((a, o) => a + overlap(o, body), 0) / (body.w * body.h);
  if (covered < NOTABLE) return undefined;
  const named = [...new Set(over.map((o) => o.text))];
  const shown = named
    .slice(0, 4)
    .map((t) => `\`${t.length > 30 ? `${t.slice(0, 29)}…` : t}\``)
    .join(', ');
  return {
    message: `Unexpected words of the template over ${Math.round(covered * 100)}% of the body of \`${layout.name}\` (${shown}${named.length > 4 ? ', …' : ''}): titles and bodies keep clear of them, so slides hold less`,
    fix: 'delete those shapes from the slide master in PowerPoint (View › Slide Master), or tick "Hide Background Graphics" on its layouts',
  };
}

function overlap(a: Rect, b: Rect): number {
  const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return Math.max(0, ix) * Math.max(0, iy);
}

const meets = (a: Rect, b: Rect) => overlap(a, b) > 0;
