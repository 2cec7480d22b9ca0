import type PptxGenJS from 'pptxgenjs';
import type { DeckInfo } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { BANNER_H, CONTENT_W, FOOTER_H, FOOTER_Y, MARGIN_X, SLIDE, TITLE_Y } from '../plan/geometry.js';
import { escapeXml, inch, xmlSafe } from './units.js';

export const LAYOUT = { title: 'Briefdeck Title', content: 'Briefdeck Content' } as const;

/**
 * Two themed layouts. The title lives in a real title placeholder (what
 * PowerPoint's outline and screen readers read); the banner, footer, logo and
 * slide number are layout objects, so every slide carries them without
 * repeating them, and a briefer edits them in one place.
 */
export function defineLayouts(pptx: PptxGenJS, theme: Theme, info: DeckInfo): void {
  for (const [key, name] of Object.entries(LAYOUT)) {
    const isTitle = key === 'title';
    const objects: PptxGenJS.SlideMasterProps['objects'] = [
      ...banner(theme, info, 0),
      {
        placeholder: {
          options: { name: 'title', type: 'title', x: inch(MARGIN_X), y: inch(isTitle ? 150 : TITLE_Y), w: inch(CONTENT_W), h: inch(isTitle ? 180 : 80), fontFace: theme.fonts.heading, color: theme.colors.title, bold: true, valign: 'top' },
          text: '',
        },
      },
      // An accent mark that can never collide with a wrapped title: above it on the title slide, beside it elsewhere.
      isTitle
        ? { rect: { x: inch(MARGIN_X + 7.2), y: inch(136), w: inch(120), h: inch(4), fill: { color: theme.colors.accent }, line: { color: theme.colors.accent, width: 0 } } }
        : { rect: { x: inch(MARGIN_X - 16), y: inch(TITLE_Y + 6), w: inch(5), h: inch(32), fill: { color: theme.colors.accent }, line: { color: theme.colors.accent, width: 0 } } },
    ];
    if (!isTitle && theme.footer.show && info.footer) {
      objects.push({ text: { text: xmlSafe(info.footer), options: { x: inch(MARGIN_X), y: inch(FOOTER_Y), w: inch(CONTENT_W * 0.4), h: inch(FOOTER_H), fontFace: theme.fonts.body, fontSize: theme.sizes.footer, color: theme.colors.muted, valign: 'middle', margin: 0 } } });
    }
    if (info.classification) objects.push(...banner(theme, info, SLIDE.h - BANNER_H));
    if (theme.logo) {
      const h = isTitle ? 48 : 24;
      const w = (theme.logo.width / theme.logo.height) * h;
      objects.push({ image: { data: `image/png;base64,${Buffer.from(theme.logo.data).toString('base64')}`, x: inch(SLIDE.w - MARGIN_X - w), y: inch(isTitle ? 40 : FOOTER_Y - 1), w: inch(w), h: inch(h), altText: 'Logo' } });
    }
    pptx.defineSlideMaster({
      // pptxgenjs writes the layout name into an attribute unescaped.
      title: escapeXml(name),
      background: { color: theme.colors.background },
      margin: 0,
      objects,
      slideNumber: isTitle ? undefined : { x: inch(SLIDE.w - MARGIN_X - 60 - (theme.logo ? 40 : 0)), y: inch(FOOTER_Y), w: inch(60), h: inch(FOOTER_H), fontFace: theme.fonts.body, fontSize: theme.sizes.footer, color: theme.colors.muted, align: 'right' } as PptxGenJS.SlideNumberProps,
    });
  }
}

/** The classification banner, top and bottom, as classified briefings mark it. */
function banner(theme: Theme, info: DeckInfo, y: number): NonNullable<PptxGenJS.SlideMasterProps['objects']> {
  if (!info.classification) return [];
  return [
    { rect: { x: 0, y: inch(y), w: inch(SLIDE.w), h: inch(BANNER_H), fill: { color: theme.colors.bannerBackground }, line: { color: theme.colors.bannerBackground, width: 0 } } },
    { text: { text: xmlSafe(info.classification), options: { x: 0, y: inch(y), w: inch(SLIDE.w), h: inch(BANNER_H), fontFace: theme.fonts.body, fontSize: theme.sizes.footer, bold: true, color: theme.colors.bannerText, align: 'center', valign: 'middle', margin: 0 } } },
  ];
}
