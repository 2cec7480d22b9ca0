import type { ClrMap } from './scheme.js';
import type { SchemeSlot } from '../model/template.js';
import { contrastRatio } from '../util/contrast.js';

/** WCAG AA for table text, which is small. */
const MIN = 4.5;

export interface TableColors {
  header: string;
  headerText: string;
  band: string;
  /** Pairs the scheme allows no readable choice for, for the loader's warning. */
  unreadable: { what: string; fg: string; bg: string; ratio: number }[];
}

/**
 * A template's table colours, from its colour scheme, each text/fill pair
 * read at 4.5:1 at least: the header fill is the first of accent 1, text 2,
 * accents 2–6 and text 1 that some scheme text colour (background 1, text 1)
 * or white or black reads on, with the one that reads best; banded rows take
 * background 2 when the body text reads on it (light 2 is crimson in some
 * templates), else the body's own background (no visible band, but
 * readable). Where nothing reads, the best there is, and it is reported.
 */
export function tableColors(
  scheme: Record<SchemeSlot, string>,
  map: ClrMap,
  text: string,
  background: string,
): TableColors {
  const unreadable: TableColors['unreadable'] = [];
  const texts = [scheme[map.bg1], scheme[map.tx1], 'FFFFFF', '000000'];
  const bestText = (bg: string) => [...texts].sort((a, b) => contrastRatio(b, bg) - contrastRatio(a, bg))[0];
  const fills = [
    scheme.accent1,
    scheme[map.tx2],
    scheme.accent2,
    scheme.accent3,
    scheme.accent4,
    scheme.accent5,
    scheme.accent6,
    scheme[map.tx1],
  ];
  const header = fills.find((f) => contrastRatio(bestText(f), f) >= MIN) ?? scheme.accent1;
  const headerText = bestText(header);
  if (contrastRatio(headerText, header) < MIN)
    unreadable.push({
      what: 'table header text',
      fg: headerText,
      bg: header,
      ratio: contrastRatio(headerText, header),
    });
  const band = [scheme[map.bg2], background].find((b) => contrastRatio(text, b) >= MIN) ?? scheme[map.bg2];
  if (contrastRatio(text, band) < MIN)
    unreadable.push({ what: 'text on banded table rows', fg: text, bg: band, ratio: contrastRatio(text, band) });
  return { header, headerText, band, unreadable };
}
