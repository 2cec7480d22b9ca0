/** Repairs of `ppt/presentation.xml` as pptxgenjs writes it, on its parsed tree. */
import type { Design } from './design.js';
import { NS_P, NS_P14, NS_R } from './xml.js';
import { attr, byName, elements, fragment, remove, setAttr, type XmlElement } from './xml-tree.js';
import { child, insertBeside, replaceWith, requirePrefixes, setText } from './xml-tree-edit.js';

/** PowerPoint's notes page (portrait letter), whatever pptxgenjs writes. */
const NOTES_SIZE = { cx: '6858000', cy: '9144000' };

/**
 * The presentation part, repaired: the notes master listed where the schema wants it, section ids from a counter,
 * the notes page size, and for a template its masters, slide size and default text style in place of pptxgenjs's.
 * `masterRelIds` are the relationship ids the template's masters get in `presentation.xml.rels`.
 */
export function fixPresentation(root: XmlElement, presentation: Design['presentation'], masterRelIds: string[]): void {
  if (root.ns !== NS_P || root.local !== 'presentation') throw new Error('briefdeck bug: not a presentation part');
  notesMasterAfterSlideMasters(root);
  stableSectionIds(root);
  const notesSz = child(root, NS_P, 'notesSz');
  if (notesSz) for (const [k, v] of Object.entries(NOTES_SIZE)) setAttr(notesSz, k, v);
  if (!presentation) return;
  requirePrefixes(root, 'ppt/presentation.xml', { p: NS_P, r: NS_R });
  const masters = child(root, NS_P, 'sldMasterIdLst');
  if (!masters) throw new Error('briefdeck bug: pptxgenjs wrote no `p:sldMasterIdLst`');
  const ids = presentation.masters.map((m, i) => `<p:sldMasterId id="${m.id}" r:id="${masterRelIds[i]}"/>`);
  replaceWith(masters, fragment(`<p:sldMasterIdLst>${ids.join('')}</p:sldMasterIdLst>`));
  const size = child(root, NS_P, 'sldSz');
  if (size) replaceWith(size, fragment(presentation.sizeXml));
  const style = child(root, NS_P, 'defaultTextStyle');
  if (style && presentation.defaultTextStyleXml) replaceWith(style, fragment(presentation.defaultTextStyleXml));
}

/**
 * `<p:notesMasterIdLst>` where the schema wants it, right after `<p:sldMasterIdLst>` (pptxgenjs writes it after the
 * slides).
 */
function notesMasterAfterSlideMasters(root: XmlElement): void {
  const notes = child(root, NS_P, 'notesMasterIdLst');
  const masters = child(root, NS_P, 'sldMasterIdLst');
  if (!notes || !masters) return;
  const kids = elements(root);
  if (kids.indexOf(notes) === kids.indexOf(masters) + 1) return;
  remove(notes);
  insertBeside(masters, [notes], 'after');
}

/** Section ids from a counter instead of pptxgenjs's random GUIDs, for reproducible bytes. */
function stableSectionIds(root: XmlElement): void {
  const sections = byName(root, NS_P14, ['section']).get('section')!;
  sections.forEach((s, i) => {
    if (attr(s, 'id') !== undefined)
      setAttr(s, 'id', `{${(i + 1).toString(16).padStart(8, '0').toUpperCase()}-0000-4000-8000-000000000000}`);
  });
}

/** `docProps/core.xml`'s creation and modification dates: the deck's timestamp (pptxgenjs stamps the clock). */
export function fixedDates(root: XmlElement, timestamp: string): void {
  const dates = byName(root, 'http://purl.org/dc/terms/', ['created', 'modified']);
  for (const el of [...dates.get('created')!, ...dates.get('modified')!]) setText(el, timestamp);
}
