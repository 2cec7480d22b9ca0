import type { Article } from '../model/article.js';
import type { ImageAssets } from '../model/assets.js';
import type { Diagnostic, Position } from '../model/diagnostic.js';
import type { Deck, DeckInfo, Slide } from '../model/deck.js';
import type { Paragraph } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import type { FontSet } from '../measure/fonts.js';
import { BODY_BOTTOM, BODY_TOP, CONTENT_W, GAP, MARGIN_X, SLIDE, TITLE_SLIDE_AREA } from '../theme/geometry.js';
import { planChrome } from './chrome.js';
import type { PlanContext } from './context.js';
import { continuedTitle, fitHeight, fitTitle, heightOf, plain, textFrame } from './frames.js';
import { paginateParagraphs } from './paginate-paragraphs.js';
import { sectionToSlides } from './section-to-slides.js';

export interface PlanInput {
  article: Article;
  theme: Theme;
  fonts: FontSet;
  images: ImageAssets;
  /** ISO timestamp for the file's metadata (from `date` or SOURCE_DATE_EPOCH). */
  timestamp: string;
}

/** Article → slide model: title, agenda, each section's slides, closing. Pure. */
export function articleToDeck({ article, theme, fonts, images, timestamp }: PlanInput): { deck: Deck; diagnostics: Diagnostic[] } {
  const ctx: PlanContext = { theme, fonts, images, diagnostics: [] };
  const meta = article.meta;
  const info: DeckInfo = {
    slug: article.slug,
    title: meta.title,
    subtitle: meta.subtitle,
    author: meta.author,
    organization: meta.organization,
    date: meta.date,
    classification: meta.classification,
    timestamp,
    footer: [meta.organization, meta.date].filter(Boolean).join(' · '),
    language: meta.language ?? 'en-US',
  };
  const at: Position = { file: article.metaFile, line: 1, column: 1 };
  const sections = article.sections.filter((s) => s.frontMatter.skip !== true);
  const slides: Slide[] = [
    titleSlide(info, ctx, at),
    ...agendaSlides(sections.map((s) => s.title), ctx, at),
    ...sections.flatMap((s) => sectionToSlides(s, ctx)),
    closingSlide(info, ctx, at),
  ];
  return { deck: { info, size: { ...SLIDE }, chrome: planChrome(info, slides.length, ctx, at), slides }, diagnostics: ctx.diagnostics };
}

function titleSlide(info: DeckInfo, ctx: PlanContext, at: Position): Slide {
  const { theme } = ctx;
  const area = TITLE_SLIDE_AREA;
  const heading = (size: number) => textFrame(theme, [plain([{ text: info.title, bold: true }])], { ...area, h: Infinity }, { size, heading: true, color: 'title', anchor: 'bottom', placeholder: 'ctrTitle' });
  let titleSize = Math.round(theme.sizes.title * 1.25);
  while (titleSize > theme.sizes.titleMin && heightOf(ctx, heading(titleSize)) > area.h) titleSize -= 2;
  const t = heading(titleSize);
  const titleH = heightOf(ctx, t);
  const titleFrame = { ...t, box: { x: area.x, y: area.y + Math.max(0, area.h - titleH) / 2, w: area.w, h: titleH } };
  let y = titleFrame.box.y + titleH + GAP;
  const sub = info.subtitle ? fitHeight(ctx, textFrame(theme, [plain([{ text: info.subtitle }])], { x: MARGIN_X, y, w: CONTENT_W, h: Infinity }, { size: theme.sizes.subtitle, color: 'muted', placeholder: 'subTitle' })) : undefined;
  y += (sub?.box.h ?? 0) + GAP * 2;
  const lines = [info.author, info.organization, info.date].filter((x): x is string => !!x).map((t) => plain([{ text: t }]));
  const details = fitHeight(ctx, textFrame(theme, lines, { x: MARGIN_X, y, w: CONTENT_W, h: Infinity }, { size: theme.sizes.bodyMin }));
  details.box.y = Math.min(y, BODY_BOTTOM - details.box.h);
  return { kind: 'title', layout: 'title', title: info.title, baseTitle: info.title, titleFrame, notes: '', source: at, subtitle: sub, details };
}

function agendaSlides(titles: string[], ctx: PlanContext, at: Position): Slide[] {
  const { theme } = ctx;
  const head = fitTitle('Agenda (cont.)', ctx);
  const top = Math.max(BODY_TOP, head.box.y + head.box.h + GAP);
  const region = { x: MARGIN_X, y: top, w: CONTENT_W, h: BODY_BOTTOM - top };
  const groups: Paragraph[][] = titles.map((t, i) => [{ runs: [{ text: t }], level: 0, bullet: 'number', number: i + 1 }]);
  const frame = (ps: Paragraph[], box: typeof region, size: number) => textFrame(theme, ps, box, { size, placeholder: 'content' });
  const r = paginateParagraphs({ groups, first: region, next: region, frame, size: theme.sizes.body, minSize: theme.sizes.bodyMin }, ctx);
  return r.pages.map((page, k) => {
    const title = continuedTitle('Agenda', k, r.pages.length, 'cont');
    return {
      kind: 'agenda' as const,
      layout: 'content' as const,
      baseTitle: 'Agenda',
      title,
      titleFrame: fitTitle(title, ctx),
      notes: '',
      source: at,
      body: frame(page.paragraphs, region, page.size),
      continuation: k > 0 ? { reason: 'agenda did not fit on one slide' } : undefined,
    };
  });
}

function closingSlide(info: DeckInfo, ctx: PlanContext, at: Position): Slide {
  const { theme } = ctx;
  const title = 'Questions and discussion';
  const lines = [info.title, info.organization, info.date].filter((x): x is string => !!x).map((t) => plain([{ text: t }]));
  const body = fitHeight(ctx, textFrame(theme, lines, { x: MARGIN_X, y: 0, w: CONTENT_W, h: Infinity }, { size: theme.sizes.body, color: 'muted', align: 'center', placeholder: 'content' }));
  body.box.y = Math.min(SLIDE.h / 2, BODY_BOTTOM - body.box.h);
  body.box.h = BODY_BOTTOM - body.box.y; // room below, for text a briefer adds
  return { kind: 'closing', layout: 'content', title, baseTitle: title, titleFrame: fitTitle(title, ctx), notes: '', source: at, body };
}
