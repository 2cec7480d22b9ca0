import type { Theme } from '../../model/theme.js';
import {
  BODY_BOTTOM,
  BODY_TOP,
  CONTENT_W,
  FOOTER_BOX,
  MARGIN_X,
  NO_INSETS,
  TEXT_INSETS,
  TITLE_BOX,
  slideNumberBox,
} from '../../model/geometry.js';
import { themeColors } from '../colors.js';
import { GROUP_HEADER, placeholderXml, ShapeIds } from './shapes-xml.js';
import { textStylesXml } from './text-styles-xml.js';
import { NS_A, NS_P, NS_R, XML_HEAD } from './xml.js';

/** The first id of a layout in the master's `sldLayoutIdLst` (ids continue the master's 2147483648). */
export const FIRST_LAYOUT_ID = 2147483649;

const footerStyle = (theme: Theme, algn: 'l' | 'r') =>
  `<a:lvl1pPr algn="${algn}"><a:defRPr sz="${theme.sizes.footer * 100}"><a:solidFill><a:schemeClr val="accent4"/></a:solidFill></a:defRPr></a:lvl1pPr>`;

/**
 * The slide master, as PowerPoint writes one: a background in the theme's
 * background colour, the title, body, date, footer and slide number
 * placeholders (what every layout inherits from), the colour map and the
 * text styles. Layouts are related as rId1…rIdN, the theme as rId(N+1).
 */
export function masterXml(theme: Theme, layouts: number): string {
  const ids = new ShapeIds();
  const { map } = themeColors(theme);
  const shapes = [
    placeholderXml(
      {
        role: 'title',
        box: TITLE_BOX,
        bodyPr: { insets: TEXT_INSETS, anchor: 'top' },
        prompt: 'Click to edit Master title style',
      },
      ids,
    ),
    placeholderXml(
      {
        role: 'text',
        box: { x: MARGIN_X, y: BODY_TOP, w: CONTENT_W, h: BODY_BOTTOM - BODY_TOP },
        bodyPr: { insets: TEXT_INSETS, anchor: 'top', autofit: true },
        prompt: 'Click to edit Master text styles',
      },
      ids,
    ),
    placeholderXml(
      {
        role: 'date',
        ph: '<p:ph type="dt" sz="half" idx="2"/>',
        box: { ...FOOTER_BOX, x: FOOTER_BOX.x + FOOTER_BOX.w + 10, w: 200 },
        bodyPr: { insets: NO_INSETS, anchor: 'middle' },
        lstStyle: footerStyle(theme, 'l'),
        prompt: '',
        field: 'datetime',
      },
      ids,
    ),
    placeholderXml(
      {
        role: 'footer',
        ph: '<p:ph type="ftr" sz="quarter" idx="3"/>',
        box: FOOTER_BOX,
        bodyPr: { insets: NO_INSETS, anchor: 'middle' },
        lstStyle: footerStyle(theme, 'l'),
        prompt: '',
      },
      ids,
    ),
    placeholderXml(
      {
        role: 'slideNumber',
        ph: '<p:ph type="sldNum" sz="quarter" idx="4"/>',
        box: slideNumberBox(!!theme.logo),
        bodyPr: { insets: TEXT_INSETS, anchor: 'top' },
        lstStyle: footerStyle(theme, 'r'),
        prompt: '',
        field: 'slidenum',
      },
      ids,
    ),
  ];
  const clrMap = `<p:clrMap bg1="${map.bg1}" tx1="${map.tx1}" bg2="${map.bg2}" tx2="${map.tx2}" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`;
  const layoutIds = Array.from(
    { length: layouts },
    (_, i) => `<p:sldLayoutId id="${FIRST_LAYOUT_ID + i}" r:id="rId${i + 1}"/>`,
  ).join('');
  return `${XML_HEAD}<p:sldMaster xmlns:a="${NS_A}" xmlns:r="${NS_R}" xmlns:p="${NS_P}"><p:cSld><p:bg><p:bgPr><a:solidFill><a:schemeClr val="bg1"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>${GROUP_HEADER}${shapes.join('')}</p:spTree></p:cSld>${clrMap}<p:sldLayoutIdLst>${layoutIds}</p:sldLayoutIdLst><p:hf hdr="0" dt="0"/>${textStylesXml(theme)}</p:sldMaster>`;
}
