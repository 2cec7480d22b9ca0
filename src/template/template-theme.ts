import path from 'node:path/posix';
import type { SlideLayout } from '../model/deck.js';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import type { LayoutSet, TextStyle } from '../model/layout-set.js';
import type { TemplateTheme } from '../model/template.js';
import type { Theme } from '../model/theme.js';
import { contrastRatio } from '../util/contrast.js';
import { CELL_INSETS } from '../model/geometry.js';
import type { OpcPackage } from './open-package.js';
import type { TemplateStructure } from './read-masters.js';
import { slotBox } from './resolve-slot.js';
import { fillColor } from './scheme.js';
import type { Sidecar } from './sidecar-schema.js';
import { chooseLayouts, layoutSlots, type TemplateLayout } from './template-layouts.js';
import { attr, child, NS, path as xpath, type Element } from './xml.js';

/** Relationship types a kept part may point at that the deck does not keep (slides are the template's samples). */
const DROPPED = new Set(['slide', 'notesSlide', 'notesMaster', 'handoutMaster', 'presentation']);

const NEED_NAMES: Record<SlideLayout, string> = {
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
  const ds: Diagnostic[] = [];
  const layouts: TemplateLayout[] = s.masters.flatMap((master, m) =>
    master.layouts
      .filter((l) => path.dirname(l.part) === 'ppt/slideLayouts')
      .map((l) => ({
        name: l.name,
        file: path.basename(l.part),
        type: l.type,
        master: m,
        ...layoutSlots(l, master, s),
      })),
  );
  if (sidecar.master !== undefined && sidecar.master > s.masters.length) {
    ds.push(
      diagnostic(
        'error',
        'template-master-unknown',
        at,
        `Unexpected \`master: ${sidecar.master}\` in the theme's sidecar, expected 1 to ${s.masters.length} (the template's slide masters)`,
        `use a number from 1 to ${s.masters.length}, or remove \`master:\``,
      ),
    );
    return { diagnostics: ds };
  }
  const { byNeed, fallbacks } = chooseLayouts(
    layouts,
    s.sampleLayouts,
    sidecar.master === undefined ? undefined : sidecar.master - 1,
  );
  if (byNeed.content === undefined) {
    const names = [...new Set(layouts.map((l) => `\`${l.name}\``))].join(', ') || 'none';
    ds.push(
      diagnostic(
        'error',
        'template-no-body-layout',
        at,
        `Unexpected template without a layout holding a title and a body placeholder (its layouts: ${names})`,
        'add a "Title and Content" layout to the slide master in PowerPoint (View ▸ Slide Master)',
      ),
    );
    return { diagnostics: ds };
  }
  for (const f of fallbacks) {
    if (f.need === 'picture' || f.need === 'blank' || f.need === 'twoContent' || f.need === 'comparison') continue;
    ds.push(
      diagnostic(
        'warning',
        'template-layout-missing',
        at,
        `Unexpected template without a ${NEED_NAMES[f.need]} layout: those slides go on \`${layouts[byNeed[f.need]!].name}\``,
        `add a "${NEED_NAMES[f.need].replace(/\b\w/g, (c) => c.toUpperCase())}" layout to the template's slide master`,
      ),
    );
  }
  const full = Object.fromEntries(
    (Object.keys(NEED_NAMES) as SlideLayout[]).map((n) => [n, byNeed[n] ?? byNeed.content!]),
  ) as Record<SlideLayout, number>;
  const content = layouts[full.content];
  const title = layouts[full.title];
  const body = content.slots.content!;
  const primary = s.masters[content.master];
  const masterBody = primary.placeholders.find((p) => p.type === 'body');
  const bodyArea = (masterBody && slotBox(masterBody, primary)) ?? body.box;

  const mono = sidecar.mono;
  for (const l of layouts) for (const slot of Object.values(l.slots)) slot.monoFace = mono;
  // A text box inherits none of the body placeholder's capitals or letter spacing.
  const textBox: TextStyle = {
    ...body,
    autofit: 'none',
    anchor: 'top',
    align: 'left',
    levels: body.levels.map(({ caps: _c, letterSpacing: _s, ...lv }) => lv),
  };
  delete (textBox as Partial<typeof body>).box;
  const cell: TextStyle = { ...textBox, insets: { ...CELL_INSETS } };
  const set: LayoutSet = { size: s.size, layouts, byNeed: full, bodyArea, textBox: strip(textBox), cell: strip(cell) };

  const map = primary.clrMap;
  const sch = primary.scheme;
  const contentInfo = primary.layouts.find((l) => path.basename(l.part) === content.file);
  const background = backgroundOf([contentInfo?.xml, primary.xml], sch, map);
  const text = content.colors.content ?? sch[map.tx1];
  const titleColor = content.colors.title ?? text;
  const headerBg = sch.accent1;
  const headerText = [sch[map.bg1], sch[map.tx1], 'FFFFFF', '000000'].sort(
    (a, b) => contrastRatio(b, headerBg) - contrastRatio(a, headerBg),
  )[0];
  const bodySize = body.levels[0].size;
  const titleSize = (content.slots.title ?? body).levels[0].size;
  const theme: Theme = {
    name,
    file: at.file,
    colors: {
      background: background.hex,
      text,
      title: titleColor,
      accent: sch.accent2,
      muted: text,
      link: sch.hlink,
      tableHeaderBackground: headerBg,
      tableHeaderText: headerText,
      tableBand: sch[map.bg2],
      tableBorder: sch[map.tx2],
      bannerBackground: sidecar.banner.background,
      bannerText: sidecar.banner.text,
    },
    fonts: { heading: (content.slots.title ?? body).face, body: body.face, mono },
    sizes: {
      title: titleSize,
      titleMin: sidecar.sizes.titleMin ?? Math.min(titleSize, Math.max(14, Math.round(titleSize * 0.7))),
      subtitle: title.slots.subTitle?.levels[0].size ?? bodySize,
      body: bodySize,
      bodyMin: sidecar.sizes.bodyMin ?? Math.min(bodySize, Math.max(12, Math.round(bodySize * 0.7))),
      table: sidecar.sizes.table ?? Math.min(bodySize, 16),
      tableMin: sidecar.sizes.tableMin ?? Math.min(bodySize, 10),
      quote: bodySize,
      footer: content.slots.footer?.levels[0].size ?? 10,
    },
    lineSpacing: body.levels[0].lineSpacing,
    paragraphSpacing: body.levels[0].spaceAfter,
    footer: sidecar.footer,
  };
  // A picture or gradient background has no one colour to check against.
  for (const [fg, bg, min, what] of background.known
    ? ([
        [text, background.hex, 4.5, 'body text'],
        [titleColor, background.hex, 3, 'titles'],
      ] as const)
    : []) {
    const ratio = contrastRatio(fg, bg);
    if (ratio < min)
      ds.push(
        diagnostic(
          'warning',
          'template-low-contrast',
          at,
          `Unexpected contrast ${ratio.toFixed(2)}:1 between the template's ${what} #${fg} and its background #${bg}, expected at least ${min}:1 (WCAG AA)`,
          'darken or lighten the text or background colour in the template',
        ),
      );
  }
  const { problems, ...kept } = keptParts(pkg, s);
  if (problems.length > 0) {
    ds.push(
      diagnostic(
        'error',
        'template-corrupt',
        at,
        `Unexpected package structure: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
        'open it in PowerPoint and save it again',
      ),
    );
    return { diagnostics: ds };
  }
  const template: TemplateTheme = {
    layouts: set,
    scheme: sch,
    clrMap: map,
    ...kept,
    masters: s.masters.map((m) => ({ part: m.part, id: m.id })),
    sizeXml: s.sizeXml,
    ...(s.defaultTextStyle
      ? { defaultTextStyleXml: /<p:defaultTextStyle>[\s\S]*?<\/p:defaultTextStyle>/.exec(pkg.text(pkg.main))?.[0] }
      : {}),
    notesTheme: primary.themePart,
  };
  theme.template = template;
  return { theme, diagnostics: ds };
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

/** Parts a deck writes itself: a template's master may not bring its own. */
const RESERVED =
  /^(\[Content_Types\]\.xml|_rels\/|docProps\/|ppt\/(presentation\.xml|presProps\.xml|viewProps\.xml|tableStyles\.xml|_rels\/|slides\/|notesSlides\/|notesMasters\/|handoutMasters\/))/;

/**
 * The masters and everything they reach through relationships (layouts,
 * themes, media), without the sample slides; with each part's content type.
 * `problems` names what would make the deck need repair: a relationship to a
 * missing part or to a part the deck writes itself (a slide, a notes master),
 * and a kept part without a content type.
 */
export function keptParts(
  pkg: OpcPackage,
  s: TemplateStructure,
): Pick<TemplateTheme, 'parts' | 'contentTypes' | 'tableStylesXml'> & { problems: string[] } {
  const parts = new Map<string, Uint8Array>();
  const types = new Map<string, string>();
  const problems: string[] = [];
  const queue = s.masters.map((m) => m.part);
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (parts.has(part)) continue;
    parts.set(part, pkg.parts.get(part)!);
    const type = pkg.contentType(part);
    if (type) types.set(part, type);
    else problems.push(`\`${part}\` has no content type in \`[Content_Types].xml\``);
    const relsPart = `${path.dirname(part)}/_rels/${path.basename(part)}.rels`;
    if (pkg.parts.has(relsPart)) parts.set(relsPart, pkg.parts.get(relsPart)!);
    for (const r of pkg.rels(part)) {
      if (r.external) continue;
      if (DROPPED.has(r.type) || RESERVED.test(r.target))
        problems.push(
          `\`${part}\` refers to \`${r.target}\`, which a master or layout may not (it is the deck's own part)`,
        );
      else if (!pkg.parts.has(r.target)) problems.push(`\`${part}\` refers to \`${r.target}\`, which is missing`);
      else queue.push(r.target);
    }
  }
  const styles = pkg.rels(pkg.main).find((r) => r.type === 'tableStyles' && !r.external)?.target;
  return {
    parts,
    contentTypes: types,
    problems,
    ...(styles && pkg.parts.has(styles) ? { tableStylesXml: pkg.text(styles) } : {}),
  };
}

/**
 * The background a content slide shows: the layout's own, else the master's;
 * a solid fill's colour, or the theme's background colour when neither has
 * one. `known` is false for a picture, gradient or pattern (or a theme fill
 * style), whose colour cannot be checked for contrast.
 */
function backgroundOf(
  parts: readonly (Element | undefined)[],
  scheme: TemplateTheme['scheme'],
  map: TemplateTheme['clrMap'],
): { hex: string; known: boolean } {
  for (const part of parts) {
    const bg = xpath(part, [
      [NS.p, 'cSld'],
      [NS.p, 'bg'],
    ]);
    if (!bg) continue;
    const solid = xpath(bg, [
      [NS.p, 'bgPr'],
      [NS.a, 'solidFill'],
    ]);
    if (solid) return { hex: fillColor(solid, scheme, map) ?? scheme[map.bg1], known: true };
    // The theme's first background fill style is a solid fill in the colour the reference names (PowerPoint's own
    // masters).
    const ref = child(bg, NS.p, 'bgRef');
    if (ref && attr(ref, 'idx') === '1001') return { hex: fillColor(ref, scheme, map) ?? scheme[map.bg1], known: true };
    return { hex: scheme[map.bg1], known: false };
  }
  return { hex: scheme[map.bg1], known: true };
}

function strip(style: TextStyle): TextStyle {
  const { insets, anchor, autofit, align, face, inheritedFace, monoFace, bold, levels } = style;
  return { insets, anchor, autofit, align, face, inheritedFace, monoFace, ...(bold ? { bold } : {}), levels };
}
