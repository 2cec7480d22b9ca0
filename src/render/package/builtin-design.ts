import type { Deck } from '../../model/deck.js';
import type { Theme } from '../../model/theme.js';
import { layoutCatalogue } from '../../theme/layout-catalogue.js';
import type { Design } from './design.js';
import { LOGO_REL, layoutXml } from './layout-xml.js';
import { masterXml } from './master-xml.js';
import { tableStylesXml } from './table-style-xml.js';
import { themeXml } from './theme-xml.js';
import { relsXml } from './xml.js';

const LOGO_PART = 'ppt/media/briefdeck-logo.png';

/**
 * briefdeck's own theme, master, layouts (with banners, accent and logo), table style and notes theme, from the theme.
 */
export function builtinDesign(deck: Deck, theme: Theme): Design {
  const parts = new Map<string, Uint8Array | string>();
  const catalogue = layoutCatalogue(!!theme.logo);
  catalogue.forEach((spec, i) => {
    parts.set(`ppt/slideLayouts/slideLayout${i + 1}.xml`, layoutXml(spec, theme, deck.chrome, deck.info.language));
    const rels = [{ id: 'rId1', type: 'slideMaster', target: '../slideMasters/slideMaster1.xml' }];
    if (theme.logo) rels.push({ id: LOGO_REL, type: 'image', target: `../media/${LOGO_PART.split('/').pop()}` });
    parts.set(`ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`, relsXml(rels));
  });
  parts.set('ppt/slideMasters/slideMaster1.xml', masterXml(theme, catalogue.length));
  parts.set(
    'ppt/slideMasters/_rels/slideMaster1.xml.rels',
    relsXml([
      ...catalogue.map((_, i) => ({
        id: `rId${i + 1}`,
        type: 'slideLayout',
        target: `../slideLayouts/slideLayout${i + 1}.xml`,
      })),
      { id: `rId${catalogue.length + 1}`, type: 'theme', target: '../theme/theme1.xml' },
    ]),
  );
  parts.set('ppt/theme/theme1.xml', themeXml(theme));
  parts.set('ppt/theme/theme2.xml', themeXml(theme, `${theme.name} (notes)`));
  parts.set('ppt/tableStyles.xml', tableStylesXml(theme, theme.name));
  if (theme.logo) parts.set(LOGO_PART, theme.logo.data);
  return { parts, notesTheme: 'theme2.xml', contentTypes: new Map() };
}
