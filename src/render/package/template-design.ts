import type { Theme } from '../../model/theme.js';
import type { Design } from './design.js';
import { tableStylesXml } from './table-style-xml.js';
import { presentationSettings, withOurTableStyle } from './template-parts.js';
import { NS_A, NS_P } from './xml.js';
import { attr, collect, elements, fragment, parseXmlTree, serializeXmlTree, setAttr, setChildren } from './xml-tree.js';
import { insertBeside, prefixOf } from './xml-tree-edit.js';

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
    if (/^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/.test(name)) parts.set(name, repaired(name, bytes));
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
 * byte the template's otherwise. Done on the parsed part, whatever its
 * attribute order, prefixes or white space.
 */
function repaired(name: string, bytes: Uint8Array): Uint8Array | string {
  const tree = parseXmlTree(new TextDecoder().decode(bytes), name);
  const found = collect(tree.root, [[NS_P, ['cNvPr', 'bgPr']]]);
  let changed = false;
  // Only the repeats and the zeros get new ids: connectors (stCxn, endCxn) and animations refer to the others by id.
  const shapes = found(NS_P, 'cNvPr');
  const ids = shapes.map((c) => Number(attr(c, 'id'))).filter((n) => Number.isInteger(n));
  let next = Math.max(0, ...ids) + 1;
  const seen = new Set<number>();
  for (const c of shapes) {
    const n = Number(attr(c, 'id'));
    if (Number.isInteger(n) && n !== 0 && !seen.has(n)) {
      seen.add(n);
      continue;
    }
    setAttr(c, 'id', String(next++));
    changed = true;
  }
  for (const bgPr of found(NS_P, 'bgPr')) {
    const kids = elements(bgPr, NS_A);
    if (kids.some((k) => k.local === 'effectLst' || k.local === 'effectDag')) continue;
    // The effect list goes last, before any extension list (CT_BackgroundProperties' sequence).
    const prefix = prefixOf(bgPr, NS_A);
    const effectLst = fragment(prefix === undefined ? `<effectLst xmlns="${NS_A}"/>` : `<${prefix}:effectLst/>`);
    const ext = elements(bgPr, NS_P, 'extLst')[0];
    if (ext) insertBeside(ext, effectLst, 'before');
    else setChildren(bgPr, [...bgPr.children, ...effectLst]);
    changed = true;
  }
  return changed ? serializeXmlTree(tree) : bytes;
}
