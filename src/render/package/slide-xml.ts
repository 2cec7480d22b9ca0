import { isEastAsian } from '../language.js';
import { PLACEHOLDER_MARK, PLACEHOLDERS, type PlaceholderRole } from '../placeholders.js';
import { TABLE_STYLE_ID } from './table-style-xml.js';

/**
 * Repairs and completions of a slide part as pptxgenjs writes it, each
 * where pptxgenjs cannot be told to write it right:
 * - one `<a:pPr>` per paragraph (pptxgenjs writes one before every run of a
 *   mixed-format paragraph: a schema error, PR #1083 unmerged);
 * - shapes the frame writer marked become the layout's placeholders;
 * - the slide number fills the layout's slide number placeholder;
 * - tables: header row and banding flags and the deck's table style, with
 *   pptxgenjs's per-cell `noFill` borders and default black text removed so
 *   the style shows;
 * - no empty `<a:ln>` (a reported repair trigger);
 * - shape ids unique in the slide (pptxgenjs gives a table and a text box
 *   the same id, and every slide number id 25);
 * - `altLang` only beside East Asian text, naming the deck's language.
 */
export function fixSlideXml(xml: string, language: string): string {
  let out = firstParagraphPropsOnly(xml);
  out = out.replace(/<p:cNvPr id="\d+" name="([^"]*)"><\/p:cNvPr><p:cNvSpPr\/><p:nvPr><\/p:nvPr>/g, (whole, name: string) => {
    if (!name.startsWith(PLACEHOLDER_MARK)) return whole;
    const spec = PLACEHOLDERS[name.slice(PLACEHOLDER_MARK.length) as PlaceholderRole];
    if (!spec) throw new Error(`briefdeck bug: unknown placeholder mark \`${name}\``);
    return `<p:cNvPr id="0" name="${spec.name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${spec.ph}</p:nvPr>`;
  });
  out = out.replace(/<p:ph type="sldNum" sz="quarter" idx="4294967295"\/>/g, PLACEHOLDERS.slideNumber.ph);
  out = out.replace(/(<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"\/><\/p:cNvGraphicFramePr>\s*<p:nvPr>)/g, `$1${PLACEHOLDERS.content.ph}`);
  out = out.replace(/<a:tbl>[\s\S]*?<\/a:tbl>/g, tableWithStyle);
  out = out.replace(/<a:ln><\/a:ln>/g, '');
  out = tagLanguages(out, language);
  return renumberShapes(out);
}

/** Header row, banding and the table style by reference; direct formatting pptxgenjs adds by default removed. */
function tableWithStyle(tbl: string): string {
  return tbl
    .replace('<a:tblPr/>', `<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>${TABLE_STYLE_ID}</a:tableStyleId></a:tblPr>`)
    .replace(/<a:ln[LRTB] w="0" cap="flat" cmpd="sng" algn="ctr"><a:noFill\/><\/a:ln[LRTB]>/g, '')
    .replace(/(<a:rPr[^>]*>)<a:solidFill><a:srgbClr val="000000"\/><\/a:solidFill>(?!<a:hlinkClick)/g, '$1');
}

/** `lang` per run as written; `altLang` (the UI language, the deck's) only beside East Asian text, as PowerPoint writes it. */
function tagLanguages(xml: string, language: string): string {
  const ui = isEastAsian(language) ? 'en-US' : language;
  return xml
    .replace(/ lang="([^"]+)" altLang="en-US"/g, (_m, lang: string) => (isEastAsian(lang) ? ` lang="${lang}" altLang="${ui}"` : ` lang="${lang}"`))
    .replace(/<a:endParaRPr lang="en-US"/g, `<a:endParaRPr lang="${language}"`);
}

/** Shape ids 1, 2, 3… in document order (the shape tree itself is 1). */
export function renumberShapes(xml: string): string {
  let n = 0;
  return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${++n}"`);
}

const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const PPR = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

export function firstParagraphPropsOnly(xml: string): string {
  return xml.replace(PARAGRAPH, (whole, inner: string) => {
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
