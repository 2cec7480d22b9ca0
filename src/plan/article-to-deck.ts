import type { Article } from '../model/article.js';
import type { ImageAssets } from '../model/assets.js';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import type { Deck, DeckInfo, Slide } from '../model/deck.js';
import type { Paragraph } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import type { FontSet } from '../measure/fonts.js';
import { centredIn } from './centred-frame.js';
import { deckDateText } from './deck-date.js';
import { BANNER_H, GAP } from '../model/geometry.js';
import { layoutsOf } from '../theme/layouts-of.js';
import { deckAccessibility } from './accessibility.js';
import { planChrome } from './chrome.js';
import type { PlanContext } from './context.js';
import { fitHeight, heightOf, plain, slotFrame, textFrame } from './frames.js';
import { paginateParagraphs } from './paginate-paragraphs.js';
import { bodyRegion, floorBelow, insideSafe, textBottom } from './regions.js';
import { clearOf } from './clear-of.js';
import { incrementalOf, withBuilds } from './builds.js';
import { sectionWithNotes } from './footnotes.js';
import { sourceEntries, sourcesSlides } from './sources-slides.js';
import { type NumberedNote, withNumberedNotes } from './number-notes.js';
import { continuedTitle, fitTitle } from './titles.js';
import { MAX_DECK_SLIDES } from './slide-limit.js';

export interface PlanInput {
  article: Article;
  theme: Theme;
  fonts: FontSet;
  images: ImageAssets;
  /** ISO timestamp for the file's metadata (from `date` or SOURCE_DATE_EPOCH). */
  timestamp: string;
}

/** Article → slide model: title, agenda, each section's slides, closing. Pure. */
export function articleToDeck({ article: written, theme, fonts, images, timestamp }: PlanInput): {
  deck: Deck;
  diagnostics: Diagnostic[];
} {
  const { article, notes } = withNumberedNotes(written);
  const meta = article.meta;
  const layouts = layoutsOf(theme);
  const safe = meta.classification
    ? { top: BANNER_H, bottom: layouts.size.h - BANNER_H }
    : { top: 0, bottom: layouts.size.h };
  const ctx: PlanContext = { theme, layouts, fonts, images, safe, diagnostics: [] };
  const language = meta.language ?? 'en-US';
  const dateText = meta.date && deckDateText(meta.date, language);
  const info: DeckInfo = {
    slug: article.slug,
    title: meta.title,
    subtitle: meta.subtitle,
    author: meta.author,
    organization: meta.organization,
    date: meta.date,
    ...(dateText ? { dateText } : {}),
    classification: meta.classification,
    timestamp,
    footer: [meta.organization, dateText].filter(Boolean).join(' · '),
    language,
  };
  const at: Position = { file: article.metaFile, line: 1, column: 1 };
  const sections = article.sections.filter((s) => s.frontMatter.skip !== true);
  const sent: NumberedNote[] = [];
  const body: Slide[] = [];
  for (const s of sections) {
    // A section that passes the limit has said so at its block; the sections after it are not planned.
    if (body.length > MAX_DECK_SLIDES) break;
    const r = sectionWithNotes(s, { ...ctx, slidesLeft: MAX_DECK_SLIDES - body.length }, notes);
    sent.push(...r.sent);
    for (const slide of withBuilds(r.slides, incrementalOf(s, meta))) body.push(slide);
  }
  const before: Slide[] = [
    titleSlide(info, ctx, at),
    ...agendaSlides(
      sections.map((s) => s.title),
      ctx,
      at,
    ),
    ...body,
  ];
  const slides: Slide[] = [...before, ...sourcesOf(article, sent, before, ctx), closingSlide(info, ctx, at)];
  const chrome = planChrome(info, slides.length, ctx, at);
  return {
    deck: { info, size: { ...layouts.size }, chrome, slides },
    diagnostics: [...ctx.diagnostics, ...deckAccessibility(slides)],
  };
}

/** The Sources slides, unless deck.yaml says `sources: false` (then notes too long for their slide are notes only). */
function sourcesOf(article: Article, sent: NumberedNote[], before: Slide[], ctx: PlanContext): Slide[] {
  const at = article.metaPositions.sources ?? { file: article.metaFile, line: 1, column: 1 };
  if (article.meta.sources === false) {
    for (const n of sent)
      ctx.diagnostics.push(
        diagnostic(
          'warning',
          'footnote-in-notes-only',
          n.position,
          `Footnote ${n.number} does not fit at the foot of its slide and \`sources: false\` leaves no Sources ` +
            'slide: it is only in the speaker notes',
          'shorten the note, or turn the Sources slides back on',
        ),
      );
    return [];
  }
  return sourcesSlides(sourceEntries(article.references ?? [], sent, before), ctx, at);
}

/**
 * The title slide on its layout: the deck title in the centred title
 * placeholder (shrinking until it fits the placeholder), the subtitle in the
 * subtitle placeholder, and author, organisation and date below it, in a text
 * box where there is room and as further subtitle paragraphs where there is not.
 */
function titleSlide(info: DeckInfo, ctx: PlanContext, at: Position): Slide {
  const { theme, layouts } = ctx;
  const layout = layouts.layouts[layouts.byNeed.title];
  const role = layout.slots.ctrTitle ? 'ctrTitle' : 'title';
  const area = clearOf(insideSafe(layout.slots[role]!.box, ctx), layout.obstacles, {
    keepHeight: true,
    floor: ctx.safe.bottom,
  });
  const heading = (size: number) =>
    slotFrame(theme, layout, role, [plain([{ text: info.title }])], area, { size, color: 'title' });
  let titleSize = layout.slots[role]!.levels[0].size;
  while (titleSize > theme.sizes.titleMin && heightOf(ctx, heading(titleSize)) > area.h) titleSize -= 2;
  const t = heading(titleSize);
  const titleFrame = { ...t, box: { ...area, h: Math.max(area.h, heightOf(ctx, t)) } };
  const sub = layout.slots.subTitle;
  // Without a subtitle placeholder the subtitle leads the details, in a measured text box: text is never dropped.
  const lines = [sub ? undefined : info.subtitle, info.author, info.organization, info.dateText]
    .filter((x): x is string => !!x)
    .map((t) => plain([{ text: t }]));
  if (!sub && info.subtitle)
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        'no-subtitle-placeholder',
        at,
        `Unexpected title layout \`${layout.name}\` without a subtitle placeholder: the subtitle is set in a text box below the title`,
        'add a subtitle placeholder to the template’s title layout (in PowerPoint: View › Slide Master)',
      ),
    );
  // The details may reach as low as body text on a content slide.
  const floor = bodyRegion(ctx, layouts.layouts[layouts.byNeed.content], 'content', undefined);
  const bottom = floor.y + floor.h;
  let subtitle =
    sub && info.subtitle ? subtitleFrame(ctx, layout, [plain([{ text: info.subtitle }])], titleFrame) : undefined;
  const below = Math.max(titleFrame.box.y + titleFrame.box.h, subtitle ? subtitle.box.y + subtitle.box.h : 0) + GAP;
  let details = fitHeight(
    ctx,
    textFrame(
      theme,
      lines,
      { x: (subtitle ?? titleFrame).box.x, y: below, w: (subtitle ?? titleFrame).box.w, h: Infinity },
      { size: theme.sizes.bodyMin },
    ),
  );
  if (details.box.y + details.box.h > bottom && sub) {
    // No room below: the details join the subtitle placeholder, which shrinks to hold both.
    subtitle = subtitleFrame(
      ctx,
      layout,
      [...(info.subtitle ? [plain([{ text: info.subtitle }])] : []), ...lines],
      titleFrame,
    );
    details = { ...details, paragraphs: [] };
  }
  details.box.y = Math.min(details.box.y, bottom - details.box.h);
  return {
    kind: 'title',
    layout: 'title',
    layoutFile: layout.file,
    title: info.title,
    baseTitle: info.title,
    titleFrame,
    notes: '',
    source: at,
    subtitle,
    details,
  };
}

/**
 * The subtitle placeholder's text at its size, shrinking to the body minimum to fit the placeholder, never above the
 * title's text.
 */
/** The smallest a title slide's subtitle shrinks to when it would otherwise leave the slide. */
const SUBTITLE_FLOOR = 10;

function subtitleFrame(
  ctx: PlanContext,
  layout: Parameters<typeof slotFrame>[1],
  paragraphs: Paragraph[],
  title: Slide['titleFrame'],
): NonNullable<Extract<Slide, { kind: 'title' }>['subtitle']> {
  const slot = layout.slots.subTitle!;
  const placed = insideSafe(slot.box, ctx);
  // A title that wrapped past its placeholder pushes the subtitle down.
  const top = Math.max(placed.y, textBottom(ctx, title) + GAP / 2);
  const box = { ...placed, y: top, h: Math.max(0, placed.h - (top - placed.y)) };
  const at = (size: number) => slotFrame(ctx.theme, layout, 'subTitle', paragraphs, box, { size, color: 'muted' });
  // It may grow past its placeholder, but only within the slide, above the banner and the footers.
  const room = floorBelow(ctx, layout, box) - box.y;
  let size = slot.levels[0].size;
  while (size > ctx.theme.sizes.bodyMin && heightOf(ctx, at(size)) > box.h) size--;
  // Still taller than the room it may grow into: smaller again, down to the smallest chrome size.
  while (size > SUBTITLE_FLOOR && heightOf(ctx, at(size)) > room) size--;
  const f = at(size);
  return { ...f, box: { ...box, h: Math.min(Math.max(room, box.h), Math.max(box.h, heightOf(ctx, f))) } };
}

function agendaSlides(titles: string[], ctx: PlanContext, at: Position): Slide[] {
  const { theme, layouts } = ctx;
  const layout = layouts.layouts[layouts.byNeed.content];
  const region = bodyRegion(ctx, layout, 'content', fitTitle('Agenda (cont.)', ctx, layout));
  const groups: Paragraph[][] = titles.map((t, i) => [
    { runs: [{ text: t }], level: 0, bullet: 'number', number: i + 1 },
  ]);
  const frame = (ps: Paragraph[], box: typeof region, size: number) =>
    slotFrame(theme, layout, 'content', ps, box, { size });
  const r = paginateParagraphs(
    {
      groups,
      first: region,
      next: region,
      frame,
      size: layout.slots.content!.levels[0].size,
      minSize: theme.sizes.bodyMin,
    },
    ctx,
  );
  return r.pages.map((page, k) => {
    const title = continuedTitle('Agenda', k, r.pages.length, 'cont');
    return {
      kind: 'agenda' as const,
      layout: 'content' as const,
      layoutFile: layout.file,
      baseTitle: 'Agenda',
      title,
      titleFrame: fitTitle(title, ctx, layout),
      notes: '',
      source: at,
      body: frame(page.paragraphs, region, page.size),
      continuation: k > 0 ? { reason: 'agenda did not fit on one slide' } : undefined,
    };
  });
}

/**
 * The closing slide: it hands the room back. Under "Questions and discussion", the deck's title in bold, who prepared
 * it and when, centred in the body, so the last slide on screen while people ask still says what was presented and by
 * whom.
 */
function closingSlide(info: DeckInfo, ctx: PlanContext, at: Position): Slide {
  const { theme, layouts } = ctx;
  const layout = layouts.layouts[layouts.byNeed.content];
  const title = 'Questions and discussion';
  const titleFrame = fitTitle(title, ctx, layout);
  const region = bodyRegion(ctx, layout, 'content', titleFrame);
  const by = [info.author, info.organization].filter(Boolean).join(' · ');
  const lines = [
    plain([{ text: info.title, bold: true }]),
    ...(by ? [plain([{ text: by }])] : []),
    ...(info.dateText ? [plain([{ text: info.dateText }])] : []),
  ];
  const frameAt = (size: number) => slotFrame(theme, layout, 'content', lines, region, { size, align: 'center' });
  let size = layout.slots.content!.levels[0].size;
  while (size > theme.sizes.bodyMin && heightOf(ctx, frameAt(size)) > region.h) size--;
  const body = centredIn(ctx, frameAt(size), region);
  return {
    kind: 'closing',
    layout: 'content',
    layoutFile: layout.file,
    title,
    baseTitle: title,
    titleFrame,
    notes: '',
    source: at,
    body,
  };
}
