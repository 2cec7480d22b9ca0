import type { SlideLayout } from '../model/deck.js';
import type { LayoutDef, LayoutSet, PlaceholderSlot, TextStyle } from '../model/layout-set.js';
import type { LevelStyle, PlaceholderRole } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import { BULLET_INDENT, CELL_INSETS, NO_INSETS, SLIDE, TEXT_INSETS } from '../model/geometry.js';
import { layoutCatalogue, type LayoutSpec } from './layout-catalogue.js';
import { PLACEHOLDERS } from '../model/placeholders.js';

/** Outline levels briefdeck's own master styles (DrawingML has 9; deeper Markdown nesting is set at the last). */
const LEVELS = 5;

/**
 * briefdeck's own master as a layout set: the catalogue's layouts and
 * boxes, and the text styles the master and layouts write (text-styles-xml,
 * layout-xml) for each placeholder, so the planner measures what those
 * parts make PowerPoint show. Bulleted text hangs from `BULLET_INDENT ×
 * (level + 1)`; titles, footers and the slide number are set tight.
 */
export function builtinLayouts(theme: Theme): LayoutSet {
  const catalogue = layoutCatalogue(!!theme.logo);
  const layouts: LayoutDef[] = catalogue.map((spec, i) => ({
    name: spec.name,
    file: `slideLayout${i + 1}.xml`,
    slots: Object.fromEntries(
      spec.placeholders.map((p) => [
        p.role,
        { ...roleStyle(theme, p.role, spec), box: p.box, ph: PLACEHOLDERS[p.role].ph, name: PLACEHOLDERS[p.role].name },
      ]),
    ) as LayoutDef['slots'],
  }));
  const byNeed = Object.fromEntries(catalogue.map((spec, i) => [spec.layout, i])) as Record<SlideLayout, number>;
  return {
    size: { ...SLIDE },
    layouts,
    byNeed,
    bodyArea: { ...layouts[byNeed.content].slots.content!.box },
    textBox: bodyStyle(theme, theme.sizes.body),
    cell: {
      ...bodyStyle(theme, theme.sizes.table),
      insets: { ...CELL_INSETS },
      levels: levels(theme.sizes.table, true, theme),
    },
  };
}

/** Levels at one size: the hanging indent per level; single spacing and no paragraph spacing when `tight`. */
function levels(size: number, tight: boolean, theme: Theme): LevelStyle[] {
  return Array.from({ length: LEVELS }, (_, l) => ({
    size,
    marL: BULLET_INDENT * (l + 1),
    indent: -BULLET_INDENT,
    lineSpacing: tight ? 1 : theme.lineSpacing,
    spaceBefore: 0,
    spaceAfter: tight ? 0 : theme.paragraphSpacing,
    bulletChar: '•',
  }));
}

function bodyStyle(theme: Theme, size: number): TextStyle {
  return {
    insets: { ...TEXT_INSETS },
    anchor: 'top',
    autofit: 'none',
    align: 'left',
    face: theme.fonts.body,
    inheritedFace: theme.fonts.body,
    monoFace: theme.fonts.mono,
    levels: levels(size, false, theme),
  };
}

/**
 * What each placeholder of briefdeck's layouts is set in (sizes as layout-xml and the master's text styles write them).
 */
function roleStyle(
  theme: Theme,
  role: PlaceholderRole,
  spec: LayoutSpec,
): Omit<PlaceholderSlot, 'box' | 'ph' | 'name'> {
  const s = theme.sizes;
  const heading = (size: number, anchor: TextStyle['anchor']): TextStyle => ({
    ...bodyStyle(theme, size),
    anchor,
    face: theme.fonts.heading,
    inheritedFace: theme.fonts.heading,
    bold: true,
    levels: levels(size, true, theme),
  });
  const body = (size: number): TextStyle => ({ ...bodyStyle(theme, size), autofit: 'shrink' });
  const tight = (size: number, align: TextStyle['align'], insets = NO_INSETS): TextStyle => ({
    ...bodyStyle(theme, size),
    insets: { ...insets },
    anchor: 'middle',
    align,
    levels: levels(size, true, theme),
  });
  switch (role) {
    case 'title':
      return heading(s.title, 'top');
    case 'ctrTitle':
      return heading(Math.round(s.title * 1.25), 'bottom');
    case 'subTitle':
      return body(s.subtitle);
    case 'content':
      return body(spec.layout === 'quote' ? s.quote : s.body);
    case 'content2':
      return body(s.body);
    case 'header':
    case 'header2':
      return { ...body(s.body), bold: true, levels: levels(s.body, true, theme) };
    case 'text':
      return body(s.quote);
    case 'caption':
      return { ...body(s.bodyMin), align: 'center' };
    case 'date':
    case 'footer':
      return tight(s.footer, 'left');
    case 'slideNumber':
      return { ...tight(s.footer, 'right', TEXT_INSETS), anchor: 'top' };
  }
}
