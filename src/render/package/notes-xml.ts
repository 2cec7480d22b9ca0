/** Repairs of the notes slides and notes master pptxgenjs writes, on their parsed trees. */
import { esc, NS_A, NS_P, NS_P14 } from './xml.js';
import { attr, byName, collect, elements, fragment, serializeElement, setAttr, type XmlElement } from './xml-tree.js';
import { replaceWith, requirePrefixes, textOf } from './xml-tree-edit.js';

/**
 * A notes slide as the deck shows it, or undefined when it says nothing (pptxgenjs writes one, with an empty run, for
 * every slide; text in a field, the slide number, does not count): its line breaks as paragraphs (pptxgenjs writes
 * the notes as one run with line breaks inside `<a:t>`, which XML readers fold away; blank lines dropped), each run
 * tagged with the deck's language where pptxgenjs wrote its default, shape ids 1, 2, 3… in document order, and
 * creation ids from `creation` on. Returns the next creation id. One walk finds every element it edits.
 */
export function fixNotes(root: XmlElement, part: string, language: string, creation: number): number | undefined {
  const found = collect(root, [
    [NS_A, ['t', 'p', 'rPr', 'endParaRPr', 'defRPr']],
    [NS_P, ['cNvPr']],
    [NS_P14, ['creationId']],
  ]);
  if (found(NS_A, 't').every((t) => inField(t) || textOf(t) === '')) return undefined;
  // Languages first: a paragraph split at its breaks copies its runs' properties as they are then.
  for (const el of [...found(NS_A, 'rPr'), ...found(NS_A, 'endParaRPr'), ...found(NS_A, 'defRPr')])
    if (attr(el, 'lang') === 'en-US') setAttr(el, 'lang', esc(language));
  for (const p of found(NS_A, 'p')) paragraphsAtBreaks(p, part);
  found(NS_P, 'cNvPr').forEach((c, i) => setAttr(c, 'id', String(i + 1)));
  for (const id of found(NS_P14, 'creationId')) setAttr(id, 'val', String(creation++));
  return creation;
}

/** Shape ids 1, 2, 3… in document order (the shape tree itself is 1). */
export function renumberShapes(root: XmlElement): void {
  byName(root, NS_P, ['cNvPr'])
    .get('cNvPr')!
    .forEach((c, i) => setAttr(c, 'id', String(i + 1)));
}

/** Whether a text element is inside a field (`a:fld`). */
function inField(t: XmlElement): boolean {
  for (let e = t.parent; e; e = e.parent) if (e.ns === NS_A && e.local === 'fld') return true;
  return false;
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
