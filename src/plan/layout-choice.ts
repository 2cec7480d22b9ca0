import type { Section } from '../model/article.js';
import type { SlideLayout } from '../model/deck.js';
import { diagnostic } from '../model/diagnostic.js';
import type { LayoutDef } from '../model/layout-set.js';
import { NEEDS, suits } from '../model/layout-needs.js';
import type { PlanContext } from './context.js';

const norm = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The layouts a section's slides go on: the theme's choice per need, or the
 * layout the section's front matter names (`layout: Title Only`), for every
 * need it suits. A name the theme does not have is an error at the key; a
 * named layout that lacks what a slide needs (a bullet slide on a layout
 * without a body) leaves that slide on the theme's choice, with a warning,
 * once per section and need.
 */
export function sectionLayouts(section: Section, ctx: PlanContext): (need: SlideLayout) => LayoutDef {
  const { layouts } = ctx;
  const byDefault = (need: SlideLayout) => layouts.layouts[layouts.byNeed[need]];
  const wanted = section.frontMatter.layout;
  if (typeof wanted !== 'string') return byDefault;
  const at = section.frontMatterPositions.layout ?? section.titlePosition;
  const named = layouts.layouts.find((l) => norm(l.name) === norm(wanted));
  if (!named) {
    const names = [...new Set(layouts.layouts.map((l) => l.name))];
    ctx.diagnostics.push(
      diagnostic(
        'error',
        'unknown-layout',
        at,
        `Unknown layout \`${wanted}\`, expected one of ${names.map((n) => `\`${n}\``).join(', ')}`,
        `use a layout name of the theme \`${ctx.theme.name}\`, or remove \`layout:\``,
      ),
    );
    return byDefault;
  }
  const warned = new Set<SlideLayout>();
  return (need) => {
    if (suits(named, need)) return named;
    if (!warned.has(need)) {
      warned.add(need);
      const fallback = byDefault(need);
      ctx.diagnostics.push(
        diagnostic(
          'warning',
          'layout-unsuitable',
          at,
          `Unexpected layout \`${named.name}\` for a ${need} slide: it has no ${NEEDS[need][0].filter((r) => !named.slots[r]).join(' or ')} placeholder, so the slide goes on \`${fallback.name}\``,
          `name a layout with a title and a body, or move this content to another section`,
        ),
      );
    }
    return byDefault(need);
  };
}
