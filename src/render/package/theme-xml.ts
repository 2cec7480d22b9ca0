import type { Theme } from '../../model/theme.js';
import { themeColors, type ColorScheme } from '../colors.js';
import { SCHEME_SLOTS } from '../../model/template.js';
import { esc, NS_A, XML_HEAD } from './xml.js';

/**
 * Faces for scripts the Latin face lacks, as Office's own themes list them
 * (major / minor): PowerPoint on Windows and Mac ships these faces, so
 * Hangul, Japanese and Chinese text shows in a real font there. Cyrillic and
 * Greek use the Latin face (Calibri and Arial cover them), as in Office.
 */
const SCRIPT_FONTS: [script: string, major: string, minor: string][] = [
  ['Jpan', '游ゴシック Light', '游ゴシック'],
  ['Hang', '맑은 고딕', '맑은 고딕'],
  ['Hans', '等线 Light', '等线'],
  ['Hant', '新細明體', '新細明體'],
  ['Arab', 'Times New Roman', 'Arial'],
  ['Hebr', 'Times New Roman', 'Arial'],
  ['Thai', 'Angsana New', 'Cordia New'],
  ['Viet', 'Times New Roman', 'Arial'],
  ['Deva', 'Mangal', 'Mangal'],
  ['Beng', 'Vrinda', 'Vrinda'],
  ['Taml', 'Latha', 'Latha'],
  ['Geor', 'Sylfaen', 'Sylfaen'],
  ['Armn', 'Arial', 'Arial'],
];

const SLOTS: readonly (keyof ColorScheme)[] = SCHEME_SLOTS;

/**
 * The theme part (`ppt/theme/theme1.xml`) for a briefdeck theme: its colours
 * as the colour scheme, its heading and body faces as the major and minor
 * fonts, a plain format scheme, and shape defaults in the theme's colours.
 */
export function themeXml(theme: Theme, name = theme.name): string {
  const { scheme } = themeColors(theme);
  const font = (kind: 'majorFont' | 'minorFont', latin: string) =>
    `<a:${kind}><a:latin typeface="${esc(latin)}"/><a:ea typeface=""/><a:cs typeface=""/>${SCRIPT_FONTS.map(([s, major, minor]) => `<a:font script="${s}" typeface="${esc(kind === 'majorFont' ? major : minor)}"/>`).join('')}</a:${kind}>`;
  const clr = SLOTS.map((slot) => `<a:${slot}><a:srgbClr val="${scheme[slot]}"/></a:${slot}>`).join('');
  return `${XML_HEAD}<a:theme xmlns:a="${NS_A}" name="${esc(name)}"><a:themeElements><a:clrScheme name="${esc(name)}">${clr}</a:clrScheme><a:fontScheme name="${esc(name)}">${font('majorFont', theme.fonts.heading)}${font('minorFont', theme.fonts.body)}</a:fontScheme>${FORMAT_SCHEME}</a:themeElements>${OBJECT_DEFAULTS}<a:extraClrSchemeLst/></a:theme>`;
}

const phFill = (mod = '') => `<a:solidFill><a:schemeClr val="phClr">${mod}</a:schemeClr></a:solidFill>`;
const line = (w: number) =>
  `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${phFill()}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;

/** Flat fills, lines of 0.5, 1 and 1.5 pt, no effects: nothing a briefing needs to look like 2007. */
const FORMAT_SCHEME =
  '<a:fmtScheme name="Briefdeck">' +
  `<a:fillStyleLst>${phFill()}${phFill('<a:tint val="50000"/>')}${phFill('<a:shade val="80000"/>')}</a:fillStyleLst>` +
  `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
  `<a:bgFillStyleLst>${phFill()}${phFill('<a:tint val="95000"/>')}${phFill('<a:shade val="90000"/>')}</a:bgFillStyleLst>` +
  '</a:fmtScheme>';

/** A shape or line a briefer draws: brand colour fill, theme line and the minor font, as Office's own defaults do. */
const OBJECT_DEFAULTS =
  '<a:objectDefaults>' +
  '<a:spDef><a:spPr/><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle><a:defPPr algn="ctr"><a:defRPr/></a:defPPr></a:lstStyle><a:style><a:lnRef idx="2"><a:schemeClr val="accent1"><a:shade val="50000"/></a:schemeClr></a:lnRef><a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></a:style></a:spDef>' +
  '<a:lnDef><a:spPr/><a:bodyPr/><a:lstStyle/><a:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="0"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="tx1"/></a:fontRef></a:style></a:lnDef>' +
  '</a:objectDefaults>';
