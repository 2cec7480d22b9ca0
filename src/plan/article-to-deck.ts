import type { Article } from '../model/article.js';
import type { ImageAssets } from '../model/assets.js';
import type { Diagnostic, Position } from '../model/diagnostic.js';
import type { Deck, DeckInfo, Paragraph, Slide } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import type { PlanContext } from './context.js';
import { BODY_BOTTOM, BODY_TOP, CONTENT_W, GAP, MARGIN_X, SLIDE } from './geometry.js';
import type { Measurer } from './measurer.js';
import { paginateParagraphs } from './paginate-paragraphs.js';
import { sectionToSlides } from './section-to-slides.js';
import { bodyStyle, fitTitle, frame, framedHeight, headingStyle, plain } from './text-fit.js';

export interface PlanInput {
  article: Article;
  theme: Theme;
  measurer: Measurer;
  images: ImageAssets;
  /** ISO timestamp for the file's metadata (from `date` or SOURCE_DATE_EPOCH). */
  timestamp: string;
}

/** Article → slide model: title, agenda, each section's slides, closing. Pure. */
export function articleToDeck({ article, theme, measurer, images, timestamp }: PlanInput): { deck: Deck; diagnostics: Diagnostic[] } {
  const ctx: PlanContext = { theme, m: measurer, images, diagnostics: [] };
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
  };
  const at: Position = { file: article.metaFile, line: 1, column: 1 };
  const sections = article.sections.filter((s) => s.frontMatter.skip !== true);
  const slides: Slide[] = [
    titleSlide(info, ctx, at),
    ...agendaSlides(sections.map((s) => s.title), ctx, at),
    ...sections.flatMap((s) => sectionToSlides(s, ctx)),
    closingSlide(info, ctx, at),
  ];
  return { deck: { info, slides }, diagnostics: ctx.diagnostics };
}

function titleSlide(info: DeckInfo, ctx: PlanContext, at: Position): Slide {
  const { theme, m } = ctx;
  const size = Math.round(theme.sizes.title * 1.25);
  const tp = plain([{ text: info.title, bold: true }]);
  let titleSize = size;
  while (titleSize > theme.sizes.titleMin && framedHeight([tp], CONTENT_W, headingStyle(theme, titleSize), m) > 180) titleSize -= 2;
  const titleH = framedHeight([tp], CONTENT_W, headingStyle(theme, titleSize), m);
  const titleBox = { x: MARGIN_X, y: 150 + Math.max(0, 180 - titleH) / 2, w: CONTENT_W, h: titleH };
  let y = titleBox.y + titleH + GAP;
  const sub = info.subtitle ? [plain([{ text: info.subtitle }])] : [];
  const subH = framedHeight(sub, CONTENT_W, bodyStyle(theme, theme.sizes.subtitle), m);
  const subtitle = sub.length > 0 ? frame(sub, { x: MARGIN_X, y, w: CONTENT_W, h: subH }, theme.sizes.subtitle, { color: 'muted' }) : undefined;
  y += subH + GAP * 2;
  const lines = [info.author, info.organization, info.date].filter((x): x is string => !!x).map((t) => plain([{ text: t }]));
  const detailSize = theme.sizes.bodyMin;
  const detailsH = framedHeight(lines, CONTENT_W, bodyStyle(theme, detailSize), m);
  return {
    kind: 'title',
    title: info.title,
    titleSize,
    titleBox,
    notes: '',
    source: at,
    subtitle,
    details: frame(lines, { x: MARGIN_X, y: Math.min(y, BODY_BOTTOM - detailsH), w: CONTENT_W, h: detailsH }, detailSize),
  };
}

function agendaSlides(titles: string[], ctx: PlanContext, at: Position): Slide[] {
  const { theme, m } = ctx;
  const head = fitTitle('Agenda (cont.)', theme, m);
  const top = Math.max(BODY_TOP, head.box.y + head.box.h + GAP);
  const h = BODY_BOTTOM - top;
  const groups: Paragraph[][] = titles.map((t, i) => [{ runs: [{ text: t }], level: 0, bullet: 'number', number: i + 1 }]);
  const r = paginateParagraphs({ groups, firstHeight: h, nextHeight: h, boxW: CONTENT_W, style: (s) => bodyStyle(theme, s), size: theme.sizes.body, minSize: theme.sizes.bodyMin, m });
  return r.pages.map((page, k) => {
    const title = k === 0 ? 'Agenda' : 'Agenda (cont.)';
    const fit = fitTitle(title, theme, m);
    const bh = framedHeight(page.paragraphs, CONTENT_W, bodyStyle(theme, page.size), m);
    return {
      kind: 'agenda' as const,
      title,
      titleSize: fit.size,
      titleBox: fit.box,
      notes: '',
      source: at,
      body: frame(page.paragraphs, { x: MARGIN_X, y: top, w: CONTENT_W, h: Math.min(h, Math.ceil(bh)) }, page.size),
      continuation: k > 0 ? { reason: 'agenda did not fit on one slide' } : undefined,
    };
  });
}

function closingSlide(info: DeckInfo, ctx: PlanContext, at: Position): Slide {
  const { theme, m } = ctx;
  const title = 'Questions and discussion';
  const lines = [info.title, info.organization, info.date].filter((x): x is string => !!x).map((t) => plain([{ text: t }]));
  const size = theme.sizes.body;
  const h = framedHeight(lines, CONTENT_W, bodyStyle(theme, size), m);
  const fit = fitTitle(title, theme, m);
  return {
    kind: 'closing',
    title,
    titleSize: fit.size,
    titleBox: fit.box,
    notes: '',
    source: at,
    body: frame(lines, { x: MARGIN_X, y: Math.min(SLIDE.h / 2, BODY_BOTTOM - h), w: CONTENT_W, h }, size, { color: 'muted', align: 'center' }),
  };
}
