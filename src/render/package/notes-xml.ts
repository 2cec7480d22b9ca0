/** Repairs of the notes slides and notes master pptxgenjs writes, on their parsed trees. */
import { esc, NS_A, NS_P, NS_P14 } from './xml.js';
import { attr, byName, elements, fragment, serializeElement, setAttr, type XmlElement } from './xml-tree.js';
import { replaceWith, requirePrefixes, textOf } from './xml-tree-edit.js';

/**
 * Whether a notes slide says nothing: pptxgenjs writes one, with an empty run, for every slide. Text in a field (the
 * slide number) does not count.
 */
export function notesAreEmpty(root: XmlElement): boolean {
  const found = byName(root, NS_A, ['t', 'fld']);
  const inField = new Set(found.get('fld')!.flatMap((f) => byName(f, NS_A, ['t']).get('t')!));
  return found.get('t')!.every((t) => inField.has(t) || textOf(t) === '');
}

/**
 * A notes slide as the deck shows it: its line breaks as paragraphs (pptxgenjs writes the notes as one run with
 * line breaks inside `<a:t>`, which XML readers fold away; blank lines dropped), each run tagged with the deck's
 * language where pptxgenjs wrote its default, and shape ids 1, 2, 3… in document order.
 */
export function fixNotes(root: XmlElement, part: string, language: string): void {
  for (const p of byName(root, NS_A, ['p']).get('p')!) paragraphsAtBreaks(p, part);
  const props = byName(root, NS_A, ['rPr', 'endParaRPr', 'defRPr']);
  for (const el of [...props.get('rPr')!, ...props.get('endParaRPr')!, ...props.get('defRPr')!])
    if (attr(el, 'lang') === 'en-US') setAttr(el, 'lang', esc(language));
  renumberShapes(root);
}

/** Shape ids 1, 2, 3… in document order (the shape tree itself is 1). */
export function renumberShapes(root: XmlElement): void {
  byName(root, NS_P, ['cNvPr'])
    .get('cNvPr')!
    .forEach((c, i) => setAttr(c, 'id', String(i + 1)));
}

/**
 * `p14:creationId`s from one counter across the deck's notes slides and notes master (pptxgenjs writes a random
 * one), for reproducible bytes. Returns the next number.
 */
export function stableCreationIds(root: XmlElement, next: number): number {
  for (const id of byName(root, NS_P14, ['creationId']).get('creationId')!) setAttr(id, 'val', String(next++));
  return next;
}

/**
 * A paragraph whose runs hold line breaks, as one paragraph per non-blank line, each run keeping its properties.
 * A paragraph without a line break is left as it is.
 */
function paragraphsAtBreaks(p: XmlElement, part: string): void {
  const runs = elements(p, NS_A, 'r');
  const texts = runs.map((r) => elements(r, NS_A, 't').map(textOf).join(''));
  if (!texts.some((t) => /[\r\n]/.test(t))) return;
  requirePrefixes(p, part, { a: NS_A });
  const lines: { props: string; text: string }[][] = [[]];
  runs.forEach((r, i) => {
    const rPr = elements(r, NS_A, 'rPr')[0];
    const props = rPr ? serializeElement(rPr) : '';
    texts[i].split(/\r\n|\r|\n/).forEach((text, k) => {
      if (k > 0) lines.push([]);
      if (text !== '') lines[lines.length - 1].push({ props, text });
    });
  });
  const kept = lines.filter(
    (l) =>
      l
        .map((r) => r.text)
        .join('')
        .trim() !== '',
  );
  const xml = kept.map(
    (l) => `<a:p>${l.map((r) => `<a:r>${r.props}<a:t>${escText(r.text)}</a:t></a:r>`).join('')}</a:p>`,
  );
  replaceWith(p, fragment(xml.join('')));
}

/** Text escaped with the entities pptxgenjs writes (it escapes `'` too), so notes keep their bytes. */
const escText = (s: string): string => esc(s).replace(/'/g, '&apos;');
