import type { Theme } from '../../model/theme.js';
import type { Design } from './design.js';
import { tableStylesXml } from './table-style-xml.js';
import { presentationSettings, withOurTableStyle } from './template-parts.js';

/**
 * An organisation template's own parts, unchanged: its masters, layouts,
 * themes and their media, as the template holds them (its sample slides
 * are not among them). Added: a copy of the content master's theme for the
 * notes master, and briefdeck's table style beside the template's own.
 */
export function templateDesign(theme: Theme): Design {
  const t = theme.template!;
  const parts = new Map<string, Uint8Array | string>(t.parts);
  for (const [name, bytes] of t.parts)
    if (/^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/.test(name)) parts.set(name, repaired(bytes));
  const numbers = [...t.parts.keys()]
    .map((p) => /^ppt\/theme\/theme(\d+)\.xml$/.exec(p)?.[1])
    .filter((n): n is string => !!n)
    .map(Number);
  const notesTheme = `theme${Math.max(0, ...numbers) + 1}.xml`;
  parts.set(`ppt/theme/${notesTheme}`, t.parts.get(t.notesTheme)!);
  parts.set('ppt/tableStyles.xml', withOurTableStyle(t.tableStyles, tableStylesXml(theme, theme.name)));
  return {
    parts,
    notesTheme,
    contentTypes: t.contentTypes,
    presentation: { masters: t.masters, ...presentationSettings(t.presentation) },
  };
}

/**
 * A master or layout with the two faults LibreOffice writes, which
 * PowerPoint repairs: shape ids that repeat or are 0 (given unused ids),
 * and a background
 * without its required effect list (`<a:effectLst/>` added). Byte for
 * byte the template's otherwise.
 */
function repaired(bytes: Uint8Array): Uint8Array | string {
  let xml = new TextDecoder().decode(bytes);
  const original = xml;
  // Only the repeats and the zeros get new ids: connectors (stCxn, endCxn) and animations refer to the others by id.
  const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
  let next = Math.max(0, ...ids) + 1;
  const seen = new Set<number>();
  xml = xml.replace(/<p:cNvPr id="(\d+)"/g, (whole, id: string) => {
    const n = Number(id);
    if (n !== 0 && !seen.has(n)) {
      seen.add(n);
      return whole;
    }
    return `<p:cNvPr id="${next++}"`;
  });
  xml = xml.replace(/<p:bgPr\b([^>]*)>([\s\S]*?)<\/p:bgPr>/g, (whole, attrs: string, inner: string) =>
    /<a:effect(Lst|Dag)\b/.test(inner)
      ? whole
      : `<p:bgPr${attrs}>${inner.replace(/(<p:extLst>[\s\S]*)?$/, '<a:effectLst/>$1')}</p:bgPr>`,
  );
  return xml === original ? bytes : xml;
}
