/**
 * pandoc's reference.pptx (10 × 5.63 in, saved by PowerPoint) with one
 * feature of a real template edited in, each reproducing what put text on a
 * template's graphics or off its slide in Apache POI's corpus. Made in test
 * setup from the cached fixture; nothing is committed. Like
 * defect-templates.ts, edits are checked text replacements (a fixture
 * recipe, not product code).
 */
import { type Edit, replace, writeEditedTemplates } from './defect-templates.js';

const EMU = 914400;
const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const PRESENTATION = 'ppt/presentation.xml';

/** Inches. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const xfrm = (b: Box) =>
  `<a:xfrm><a:off x="${Math.round(b.x * EMU)}" y="${Math.round(b.y * EMU)}"/><a:ext cx="${Math.round(b.w * EMU)}" cy="${Math.round(b.h * EMU)}"/></a:xfrm>`;

let nextId = 90;
/** A shape drawn on the master (not a placeholder): a filled box, with words when `words` is given. */
function shape(name: string, b: Box, fill: string, words?: { text: string; size: number; grows?: boolean }): string {
  const body = words
    ? `<p:txBody><a:bodyPr wrap="square">${words.grows ? '<a:spAutoFit/>' : ''}</a:bodyPr><a:lstStyle/><a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="en-US" sz="${words.size * 100}" b="1"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:rPr><a:t>${words.text}</a:t></a:r></a:p></p:txBody>`
    : '';
  return `<p:sp><p:nvSpPr><p:cNvPr id="${nextId++}" name="${name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>${xfrm(b)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="${fill}"/></a:solidFill></p:spPr>${body}</p:sp>`;
}

const onMaster = (...shapes: string[]): Edit => replace(/<\/p:spTree>/, `${shapes.join('')}</p:spTree>`);

/** keyframes.pptx: a bar of words across the top (over the title), and a column of menu buttons over the body. */
export const WORDS_BAR: Box = { x: 0, y: 0, w: 10, h: 1.1 };
export const MENU: Box[] = ['Menu', 'Home', 'Profile', 'Quiz', 'Video'].map((_, i) => ({
  x: 0.1,
  y: 1.45 + i * 0.65,
  w: 1.3,
  h: 0.5,
}));
/** The coloured bar just above the footers (a banner moves them onto it) and a logo in the bottom right corner. */
export const FOOTER_BAR: Box = { x: 0, y: 4.97, w: 10, h: 0.22 };
export const CORNER_LOGO: Box = { x: 9.55, y: 5.25, w: 0.4, h: 0.35 };

export const OBSTACLE_TEMPLATES = {
  'words-on-master': {
    [MASTER]: onMaster(
      shape('Course bar', WORDS_BAR, '1F3864', { text: 'GROWTH AND DEVELOPMENT OF PLANTS', size: 32, grows: true }),
      ...['Menu', 'Home', 'Profile', 'Quiz', 'Video'].map((t, i) =>
        shape(`Button ${i}`, MENU[i], '2E75B6', { text: t, size: 14 }),
      ),
    ),
  },
  /** sample.pptx: the default text style (what a plain text box shows) says Arial, the body Calibri. */
  'arial-text-boxes': {
    [PRESENTATION]: replace(
      /(<p:defaultTextStyle>[\s\S]*?<a:lvl1pPr[\s\S]*?)<a:latin typeface="\+mn-lt"\/>/,
      '$1<a:latin typeface="Arial"/>',
    ),
  },
  'banner-bar': {
    [MASTER]: onMaster(shape('Footer bar', FOOTER_BAR, 'C00000'), shape('Corner logo', CORNER_LOGO, '00B050')),
  },
  /** The SmartArt samples: a 1.97 × 1.18 in (5 × 3 cm) slide. */
  'tiny-slide': {
    [PRESENTATION]: replace(/<p:sldSz cx="\d+" cy="\d+"[^/]*\/>/, '<p:sldSz cx="1800225" cy="1079500"/>'),
  },
} satisfies Record<string, Record<string, Edit>>;
export type ObstacleTemplate = keyof typeof OBSTACLE_TEMPLATES;

/** Write `<name>.pptx` for each fixture into `themesDir`. */
export async function writeObstacleTemplates(themesDir: string): Promise<void> {
  await writeEditedTemplates(themesDir, OBSTACLE_TEMPLATES);
}
