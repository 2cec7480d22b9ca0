import type { Theme } from '../../model/theme.js';
import type { Design } from './design.js';
import { tableStylesXml } from './table-style-xml.js';

/**
 * An organisation template's own parts, unchanged: its masters, layouts,
 * themes and their media, as the template holds them (its sample slides
 * are not among them). Added: a copy of the content master's theme for the
 * notes master, and briefdeck's table style beside the template's own.
 */
export function templateDesign(theme: Theme): Design {
  const t = theme.template!;
  const parts = new Map<string, Uint8Array | string>(t.parts);
  const numbers = [...t.parts.keys()].map((p) => /^ppt\/theme\/theme(\d+)\.xml$/.exec(p)?.[1]).filter((n): n is string => !!n).map(Number);
  const notesTheme = `theme${Math.max(0, ...numbers) + 1}.xml`;
  parts.set(`ppt/theme/${notesTheme}`, t.parts.get(t.notesTheme)!);
  parts.set('ppt/tableStyles.xml', withOurStyle(t.tableStylesXml, tableStylesXml(theme, theme.name)));
  return { parts, notesTheme, contentTypes: t.contentTypes, presentation: { masters: t.masters, sizeXml: t.sizeXml, defaultTextStyleXml: t.defaultTextStyleXml } };
}

/** The template's table styles with briefdeck's added (it is what every table names); ours alone when the template has none. */
function withOurStyle(theirs: string | undefined, ours: string): string {
  if (!theirs) return ours;
  const style = /<a:tblStyle [\s\S]*<\/a:tblStyle>/.exec(ours)![0];
  if (/<a:tblStyleLst\b[^>]*\/>/.test(theirs)) return theirs.replace(/<a:tblStyleLst\b([^>]*)\/>/, `<a:tblStyleLst$1>${style}</a:tblStyleLst>`);
  return theirs.replace(/<\/a:tblStyleLst>/, `${style}</a:tblStyleLst>`);
}
