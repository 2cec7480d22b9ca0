import type { LayoutDef } from '../../model/layout-set.js';
import type { TextFrame } from '../../model/text-frame.js';
import { FRAME_MARK, paragraphPropsXml } from '../frame-to-text.js';
import { isEastAsian } from '../language.js';
import { TABLE_STYLE_ID } from './table-style-xml.js';

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
export function fixSlideXml(
  xml: string,
  language: string,
  frames: readonly TextFrame[],
  layout: LayoutDef,
  template = false,
): string {
  let out = firstParagraphPropsOnly(xml);
  out = out.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (sp) => {
    const m = new RegExp(
      `<p:cNvPr id="\\d+" name="${FRAME_MARK}(\\d+)"><\\/p:cNvPr><p:cNvSpPr\\/><p:nvPr><\\/p:nvPr>`,
    ).exec(sp);
    if (!m) return sp;
    const k = Number(m[1]);
    const frame = frames[k];
    if (!frame) throw new Error(`briefdeck bug: no frame ${k} on the slide`);
    const slot = frame.placeholder ? layout.slots[frame.placeholder] : undefined;
    const nv = slot
      ? `<p:cNvPr id="0" name="${slot.name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${slot.ph}</p:nvPr>`
      : `<p:cNvPr id="0" name="Text ${k}"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr>`;
    let out = withParagraphProps(sp.replace(m[0], nv), paragraphPropsXml(frame));
    // A template's placeholder may set vertical text or columns, which the plan does not lay out: the slide says
    // horizontal, one column.
    if (template && slot)
      out = out
        .replace(/<a:bodyPr\b(?![^>]*\svert=)/, '<a:bodyPr vert="horz"')
        .replace(/<a:bodyPr\b(?![^>]*\snumCol=)/, '<a:bodyPr numCol="1"');
    return out;
  });
  const number = layout.slots.slideNumber;
  out = out.replace(/<p:ph type="sldNum" sz="quarter" idx="4294967295"\/>/g, number ? number.ph : '');
  const content = layout.slots.content;
  if (content)
    out = out.replace(
      /(<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"\/><\/p:cNvGraphicFramePr>\s*<p:nvPr>)/g,
      `$1${content.ph}`,
    );
  out = out.replace(/<a:tbl>[\s\S]*?<\/a:tbl>/g, tableWithStyle);
  out = out.replace(/<a:ln><\/a:ln>/g, '');
  out = tagLanguages(out, language);
  return renumberShapes(out);
}

/** Header row, banding and the table style by reference; direct formatting pptxgenjs adds by default removed. */
function tableWithStyle(tbl: string): string {
  return tbl
    .replace(
      '<a:tblPr/>',
      `<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>${TABLE_STYLE_ID}</a:tableStyleId></a:tblPr>`,
    )
    .replace(/<a:ln[LRTB] w="0" cap="flat" cmpd="sng" algn="ctr"><a:noFill\/><\/a:ln[LRTB]>/g, '')
    .replace(/(<a:rPr[^>]*>)<a:solidFill><a:srgbClr val="000000"\/><\/a:solidFill>(?!<a:hlinkClick)/g, '$1');
}

/**
 * `lang` per run as written; `altLang` (the UI language, the deck's) only beside East Asian text, as PowerPoint writes
 * it.
 */
function tagLanguages(xml: string, language: string): string {
  const ui = isEastAsian(language) ? 'en-US' : language;
  return xml
    .replace(/ lang="([^"]+)" altLang="en-US"/g, (_m, lang: string) =>
      isEastAsian(lang) ? ` lang="${lang}" altLang="${ui}"` : ` lang="${lang}"`,
    )
    .replace(/<a:endParaRPr lang="en-US"/g, `<a:endParaRPr lang="${language}"`);
}

/** Shape ids 1, 2, 3… in document order (the shape tree itself is 1). */
export function renumberShapes(xml: string): string {
  let n = 0;
  return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${++n}"`);
}

/** A shape's paragraphs, each starting with the given `a:pPr` in place of the one it had. */
function withParagraphProps(sp: string, pPrs: readonly string[]): string {
  // pptxgenjs writes an empty paragraph for a frame without any.
  if (pPrs.length === 0) return sp;
  let i = 0;
  const out = sp.replace(PARAGRAPH, (_whole, inner: string) => {
    const pPr = pPrs[i++];
    if (pPr === undefined) throw new Error('briefdeck bug: a shape has more paragraphs than its frame');
    return `<a:p>${pPr}${inner.replace(/^<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/, '')}</a:p>`;
  });
  if (i !== pPrs.length) throw new Error(`briefdeck bug: a shape has ${i} paragraphs, its frame ${pPrs.length}`);
  return out;
}

const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const PPR = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

const PPR_START = /<a:pPr\b/g;

export function firstParagraphPropsOnly(xml: string): string {
  return xml.replace(PARAGRAPH, (whole, inner: string) => {
    // Most paragraphs have one run, so at most the one pPr that opens them: nothing to remove.
    PPR_START.lastIndex = 0;
    const first = PPR_START.exec(inner);
    if (!first) return whole;
    if (first.index === 0) {
      PPR_START.lastIndex = 1;
      if (!PPR_START.test(inner)) return whole;
    }
    let seen = false;
    const fixed = inner.replace(PPR, (ppr, offset: number) => {
      // Only a pPr that opens the paragraph is legal.
      if (!seen && offset === 0) {
        seen = true;
        return ppr;
      }
      return '';
    });
    return fixed === inner ? whole : `<a:p>${fixed}</a:p>`;
  });
}
