import type { Theme } from '../../model/theme.js';
import { BULLET_INDENT } from '../../model/geometry.js';
import { emu } from './xml.js';

const FONTS = (kind: 'mj' | 'mn') =>
  `<a:latin typeface="+${kind}-lt"/><a:ea typeface="+${kind}-ea"/><a:cs typeface="+${kind}-cs"/>`;
const fill = (scheme: string) => `<a:solidFill><a:schemeClr val="${scheme}"/></a:solidFill>`;
const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * The master's text styles, from the theme: what every placeholder and text
 * box a briefer adds inherits. Titles in the heading face, bold, in the
 * title colour; body text in the body face with the theme's bullets,
 * spacing and the planner's hanging indent per level; other text (text
 * boxes) in the body face and text colour.
 */
export function textStylesXml(theme: Theme): string {
  const spacing = `<a:lnSpc><a:spcPct val="${Math.round(theme.lineSpacing * 100000)}"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef><a:spcAft><a:spcPts val="${Math.round(theme.paragraphSpacing * 100)}"/></a:spcAft>`;
  const title = `<p:titleStyle><a:lvl1pPr algn="l" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef><a:buNone/><a:defRPr sz="${theme.sizes.title * 100}" b="1" kern="1200">${fill('tx2')}${FONTS('mj')}</a:defRPr></a:lvl1pPr></p:titleStyle>`;
  const body = `<p:bodyStyle>${LEVELS.map((n) => `<a:lvl${n}pPr marL="${emu(BULLET_INDENT * n)}" indent="${-emu(BULLET_INDENT)}" algn="l" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">${spacing}<a:buFont typeface="Arial"/><a:buChar char="•"/><a:defRPr sz="${theme.sizes.body * 100}" kern="1200">${fill('tx1')}${FONTS('mn')}</a:defRPr></a:lvl${n}pPr>`).join('')}</p:bodyStyle>`;
  const other = `<p:otherStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr>${LEVELS.map((n) => `<a:lvl${n}pPr marL="${457200 * (n - 1)}" algn="l" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:defRPr sz="1800" kern="1200">${fill('tx1')}${FONTS('mn')}</a:defRPr></a:lvl${n}pPr>`).join('')}</p:otherStyle>`;
  return `<p:txStyles>${title}${body}${other}</p:txStyles>`;
}
