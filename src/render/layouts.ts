import type PptxGenJS from 'pptxgenjs';
import type { DeckChrome } from '../model/deck.js';
import type { Rect, TextFrame } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import { ACCENT_CONTENT, ACCENT_TITLE_SLIDE, logoBox, TITLE_BOX, TITLE_SLIDE_AREA } from '../theme/geometry.js';
import { colorOf, frameToString } from './frame-to-text.js';
import { escapeXml, place } from './units.js';

export const LAYOUT = { title: 'Briefdeck Title', content: 'Briefdeck Content' } as const;

/**
 * Two themed layouts. The title lives in a real title placeholder (what
 * PowerPoint's outline and screen readers read); the banner, footer, logo and
 * slide number are layout objects, so every slide carries them without
 * repeating them, and a briefer edits them in one place. Every box comes from
 * src/theme/geometry.ts, every text from the planned chrome frames.
 */
export function defineLayouts(pptx: PptxGenJS, theme: Theme, chrome: DeckChrome): void {
  for (const [key, name] of Object.entries(LAYOUT)) {
    const isTitle = key === 'title';
    const titleBox = isTitle ? TITLE_SLIDE_AREA : TITLE_BOX;
    const objects: PptxGenJS.SlideMasterProps['objects'] = [
      ...(chrome.banners[0] ? banner(theme, chrome.banners[0]) : []),
      {
        placeholder: {
          options: { name: 'title', type: 'title', ...place(titleBox), fontFace: theme.fonts.heading, color: theme.colors.title, bold: true, valign: 'top' },
          text: '',
        },
      },
      rect(isTitle ? ACCENT_TITLE_SLIDE : ACCENT_CONTENT, theme.colors.accent),
    ];
    if (!isTitle && chrome.footer) objects.push({ text: frameToString(chrome.footer, theme) });
    if (chrome.banners[1]) objects.push(...banner(theme, chrome.banners[1]));
    if (theme.logo) {
      objects.push({ image: { data: `image/png;base64,${Buffer.from(theme.logo.data).toString('base64')}`, ...place(logoBox(isTitle ? 'title' : 'content', theme.logo)), altText: 'Logo' } });
    }
    pptx.defineSlideMaster({
      // pptxgenjs writes the layout name into an attribute unescaped.
      title: escapeXml(name),
      background: { color: theme.colors.background },
      margin: 0,
      objects,
      slideNumber: isTitle ? undefined : slideNumber(chrome.slideNumber, theme),
    });
  }
}

/** The classification banner: a band in the banner colours with its measured text. */
function banner(theme: Theme, text: TextFrame): NonNullable<PptxGenJS.SlideMasterProps['objects']> {
  return [rect(text.box, theme.colors.bannerBackground), { text: frameToString(text, theme) }];
}

function rect(box: Rect, color: string): NonNullable<PptxGenJS.SlideMasterProps['objects']>[number] {
  return { rect: { ...place(box), fill: { color }, line: { color, width: 0 } } };
}

/** pptxgenjs draws the slide number itself (a `slidenum` field) from these props. */
function slideNumber(f: TextFrame, theme: Theme): PptxGenJS.SlideNumberProps {
  return { ...place(f.box), fontFace: f.face, fontSize: f.levels[0].size, color: colorOf(f.color, theme), align: f.align } as PptxGenJS.SlideNumberProps;
}
