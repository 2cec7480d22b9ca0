import type { SlideLayout } from '../model/deck.js';
import type { LayoutDef } from '../model/layout-set.js';
import type { PlaceholderRole, Rect } from '../model/text-frame.js';
import { suits } from '../model/layout-needs.js';
import type { LayoutInfo, MasterInfo, PlaceholderShape, TemplateStructure } from './read-masters.js';
import { resolveSlot, slotBox, type ResolvedSlot } from './resolve-slot.js';

/** Placeholder types that hold text a slide fills, by role; body kinds are sorted out by size below. */
const BY_TYPE: Record<string, PlaceholderRole> = {
  title: 'title',
  ctrTitle: 'ctrTitle',
  subTitle: 'subTitle',
  dt: 'date',
  ftr: 'footer',
  sldNum: 'slideNumber',
};
const BODY_TYPES = new Set(['obj', 'body']);

export interface TemplateLayout extends LayoutDef {
  /** `p:sldLayout@type`. */
  type: string;
  master: number;
  /** The first-level text colour of the title and body placeholders, when they say one. */
  colors: Partial<Record<PlaceholderRole, string>>;
}

/**
 * A layout's placeholders by what briefdeck puts in them: title, centred
 * title, subtitle, footers by type; of the body and content placeholders
 * (LibreOffice writes them as bare `<p:ph/>`), the largest is the body
 * (`text` on a section header, `content` elsewhere) and a second one of
 * similar size beside it the second column. Vertical text and picture,
 * chart or table placeholders are left alone.
 */
export function layoutSlots(
  layout: LayoutInfo,
  master: MasterInfo,
  s: TemplateStructure,
): Pick<TemplateLayout, 'slots' | 'colors'> {
  const slots: LayoutDef['slots'] = {};
  const colors: TemplateLayout['colors'] = {};
  const growing: PlaceholderRole[] = [];
  const put = (role: PlaceholderRole, ph: PlaceholderShape) => {
    if (slots[role]) return;
    const r: ResolvedSlot | undefined = resolveSlot(ph, role, master, s.defaultTextStyle);
    if (!r) return;
    slots[role] = r.slot;
    if (r.color) colors[role] = r.color;
    if (r.grows) growing.push(role);
  };
  for (const ph of layout.placeholders) if (BY_TYPE[ph.type]) put(BY_TYPE[ph.type], ph);
  const bodies = layout.placeholders.filter((ph) => BODY_TYPES.has(ph.type) && ph.orient !== 'vert');
  const resolved = bodies.map((ph) => ({ ph, box: slotBox(ph, master) })).filter((b) => b.box);
  resolved.sort((a, b) => b.box!.w * b.box!.h - a.box!.w * a.box!.h || a.box!.y - b.box!.y || a.box!.x - b.box!.x);
  const [first, second] = resolved;
  if (first) put(layout.type === 'secHead' ? 'text' : 'content', first.ph);
  if (first && second && layout.type !== 'secHead') {
    const [a, b] = [first.box!, second.box!];
    const sideBySide = Math.abs(a.y - b.y) < a.h / 4 && b.w * b.h >= 0.5 * a.w * a.h;
    if (sideBySide) put('content2', second.ph);
  }
  if (slots.content && slots.content2) putHeaders(resolved, slots, put);
  for (const role of growing)
    if (GROWABLE.has(role)) slots[role] = { ...slots[role]!, box: roomToGrow(role, slots, s.size) };
  return { slots, colors };
}

const GROWABLE: ReadonlySet<PlaceholderRole> = new Set(['content', 'content2', 'text', 'subTitle']);
const FOOTER_ROLES: readonly PlaceholderRole[] = ['date', 'footer', 'slideNumber'];
/** What a growing box keeps clear of the slide's bottom edge with no footer beneath it: PowerPoint's usual margin. */
const EDGE_MARGIN = 0.05;

/**
 * The box a placeholder that grows with its text (`spAutoFit`) may fill:
 * from its top down to the first footer placeholder beneath it, or to the
 * slide's bottom margin, never less than its own box. Measured as a fixed box,
 * a 2.2 in body would hold two bullets however much slide lies below it.
 */
export function roomToGrow(role: PlaceholderRole, slots: LayoutDef['slots'], size: { w: number; h: number }): Rect {
  const box = slots[role]!.box;
  let bottom = size.h * (1 - EDGE_MARGIN);
  for (const r of FOOTER_ROLES) {
    const f = slots[r]?.box;
    if (f && f.y >= box.y + box.h && f.x < box.x + box.w && f.x + f.w > box.x) bottom = Math.min(bottom, f.y);
  }
  // Nothing else of the layout may lie in the way: another text placeholder below stops it too.
  for (const [r, slot] of Object.entries(slots) as [
    PlaceholderRole,
    NonNullable<LayoutDef['slots'][PlaceholderRole]>,
  ][]) {
    if (r === role || FOOTER_ROLES.includes(r)) continue;
    const o = slot.box;
    if (o.y >= box.y + box.h && o.x < box.x + box.w && o.x + o.w > box.x) bottom = Math.min(bottom, o.y);
  }
  return { ...box, h: Math.max(box.h, bottom - box.y) };
}

/**
 * A "Comparison" layout's column headers: the body placeholders left over, each the nearest one right above a
 * content placeholder and about as wide.
 */
function putHeaders(
  bodies: readonly { ph: PlaceholderShape; box: Rect | undefined }[],
  slots: LayoutDef['slots'],
  put: (role: PlaceholderRole, ph: PlaceholderShape) => void,
): void {
  const used = new Set<Rect>();
  for (const [role, under] of [
    ['header', slots.content!.box],
    ['header2', slots.content2!.box],
  ] as const) {
    const above = bodies
      .filter(({ box }) => box && !used.has(box))
      .filter(({ box }) => box!.y + box!.h <= under.y + 4 && box!.y + box!.h >= under.y - under.h / 4)
      .filter(({ box }) => Math.min(box!.x + box!.w, under.x + under.w) - Math.max(box!.x, under.x) >= 0.5 * under.w)
      .sort((a, b) => b.box!.y - a.box!.y)[0];
    if (!above) return;
    used.add(above.box!);
    put(role, above.ph);
  }
}

/** Names people and tools give each kind of layout (PowerPoint's, LibreOffice's), lower case. */
const NAME_HINTS: Record<SlideLayout, RegExp> = {
  title: /^(title slide|title (and|&) subtitle|title, subtitle|cover( slide)?)$/,
  content: /^(title (and|&) content|title, content|title and body|title and text|title, text)$/,
  section: /^section (header|title)/,
  titleOnly: /^title only$/,
  twoContent: /^(two content|title, 2 content|two objects?)$/,
  comparison: /^comparison$/,
  quote: /quote/,
  picture: /^picture with caption$/,
  blank: /^blank( slide)?$/,
};
const TYPE_HINTS: Record<SlideLayout, readonly string[]> = {
  title: ['title'],
  content: ['obj', 'tx'],
  section: ['secHead'],
  titleOnly: ['titleOnly'],
  twoContent: ['twoObj', 'twoTxTwoObj'],
  comparison: ['twoTxTwoObj'],
  quote: ['obj'],
  picture: ['titleOnly'],
  blank: ['blank'],
};
/** The placeholders that hold a need's content, whose area is the room a layout gives it. */
const ROOM_ROLES: Partial<Record<SlideLayout, readonly PlaceholderRole[]>> = {
  content: ['content'],
  section: ['text'],
  twoContent: ['content', 'content2'],
  quote: ['content'],
};
/** A layout with less than this share of the roomiest suitable layout's body area is passed over. */
const CRAMPED = 0.6;

/** The area (pt²) of the placeholders that hold a need's content on a layout; 0 for needs without a body. */
export function bodyRoom(l: LayoutDef, need: SlideLayout): number {
  return (ROOM_ROLES[need] ?? []).reduce((a, r) => a + (l.slots[r] ? l.slots[r].box.w * l.slots[r].box.h : 0), 0);
}

/** Where a need goes when the template has no layout for it: the nearest kind, in order. */
export const NEAREST: Record<SlideLayout, readonly SlideLayout[]> = {
  title: ['title', 'content'],
  content: ['content'],
  section: ['section', 'content'],
  titleOnly: ['titleOnly', 'content'],
  twoContent: ['twoContent', 'content'],
  comparison: ['comparison', 'twoContent', 'content'],
  quote: ['content'],
  // Pictures are drawn on the slide, not in a picture placeholder: a title is all they need.
  picture: ['titleOnly', 'content'],
  blank: ['blank', 'titleOnly', 'content'],
};

/**
 * The layout each need goes on: among the layouts that hold what it needs,
 * those of the master the sidecar names, then the one whose type says so,
 * then whose name says so, then one the template's own sample slides use,
 * then the earliest (first master first).
 * A need no layout suits takes its nearest kind's layout (`NEAREST`);
 * `fallbacks` lists those, for the loader's warnings.
 */
export function chooseLayouts(
  layouts: readonly TemplateLayout[],
  sample: readonly string[],
  master?: number,
): { byNeed: Partial<Record<SlideLayout, number>>; fallbacks: { need: SlideLayout; used: SlideLayout }[] } {
  const score = (l: TemplateLayout, need: SlideLayout, i: number) =>
    (TYPE_HINTS[need].includes(l.type) ? 100 : 0) +
    (NAME_HINTS[need].test(l.name.trim().toLowerCase()) ? 50 : 0) +
    (sample.includes(`ppt/slideLayouts/${l.file}`) ? 30 : 0) +
    (master !== undefined && l.master === master ? 1000 : 0) -
    (need === 'content' && l.slots.content2 ? 40 : 0) +
    // A title slide's subtitle needs its placeholder: without one it goes in a text box (never dropped, but not
    // where the template means it to be).
    (need === 'title' && l.slots.subTitle ? 60 : 0) -
    l.master * 5 -
    i / 1000;
  const best = (need: SlideLayout): number | undefined => {
    let pick: number | undefined;
    let top = -Infinity;
    // The most body room any layout that suits offers (within the sidecar's master, when it names one).
    const most = Math.max(
      0,
      ...layouts
        .filter((l) => suits(l, need) && (master === undefined || l.master === master))
        .map((l) => bodyRoom(l, need)),
    );
    layouts.forEach((l, i) => {
      if (!suits(l, need)) return;
      // A layout whose body is much smaller than another's holds a bullet or a table row a slide: names and types
      // say what a layout is meant for, the room says whether content fits on it.
      const cramped = most > 0 && bodyRoom(l, need) < CRAMPED * most ? 300 : 0;
      const s = score(l, need, i) - cramped;
      if (s > top) [pick, top] = [i, s];
    });
    return pick;
  };
  const byNeed: Partial<Record<SlideLayout, number>> = {};
  const fallbacks: { need: SlideLayout; used: SlideLayout }[] = [];
  for (const need of Object.keys(NEAREST) as SlideLayout[]) {
    for (const kind of NEAREST[need]) {
      const i = best(kind);
      if (i === undefined) continue;
      byNeed[need] = i;
      if (kind !== NEAREST[need][0]) fallbacks.push({ need, used: kind });
      break;
    }
  }
  return { byNeed, fallbacks };
}
