import type { Theme } from '../../model/theme.js';
import { colorRef } from '../colors.js';
import { esc, NS_A, solidFill, XML_HEAD } from './xml.js';

/** briefdeck's table style: its own GUID (not one of Office's 74 built-in ones), the default of every deck. */
export const TABLE_STYLE_ID = '{6F3B2D4C-1A0E-4B6A-9C1D-B2E1EFDECC01}';

const colorEl = (c: string) => (/^[0-9A-F]{6}$/i.test(c) ? `<a:srgbClr val="${c}"/>` : `<a:schemeClr val="${c}"/>`);
const border = (c: string) => `<a:ln w="9525" cmpd="sng">${solidFill(c)}</a:ln>`;

/**
 * `ppt/tableStyles.xml`: the theme's table style, so every table carries
 * the look by reference (`a:tableStyleId`, `firstRow`, `bandRow`) and a row
 * a briefer adds in PowerPoint gets it too: body text in the text colour on
 * the background, every second row banded, 0.75 pt borders, and a header row
 * in the header colours, bold. LibreOffice applies such a style as well.
 */
export function tableStylesXml(theme: Theme, name: string): string {
  const c = (hex: string) => colorRef(hex, theme);
  const text = c(theme.colors.text);
  const edge = border(c(theme.colors.tableBorder));
  const borders = ['left', 'right', 'top', 'bottom', 'insideH', 'insideV']
    .map((s) => `<a:${s}>${edge}</a:${s}>`)
    .join('');
  const fill = (hex: string) => `<a:fill>${solidFill(c(hex))}</a:fill>`;
  return (
    `${XML_HEAD}<a:tblStyleLst xmlns:a="${NS_A}" def="${TABLE_STYLE_ID}"><a:tblStyle styleId="${TABLE_STYLE_ID}" styleName="${esc(name)}">` +
    `<a:wholeTbl><a:tcTxStyle><a:fontRef idx="minor"><a:prstClr val="black"/></a:fontRef>${colorEl(text)}</a:tcTxStyle><a:tcStyle><a:tcBdr>${borders}</a:tcBdr>${fill(theme.colors.background)}</a:tcStyle></a:wholeTbl>` +
    `<a:band1H><a:tcStyle><a:tcBdr/>${fill(theme.colors.background)}</a:tcStyle></a:band1H>` +
    `<a:band2H><a:tcStyle><a:tcBdr/>${fill(theme.colors.tableBand)}</a:tcStyle></a:band2H>` +
    `<a:firstRow><a:tcTxStyle b="on"><a:fontRef idx="minor"><a:prstClr val="black"/></a:fontRef>${colorEl(c(theme.colors.tableHeaderText))}</a:tcTxStyle><a:tcStyle><a:tcBdr/>${fill(theme.colors.tableHeaderBackground)}</a:tcStyle></a:firstRow>` +
    '</a:tblStyle></a:tblStyleLst>'
  );
}
