import type { DeckChrome } from '../../model/deck.js';
import type { Theme } from '../../model/theme.js';
import { ACCENT_CONTENT, ACCENT_TITLE_SLIDE, logoBox } from '../../model/geometry.js';
import { colorRef } from '../colors.js';
import type { LayoutSpec } from '../../theme/layout-catalogue.js';
import type { PlaceholderRole } from '../../model/placeholders.js';
import { GROUP_HEADER, labelXml, pictureXml, placeholderXml, rectXml, ShapeIds } from './shapes-xml.js';
import { NS_A, NS_P, NS_R, XML_HEAD } from './xml.js';

/** The relationship id of the logo in a layout's rels (rId1 is the master). */
export const LOGO_REL = 'rId2';

const PROMPTS: Partial<Record<PlaceholderRole, string>> = {
  title: 'Click to edit Master title style',
  ctrTitle: 'Click to edit Master title style',
  subTitle: 'Click to edit Master subtitle style',
  content: 'Click to edit Master text styles',
  content2: 'Click to edit Master text styles',
  header: 'Click to edit Master text styles',
  header2: 'Click to edit Master text styles',
  text: 'Click to edit Master text styles',
  caption: 'Click to edit Master text styles',
};

/** A list style's first level: paragraph attributes, no bullet, run attributes and an optional scheme colour. */
const plainLevel = (pPr: string, rPr: string, color?: string) =>
  `<a:lvl1pPr marL="0" indent="0"${pPr}><a:buNone/><a:defRPr${rPr}>${color ? `<a:solidFill><a:schemeClr val="${color}"/></a:solidFill>` : ''}</a:defRPr></a:lvl1pPr>`;

/**
 * How a layout's placeholder differs from the master's: the title slide's large title, a subtitle, a statement, a
 * quote, a caption.
 */
function lstStyleOf(role: PlaceholderRole, spec: LayoutSpec, theme: Theme): string {
  const s = theme.sizes;
  switch (role) {
    case 'ctrTitle':
      return `<a:lvl1pPr><a:defRPr sz="${Math.round(s.title * 1.25) * 100}"/></a:lvl1pPr>`;
    case 'subTitle':
      return plainLevel(' algn="l"', ` sz="${s.subtitle * 100}"`, 'accent4');
    case 'text':
      return plainLevel('', ` sz="${s.quote * 100}"`, 'tx2');
    case 'caption':
      return plainLevel(' algn="ctr"', ` sz="${s.bodyMin * 100}" i="1"`, 'accent4');
    case 'header':
    case 'header2':
      return plainLevel('', ` sz="${s.body * 100}" b="1"`, 'tx2');
    case 'content':
      return spec.layout === 'quote' ? plainLevel('', ` sz="${s.quote * 100}" i="1"`) : '';
    default:
      return '';
  }
}

/**
 * One layout: its placeholders (geometry from briefdeck's slide layout,
 * styles from the theme where they differ from the master's) and the
 * deck's decoration drawn on every slide of it: the classification banners,
 * the accent mark and the logo. Related to the master as rId1 and to the
 * logo as LOGO_REL.
 */
export function layoutXml(spec: LayoutSpec, theme: Theme, chrome: DeckChrome, language: string): string {
  const ids = new ShapeIds();
  const shapes: string[] = [];
  const [top, bottom] = chrome.banners;
  const banner = (f: NonNullable<typeof top>, where: string) => {
    shapes.push(rectXml(f.box, colorRef(theme.colors.bannerBackground, theme), `Classification ${where}`, ids));
    shapes.push(labelXml(f, theme, language, `Classification text ${where}`, ids));
  };
  if (top) banner(top, 'top');
  for (const p of spec.placeholders) {
    shapes.push(
      placeholderXml(
        {
          role: p.role,
          box: p.box,
          lstStyle: lstStyleOf(p.role, spec, theme),
          prompt: PROMPTS[p.role] ?? '',
          field: p.role === 'slideNumber' ? 'slidenum' : p.role === 'date' ? 'datetime' : undefined,
        },
        ids,
      ),
    );
  }
  if (spec.layout !== 'blank')
    shapes.push(
      rectXml(
        spec.chrome === 'title' ? ACCENT_TITLE_SLIDE : ACCENT_CONTENT,
        colorRef(theme.colors.accent, theme),
        'Accent',
        ids,
      ),
    );
  if (bottom) banner(bottom, 'bottom');
  if (theme.logo) shapes.push(pictureXml(logoBox(spec.chrome, theme.logo), LOGO_REL, 'Logo', ids));
  return `${XML_HEAD}<p:sldLayout xmlns:a="${NS_A}" xmlns:r="${NS_R}" xmlns:p="${NS_P}" type="${spec.type}" preserve="1"><p:cSld name="${spec.name}"><p:spTree>${GROUP_HEADER}${shapes.join('')}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;
}
