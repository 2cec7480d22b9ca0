import type { SlideLayout } from '../model/deck.js';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import type { LayoutSet } from '../model/layout-set.js';
import type { TemplateTheme } from '../model/template.js';
import type { Theme } from '../model/theme.js';
import { droppedWarning } from './dropped-warning.js';
import { keptParts } from './kept-parts.js';
import type { OpcPackage } from './open-package.js';
import type { TemplateStructure } from './read-masters.js';
import type { Sidecar } from './sidecar-schema.js';
import { contrastWarnings, templateColors, type TemplateColors } from './template-colors.js';
import { everyNeed, NEED_NAMES, templateLayoutSet, templateLayouts } from './template-layout-set.js';
import { chooseLayouts, type TemplateLayout } from './template-layouts.js';
import { crampedBody } from './body-room.js';
import { wordsOnBody } from './words-on-body.js';
import { templateTableMin, templateTableSize } from '../model/table-size.js';

/**
 * A template's structure → a briefdeck theme: its layouts with resolved
 * placeholder geometry and text styles (what the planner measures), the
 * layout each kind of slide goes on, the colours and fonts its masters give
 * (for text briefdeck colours itself: links, table style, banners), sizes,
 * and the parts the deck keeps. Returns errors for a template a deck cannot
 * be built on, warnings for what falls back.
 */
export function templateToTheme(
  name: string,
  at: Position,
  pkg: OpcPackage,
  s: TemplateStructure,
  sidecar: Sidecar,
): { theme?: Theme; diagnostics: Diagnostic[] } {
  const layouts = templateLayouts(s, sidecar.mono);
  if (sidecar.master !== undefined && sidecar.master > s.masters.length)
    return { diagnostics: [unknownMaster(sidecar.master, s.masters.length, at)] };
  const master = sidecar.master === undefined ? undefined : sidecar.master - 1;
  const { byNeed, fallbacks } = chooseLayouts(layouts, s.sampleLayouts, master);
  if (byNeed.content === undefined) return { diagnostics: [noBodyLayout(layouts, at)] };
  const ds = fallbacks.flatMap((f) => fallbackWarning(f.need, layouts[byNeed[f.need]!], at));
  const cramped = crampedBody(layouts, byNeed.content, s.size, master);
  if (cramped) ds.push(diagnostic('warning', 'template-body-small', at, cramped.message, cramped.fix));
  const words = wordsOnBody(layouts[byNeed.content]);
  if (words) ds.push(diagnostic('warning', 'template-words-on-body', at, words.message, words.fix));

  const set = templateLayoutSet(s, layouts, everyNeed(byNeed));
  const primary = s.masters[layouts[set.byNeed.content].master];
  const colors = templateColors(set, primary, sidecar);
  ds.push(...contrastWarnings(colors, at));
  const { problems, dropped, ...kept } = keptParts(pkg, s);
  if (problems.length > 0) return { diagnostics: [...ds, corruptPackage(problems, at)] };
  const outside = droppedWarning(at, dropped);
  if (outside) ds.push(outside);

  const template: TemplateTheme = {
    layouts: set,
    scheme: primary.scheme,
    clrMap: primary.clrMap,
    ...kept,
    masters: s.masters.map((m) => ({ part: m.part, id: m.id })),
    presentation: { name: pkg.main, data: pkg.parts.get(pkg.main)! },
    notesTheme: primary.themePart,
  };
  return { theme: { ...themeOf(name, at, set, colors, sidecar), template }, diagnostics: ds };
}

/**
 * Every face a deck on this template can be set in: the placeholders of the layouts slides go on, text boxes and code.
 */
export function templateFaces(theme: Theme): string[] {
  const set = theme.template!.layouts;
  const used = new Set(Object.values(set.byNeed));
  return [
    ...new Set([
      theme.fonts.mono,
      set.textBox.face,
      set.cell.face,
      ...[...used].flatMap((i) => Object.values(set.layouts[i].slots).map((slot) => slot.face)),
    ]),
  ];
}

/** The theme's faces and sizes are the content and title layouts' placeholders'; the sidecar may lower the minimums. */
function themeOf(name: string, at: Position, set: LayoutSet, c: TemplateColors, sidecar: Sidecar): Theme {
  const content = set.layouts[set.byNeed.content];
  const title = set.layouts[set.byNeed.title];
  const body = content.slots.content!;
  const bodySize = body.levels[0].size;
  const titleSize = (content.slots.title ?? body).levels[0].size;
  const tableMin = sidecar.sizes.tableMin ?? templateTableMin(set.size.w);
  return {
    name,
    file: at.file,
    colors: c.colors,
    fonts: { heading: (content.slots.title ?? body).face, body: body.face, mono: sidecar.mono },
    sizes: {
      title: titleSize,
      titleMin: sidecar.sizes.titleMin ?? Math.min(titleSize, Math.max(14, Math.round(titleSize * 0.7))),
      subtitle: title.slots.subTitle?.levels[0].size ?? bodySize,
      body: bodySize,
      bodyMin: sidecar.sizes.bodyMin ?? Math.min(bodySize, Math.max(12, Math.round(bodySize * 0.7))),
      table: sidecar.sizes.table ?? templateTableSize(bodySize, set.size.w, tableMin),
      tableMin,
      quote: bodySize,
      footer: content.slots.footer?.levels[0].size ?? 10,
    },
    lineSpacing: body.levels[0].lineSpacing,
    paragraphSpacing: body.levels[0].spaceAfter,
    footer: sidecar.footer,
  };
}

function unknownMaster(master: number, count: number, at: Position): Diagnostic {
  return diagnostic(
    'error',
    'template-master-unknown',
    at,
    `Unexpected \`master: ${master}\` in the theme's sidecar, expected 1 to ${count} (the template's slide masters)`,
    `use a number from 1 to ${count}, or remove \`master:\``,
  );
}

function noBodyLayout(layouts: TemplateLayout[], at: Position): Diagnostic {
  const names = [...new Set(layouts.map((l) => `\`${l.name}\``))].join(', ') || 'none';
  return diagnostic(
    'error',
    'template-no-body-layout',
    at,
    `Unexpected template without a layout holding a title and a body placeholder (its layouts: ${names})`,
    'add a "Title and Content" layout to the slide master in PowerPoint (View ▸ Slide Master)',
  );
}

/** A missing layout worth a warning: picture, blank, two-content and comparison slides fall back without one. */
function fallbackWarning(need: SlideLayout, instead: TemplateLayout, at: Position): Diagnostic[] {
  if (need === 'picture' || need === 'blank' || need === 'twoContent' || need === 'comparison') return [];
  return [
    diagnostic(
      'warning',
      'template-layout-missing',
      at,
      `Unexpected template without a ${NEED_NAMES[need]} layout: those slides go on \`${instead.name}\``,
      `add a "${NEED_NAMES[need].replace(/\b\w/g, (c) => c.toUpperCase())}" layout to the template's slide master`,
    ),
  ];
}

function corruptPackage(problems: string[], at: Position): Diagnostic {
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return diagnostic(
    'error',
    'template-corrupt',
    at,
    `Unexpected package structure: ${problems.slice(0, 3).join('; ')}${more}`,
    'open it in PowerPoint and save it again',
  );
}
