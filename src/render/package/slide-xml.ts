import type { LayoutDef } from '../../model/layout-set.js';
import type { TextFrame } from '../../model/text-frame.js';
import { FRAME_MARK, paragraphPropsXml } from '../frame-to-text.js';
import { isEastAsian } from '../language.js';
import { TABLE_STYLE_ID } from './table-style-xml.js';
import { NS_A, NS_P } from './xml.js';
import { renumberShapes } from './notes-xml.js';
import { replaceWith, requirePrefixes } from './xml-tree-edit.js';
import {
  attr,
  attrList,
  collect,
  descendants,
  elements,
  fragment,
  remove,
  setAttr,
  setAttrs,
  setChildren,
  type XmlElement,
} from './xml-tree.js';

/**
 * Repairs and completions of a slide part as pptxgenjs writes it, each
 * where pptxgenjs cannot be told to write it right:
 * - each frame's paragraphs get the properties it was measured with, one
 *   `<a:pPr>` per paragraph (pptxgenjs writes one before every run of a
 *   mixed-format paragraph: a schema error, PR #1083 unmerged; and it cannot
 *   give each level its own margin);
 * - frames the planner put in a placeholder become the slide layout's
 *   placeholder (`<p:ph>` as that layout writes it);
 * - the slide number fills the layout's slide number placeholder;
 * - tables: header row and banding flags and the deck's table style, with
 *   pptxgenjs's per-cell `noFill` borders and default black text removed so
 *   the style shows;
 * - no empty `<a:ln>` (a reported repair trigger);
 * - shape ids unique in the slide (pptxgenjs gives a table and a text box
 *   the same id, and every slide number id 25);
 * - `altLang` only beside East Asian text, naming the deck's language.
 */
export function fixSlide(
  root: XmlElement,
  part: string,
  language: string,
  frames: readonly TextFrame[],
  layout: LayoutDef,
  template = false,
): void {
  if (root.ns !== NS_P || root.local !== 'sld') throw new Error(`briefdeck bug: \`${part}\` is not a slide`);
  // The markup written below (placeholders, paragraph properties) names its elements `a:` and `p:`.
  requirePrefixes(root, part, { a: NS_A, p: NS_P });
  // One walk finds what every step edits (the steps below insert no element of these names they would need to see).
  const found = collect(root, [
    [NS_A, ['p', 'tbl', 'ln', 'rPr', 'endParaRPr', 'defRPr']],
    [NS_P, ['sp', 'ph', 'graphicFrame']],
  ]);
  const a = NS_A;
  const p = NS_P;
  firstParagraphPropsOnly(found(a, 'p'));
  framesInPlace(found(p, 'sp'), frames, layout, template);
  const number = layout.slots.slideNumber;
  for (const ph of found(p, 'ph'))
    if (attr(ph, 'type') === 'sldNum' && attr(ph, 'idx') === '4294967295')
      replaceWith(ph, number ? fragment(number.ph) : []);
  const content = layout.slots.content;
  if (content)
    for (const frame of found(p, 'graphicFrame')) {
      const nv = elements(frame, NS_P, 'nvGraphicFramePr')[0];
      const locks = nv && descendants(nv, NS_A, 'graphicFrameLocks')[0];
      const nvPr = nv && elements(nv, NS_P, 'nvPr')[0];
      if (locks && attr(locks, 'noGrp') === '1' && nvPr) setChildren(nvPr, [...fragment(content.ph), ...nvPr.children]);
    }
  for (const tbl of found(a, 'tbl')) tableWithStyle(tbl);
  // An empty `<a:ln>` is a reported repair trigger.
  for (const ln of found(a, 'ln')) if (elements(ln).length === 0 && attrList(ln).length === 0) remove(ln);
  tagLanguages([...found(a, 'rPr'), ...found(a, 'endParaRPr'), ...found(a, 'defRPr')], language);
  renumberShapes(root);
}

/** Every paragraph keeps at most the `a:pPr` that opens it (pptxgenjs writes one before every later run of a
 * mixed-format paragraph: a schema error, PR #1083 unmerged). */
function firstParagraphPropsOnly(paragraphs: readonly XmlElement[]): void {
  for (const p of paragraphs) {
    const first = elements(p)[0];
    const extra = elements(p, NS_A, 'pPr').filter((pPr, i) => i > 0 || first !== pPr);
    if (extra.length > 0)
      setChildren(
        p,
        p.children.filter((c) => !extra.includes(c as XmlElement)),
      );
  }
}

/**
 * Each frame's shape (found by the name the renderer gave it) becomes its placeholder or a plain text box, and each
 * of its paragraphs gets the properties it was measured with (`paragraphPropsXml`, the one writer of paragraph
 * properties), paragraph for paragraph.
 */
function framesInPlace(
  shapes: readonly XmlElement[],
  frames: readonly TextFrame[],
  layout: LayoutDef,
  template: boolean,
): void {
  for (const sp of shapes) {
    const nvSpPr = elements(sp, NS_P, 'nvSpPr')[0];
    const cNvPr = nvSpPr && elements(nvSpPr, NS_P, 'cNvPr')[0];
    const name = cNvPr && attr(cNvPr, 'name');
    if (!name?.startsWith(FRAME_MARK)) continue;
    const k = Number(name.slice(FRAME_MARK.length));
    const frame = frames[k];
    if (!frame) throw new Error(`briefdeck bug: no frame ${k} on the slide`);
    const slot = frame.placeholder ? layout.slots[frame.placeholder] : undefined;
    setChildren(
      nvSpPr,
      fragment(
        slot
          ? `<p:cNvPr id="0" name="${slot.name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${slot.ph}</p:nvPr>`
          : `<p:cNvPr id="0" name="Text ${k}"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr>`,
      ),
    );
    const body = elements(sp, NS_P, 'txBody')[0];
    const pPrs = paragraphPropsXml(frame);
    // pptxgenjs writes one empty paragraph for a frame without any.
    if (body && pPrs.length > 0) {
      const paragraphs = elements(body, NS_A, 'p');
      if (paragraphs.length !== pPrs.length)
        throw new Error(
          `briefdeck bug: frame ${k} was planned with ${pPrs.length} paragraphs, pptxgenjs wrote ${paragraphs.length}`,
        );
      paragraphs.forEach((p, i) =>
        setChildren(p, [
          pPrs[i], // a whole element we write
          ...p.children.filter((c) => typeof c === 'string' || c.local !== 'pPr' || c.ns !== NS_A),
        ]),
      );
    }
    // A template's placeholder may set vertical text or columns, which the plan does not lay out: the slide says
    // horizontal, one column.
    const bodyPr = body && elements(body, NS_A, 'bodyPr')[0];
    if (template && slot && bodyPr) {
      const add = `${attr(bodyPr, 'numCol') === undefined ? ' numCol="1"' : ''}${attr(bodyPr, 'vert') === undefined ? ' vert="horz"' : ''}`;
      if (add) setAttrs(bodyPr, add + bodyPr.attrs);
    }
  }
}

/** Header row, banding and the table style by reference; direct formatting pptxgenjs adds by default removed. */
function tableWithStyle(tbl: XmlElement): void {
  const tblPr = elements(tbl, NS_A, 'tblPr')[0];
  if (tblPr && elements(tblPr).length === 0 && attrList(tblPr).length === 0) {
    setAttrs(tblPr, ' firstRow="1" bandRow="1"');
    setChildren(tblPr, fragment(`<a:tableStyleId>${TABLE_STYLE_ID}</a:tableStyleId>`));
  }
  const found = collect(tbl, [[NS_A, ['lnL', 'lnR', 'lnT', 'lnB', 'rPr']]]);
  // A border of no width and no fill is no border: the style's shows.
  for (const side of ['lnL', 'lnR', 'lnT', 'lnB'])
    for (const ln of found(NS_A, side)) {
      const kids = elements(ln);
      if (attr(ln, 'w') === '0' && kids.length === 1 && kids[0].ns === NS_A && kids[0].local === 'noFill') remove(ln);
    }
  // pptxgenjs's default black text (not a link's colour) gives way to the style's.
  for (const rPr of found(NS_A, 'rPr')) {
    const [first, next] = elements(rPr);
    if (first?.local !== 'solidFill' || first.ns !== NS_A || next?.local === 'hlinkClick') continue;
    const [color, ...more] = elements(first);
    if (more.length === 0 && color?.local === 'srgbClr' && attr(color, 'val') === '000000') remove(first);
  }
}

/**
 * `lang` per run as written; `altLang` (the UI language, the deck's) only beside East Asian text, as PowerPoint writes
 * it; the end of each paragraph in the deck's language.
 */
function tagLanguages(runProps: readonly XmlElement[], language: string): void {
  const ui = isEastAsian(language) ? 'en-US' : language;
  for (const el of runProps) {
    const lang = attr(el, 'lang');
    if (lang === undefined) continue;
    if (attr(el, 'altLang') === 'en-US' && (!isEastAsian(lang) || ui !== 'en-US'))
      setAttr(el, 'altLang', isEastAsian(lang) ? ui : undefined);
    if (el.local === 'endParaRPr' && lang === 'en-US') setAttr(el, 'lang', language);
  }
}
