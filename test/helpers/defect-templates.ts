/**
 * pandoc's reference.pptx (saved by PowerPoint; 10 × 5.63 in) with one
 * feature of a real organisation template edited in, each reproducing one
 * defect of issue 19. Made in test setup from the cached fixture; nothing is
 * committed. Edits are plain text replacements on parts whose text we know
 * (a fixture recipe, not product code), and each checks that it applied.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { realTemplate } from './templates.js';

const EMU = 914400;
const LAYOUT_CONTENT = 'ppt/slideLayouts/slideLayout2.xml';
const LAYOUT_TITLE = 'ppt/slideLayouts/slideLayout1.xml';
const THEME = 'ppt/theme/theme1.xml';
const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const CONTENT_PH = '<p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>';
const TITLE_PH = '<p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/>';

const xfrm = (x: number, y: number, w: number, h: number) =>
  `<a:xfrm><a:off x="${Math.round(x * EMU)}" y="${Math.round(y * EMU)}"/><a:ext cx="${Math.round(w * EMU)}" cy="${Math.round(h * EMU)}"/></a:xfrm>`;

/** An edit of one part's text. */
export type Edit = (old: string) => string;
/** A replacement that must find its text. */
export const replace =
  (from: string | RegExp, to: string): Edit =>
  (old) => {
    const out = old.replace(from, to);
    if (out === old) throw new Error(`template fixture: \`${from}\` not found`);
    return out;
  };

export const DEFECTS = {
  /** Heading face Calibri Light (PowerPoint 2013–2023), body face Aptos (2023 on): neither has a free clone. */
  fonts: {
    [THEME]: (x: string) =>
      replace(
        /(<a:majorFont><a:latin typeface=")Calibri("[\s\S]*?<a:minorFont><a:latin typeface=")Calibri"/,
        '$1Calibri Light$2Aptos"',
      )(x),
  },
  /** The content layout's body is 1.5 in tall and grows with its text (`spAutoFit`), on a 5.63 in slide. */
  'grow-body': {
    [LAYOUT_CONTENT]: replace(
      CONTENT_PH,
      `<p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr>${xfrm(0.69, 1.5, 8.63, 1.5)}</p:spPr><p:txBody><a:bodyPr><a:spAutoFit/></a:bodyPr>`,
    ),
  },
  /** The same 1.5 in body as a fixed box: the control for `grow-body`. */
  'fixed-body': {
    [LAYOUT_CONTENT]: replace(
      CONTENT_PH,
      `<p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr>${xfrm(0.69, 1.5, 8.63, 1.5)}</p:spPr><p:txBody><a:bodyPr/>`,
    ),
  },
  /**
   * "Title and Content" has a tall centred title and its body in a 0.6 in band below; "Two Content" (whose left body
   * alone is roomy) and the master's body have room.
   */
  'small-band': {
    [LAYOUT_CONTENT]: (x: string) =>
      replace(
        CONTENT_PH,
        `<p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr>${xfrm(0.69, 4.1, 8.63, 0.6)}</p:spPr><p:txBody><a:bodyPr/>`,
      )(replace(TITLE_PH, `<p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr>${xfrm(0.69, 0.4, 8.63, 3.5)}</p:spPr>`)(x)),
  },
  /** Light 2 (`bg2`, what table bands use) is crimson. */
  crimson: {
    [THEME]: replace(/<a:lt2><a:srgbClr val="[0-9A-F]{6}"\/><\/a:lt2>/, '<a:lt2><a:srgbClr val="A51C30"/></a:lt2>'),
  },
  /** The title layout has no subtitle placeholder. */
  'no-subtitle': {
    [LAYOUT_TITLE]: replace(/<p:sp><p:nvSpPr><p:cNvPr id="\d+" name="Subtitle[^"]*"\/>[\s\S]*?<\/p:sp>/, ''),
  },
  /** The body's first level hangs its bullet 0.6 em (14.4 pt at 24 pt): enough for a dot, not for `1.` and a gap. */
  'tight-numbers': {
    [MASTER]: replace(
      '<p:bodyStyle><a:lvl1pPr marL="342900" indent="-342900"',
      '<p:bodyStyle><a:lvl1pPr marL="182880" indent="-182880"',
    ),
  },
  /** A logo (a filled shape, no placeholder) on the master at the right end of the title band. */
  logo: {
    [MASTER]: replace(
      /<\/p:spTree>/,
      `<p:sp><p:nvSpPr><p:cNvPr id="99" name="Logo"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>${xfrm(7.9, 0.25, 1.6, 0.8)}<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></p:spPr></p:sp></p:spTree>`,
    ),
  },
  /** The master is listed without an id. */
  'no-master-id': { 'ppt/presentation.xml': replace(/(<p:sldMasterId) id="\d+"/, '$1') },
  /** The master's body says `noAutofit`: a body the deck fills must still shrink on a later edit. */
  'no-autofit': {
    [MASTER]: replace(/(<p:ph type="body" idx="1"\/>[\s\S]*?)<a:normAutofit\/>/, '$1<a:noAutofit/>'),
  },
} satisfies Record<string, Record<string, Edit>>;
export type DefectName = keyof typeof DEFECTS;

/** Write `<name>.pptx` for each defect (all, or those named) into `themesDir`. */
export async function writeDefectTemplates(themesDir: string, only?: readonly DefectName[]): Promise<void> {
  await writeEditedTemplates(themesDir, DEFECTS, only);
}

/** Write `<name>.pptx` into `themesDir` for each fixture (all, or those named): pandoc's reference with its edits. */
export async function writeEditedTemplates<N extends string>(
  themesDir: string,
  fixtures: Record<N, Record<string, Edit>>,
  only?: readonly N[],
): Promise<void> {
  const reference = unzipSync(readFileSync((await realTemplate('pandoc-reference.pptx')).file));
  for (const name of only ?? (Object.keys(fixtures) as N[])) {
    const files: Zippable = { ...reference };
    for (const [part, edit] of Object.entries(fixtures[name])) files[part] = strToU8(edit(strFromU8(reference[part])));
    writeFileSync(path.join(themesDir, `${name}.pptx`), zipSync(files));
  }
}
