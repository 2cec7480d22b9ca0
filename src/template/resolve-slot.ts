import type { PlaceholderSlot, TextStyle } from '../model/layout-set.js';
import type { LevelStyle, PlaceholderRole, Rect } from '../model/text-frame.js';
import { LINE_PITCH_EM } from '../measure/measure-frame.js';
import { PLACEHOLDERS } from '../model/placeholders.js';
import type { MasterInfo, PlaceholderShape } from './read-masters.js';
import { fillColor } from './scheme.js';
import { listStyle, num, promptLevels, type LevelProps, type Spacing } from './text-props.js';
import { attr, child, NS, path, type Element } from './xml.js';

const EMU = 12700;
/** Levels briefdeck plans (its Markdown nests at most this deep; deeper paragraphs use the last). */
const LEVELS = 5;
/** What PowerPoint draws when nothing says otherwise: 18 pt, the DrawingML default insets, top anchored. */
const DEFAULT_SIZE = 18;
const DEFAULT_INSETS = { left: 91440 / EMU, right: 91440 / EMU, top: 45720 / EMU, bottom: 45720 / EMU };

/**
 * The master placeholder a layout placeholder inherits from: by type, a centred title from the title and every body
 * kind from the body.
 */
function masterOf(master: MasterInfo, type: string): PlaceholderShape | undefined {
  const want = type === 'ctrTitle' ? 'title' : ['dt', 'ftr', 'sldNum', 'hdr', 'title'].includes(type) ? type : 'body';
  return master.placeholders.find((p) => p.type === want);
}

/** The master text style a placeholder type starts from. */
function txStyleOf(master: MasterInfo, type: string): Element | undefined {
  const styles = child(master.xml, NS.p, 'txStyles');
  if (type === 'title' || type === 'ctrTitle') return child(styles, NS.p, 'titleStyle');
  if (['dt', 'ftr', 'sldNum', 'hdr'].includes(type)) return child(styles, NS.p, 'otherStyle');
  return child(styles, NS.p, 'bodyStyle');
}

function boxOf(sp: Element | undefined): Rect | undefined {
  const xfrm = path(sp, [
    [NS.p, 'spPr'],
    [NS.a, 'xfrm'],
  ]);
  const off = child(xfrm, NS.a, 'off');
  const ext = child(xfrm, NS.a, 'ext');
  if (!off || !ext) return undefined;
  const n = (el: Element, k: string) => num(attr(el, k) ?? '0', EMU);
  const [x, y, w, h] = [n(off, 'x'), n(off, 'y'), n(ext, 'cx'), n(ext, 'cy')];
  // An unreadable or empty box is as if the shape had none (it then inherits, or is not a slot).
  if (x === undefined || y === undefined || w === undefined || h === undefined || w <= 0 || h <= 0) return undefined;
  return { x, y, w, h };
}

/** `<p:ph>` as the layout writes it, for the slide to write the same (without the layout-only `hasCustomPrompt`). */
function phXml(ph: Element): string {
  const a = ['type', 'orient', 'sz', 'idx'].flatMap((k) => (ph.hasAttribute(k) ? [` ${k}="${attr(ph, k)}"`] : []));
  return `<p:ph${a.join('')}/>`;
}

/** Line spacing as a multiple of single spacing; a zero or missing spacing is single. */
const lineSpacingOf = (s: Spacing | undefined, size: number): number => {
  const m = !s ? 1 : 'pct' in s ? s.pct : s.pts / (LINE_PITCH_EM * size);
  return m > 0 ? m : 1;
};

/** A bullet size other than 100%, in the bounds DrawingML allows (25–400%). */
const sized = (pct: number | undefined) =>
  pct === undefined || pct === 1 ? {} : { bulletSize: Math.min(4, Math.max(0.25, pct)) };

const toPt = (s: Spacing | undefined, size: number): number | undefined =>
  !s ? undefined : 'pts' in s ? s.pts : s.pct * LINE_PITCH_EM * size;

/** A placeholder's box: its own, else its master placeholder's; undefined when neither has a usable one. */
export function slotBox(ph: PlaceholderShape, master: MasterInfo): Rect | undefined {
  return boxOf(ph.sp) ?? boxOf(masterOf(master, ph.type)?.sp);
}

export interface ResolvedSlot {
  slot: PlaceholderSlot;
  /** The first level's text colour, as hex. */
  color?: string;
  /** The placeholder grows with its text (`spAutoFit`): its box is where it starts, not all the room it has. */
  grows?: boolean;
}

/** Roles that hold a deck's body text: they shrink on a later edit (normAutofit), as PowerPoint's own layouts do. */
const BODY_ROLES: ReadonlySet<PlaceholderRole> = new Set(['content', 'content2', 'text', 'subTitle']);

/**
 * One layout placeholder as PowerPoint resolves it: geometry from the layout
 * or else the master placeholder; insets, anchor and autofit from the first
 * body properties that say them; each level's size, margins, spacing, bullet,
 * weight, face and colour from the layout's list style, the master
 * placeholder's, the master's text styles and the presentation's default
 * text style, in that order. What that chain leaves open comes from the
 * placeholders' own prompt text (LibreOffice writes a template's styles
 * there), then from PowerPoint's defaults. `inheritedFace` is what the chain
 * alone gives (what a slide shows without direct formatting).
 */
export function resolveSlot(
  ph: PlaceholderShape,
  role: PlaceholderRole,
  master: MasterInfo,
  defaults: Element | undefined,
): ResolvedSlot | undefined {
  const from = masterOf(master, ph.type);
  const box = slotBox(ph, master);
  if (!box) return undefined;
  const colorOf = (fill: Element) => fillColor(fill, master.scheme, master.clrMap);
  const bodies = [
    path(ph.sp, [
      [NS.p, 'txBody'],
      [NS.a, 'bodyPr'],
    ]),
    path(from?.sp, [
      [NS.p, 'txBody'],
      [NS.a, 'bodyPr'],
    ]),
  ].filter((b): b is Element => !!b);
  const bodyAttr = (k: string) => bodies.map((b) => attr(b, k)).find((v) => v !== undefined);
  const inset = (k: string, d: number) => Math.max(0, num(bodyAttr(k), EMU) ?? d);
  const said = bodies
    .map((b) =>
      child(b, NS.a, 'normAutofit')
        ? 'shrink'
        : child(b, NS.a, 'spAutoFit')
          ? 'grow'
          : child(b, NS.a, 'noAutofit')
            ? 'none'
            : undefined,
    )
    .find((v) => v !== undefined);
  // Bodies the deck fills shrink on a later edit whatever the master says; other text keeps its setting.
  const fit = BODY_ROLES.has(role) ? 'shrink' : said === 'shrink' ? 'shrink' : 'none';
  const anchor = ({ ctr: 'middle', b: 'bottom' } as const)[bodyAttr('anchor') as 'ctr' | 'b'] ?? 'top';

  const chain = [
    path(ph.sp, [
      [NS.p, 'txBody'],
      [NS.a, 'lstStyle'],
    ]),
    path(from?.sp, [
      [NS.p, 'txBody'],
      [NS.a, 'lstStyle'],
    ]),
    txStyleOf(master, ph.type),
    defaults,
  ].map((el) => listStyle(el, colorOf));
  const prompts = [
    promptLevels(child(ph.sp, NS.p, 'txBody'), colorOf),
    promptLevels(child(from?.sp, NS.p, 'txBody'), colorOf),
  ];
  const explicit = <K extends keyof LevelProps>(l: number, k: K): LevelProps[K] =>
    chain.map((c) => c[l][k]).find((v) => v !== undefined);
  const get = <K extends keyof LevelProps>(l: number, k: K): LevelProps[K] =>
    explicit(l, k) ?? prompts.map((c) => c[l][k]).find((v) => v !== undefined);
  const face = (typeface: string | undefined) =>
    typeface === '+mj-lt'
      ? master.majorFont
      : typeface === '+mn-lt' || typeface === undefined
        ? master.minorFont
        : typeface;
  const bulleted = role === 'content' || role === 'content2';

  const levels = Array.from({ length: LEVELS }, (_, l): LevelStyle => {
    const size = get(l, 'size') ?? DEFAULT_SIZE;
    const bullet = get(l, 'bullet');
    let marL = get(l, 'marL') ?? 0;
    let indent = get(l, 'indent') ?? 0;
    // A body level with no room to hang its bullet (a bare template): give it PowerPoint's usual hang.
    if (bulleted && indent > -size / 2) {
      indent = -Math.round(size * 0.75);
      marL = Math.max(marL, -indent * (l + 1));
    }
    const lnSpc = get(l, 'lnSpc');
    return {
      size,
      marL,
      indent,
      lineSpacing: lineSpacingOf(lnSpc, size),
      spaceBefore: toPt(get(l, 'spcBef'), size) ?? 0,
      spaceAfter: toPt(get(l, 'spcAft'), size) ?? 0,
      bulletChar: typeof bullet === 'object' ? bullet.char : '•',
      ...(typeof bullet === 'object' && bullet.font ? { bulletFont: bullet.font } : {}),
      ...sized(get(l, 'bulletSize')),
      // Capitals and letter spacing are inherited by the slide's text (not written on it), so they are measured.
      ...(explicit(l, 'caps') ? { caps: true } : {}),
      ...(explicit(l, 'letterSpacing') ? { letterSpacing: explicit(l, 'letterSpacing') } : {}),
    };
  });
  const algn = get(0, 'algn');
  const style: TextStyle = {
    insets: {
      left: inset('lIns', DEFAULT_INSETS.left),
      right: inset('rIns', DEFAULT_INSETS.right),
      top: inset('tIns', DEFAULT_INSETS.top),
      bottom: inset('bIns', DEFAULT_INSETS.bottom),
    },
    anchor,
    autofit: fit,
    align: algn === 'ctr' ? 'center' : algn === 'r' ? 'right' : 'left',
    face: face(get(0, 'latin')),
    inheritedFace: face(explicit(0, 'latin')),
    monoFace: 'Courier New',
    ...(get(0, 'bold') ? { bold: true } : {}),
    ...(explicit(0, 'italic') ? { italic: true } : {}),
    levels,
  };
  const phEl = path(ph.sp, [
    [NS.p, 'nvSpPr'],
    [NS.p, 'nvPr'],
    [NS.p, 'ph'],
  ])!;
  const color = get(0, 'color');
  return {
    slot: { ...style, ...(color ? { color } : {}), box, ph: phXml(phEl), name: PLACEHOLDERS[role].name },
    color,
    ...(said === 'grow' ? { grows: true } : {}),
  };
}
