import { readZip, writeZip, type ZipEntry } from '../util/zip.js';

/**
 * Repair and normalise pptxgenjs output:
 * - keep only the first `<a:pPr>` of each paragraph (pptxgenjs writes one
 *   before every run of a mixed-format paragraph: a schema error that
 *   PowerPoint reports as needing repair; pptxgenjs PR #1083, unmerged);
 * - split speaker notes into real paragraphs (pptxgenjs writes them as one
 *   run with line breaks inside `<a:t>`, which XML readers fold away);
 * - put `<p:notesMasterIdLst>` where the schema wants it, right after
 *   `<p:sldMasterIdLst>`;
 * - replace random section GUIDs and the wall-clock creation dates, and
 *   write the zip with fixed entry dates, so builds are reproducible.
 */
export async function normalizePptx(buf: Uint8Array, timestamp: string): Promise<Uint8Array> {
  const out: ZipEntry[] = [];
  const utf8 = new TextEncoder();
  const text = new TextDecoder();
  for (const { name, data: bytes } of readZip(buf)) {
    let data = bytes;
    if (/^(ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+|ppt\/presentation|docProps\/core)\.xml$/.test(name)) {
      let xml = text.decode(bytes);
      if (/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(name)) xml = firstParagraphPropsOnly(xml);
      if (/^ppt\/notesSlides\/[^/]+\.xml$/.test(name)) xml = notesParagraphs(xml);
      if (name === 'ppt/presentation.xml') xml = stableSectionIds(notesMasterAfterSlideMasters(xml));
      if (name === 'docProps/core.xml') xml = xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${timestamp}`);
      data = utf8.encode(xml);
    }
    out.push({ name, data });
  }
  return writeZip(out);
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

export function notesMasterAfterSlideMasters(xml: string): string {
  const m = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(xml);
  if (!m) return xml;
  const without = xml.replace(m[0], '');
  return without.replace(/(<\/p:sldMasterIdLst>)/, `$1${m[0]}`);
}

export function stableSectionIds(xml: string): string {
  let n = 0;
  return xml.replace(/(<p14:section [^>]*id=")\{[0-9A-Fa-f-]{36}\}/g, (_m, p: string) => `${p}{${(++n).toString(16).padStart(8, '0').toUpperCase()}-0000-4000-8000-000000000000}`);
}

const NOTES_RUN = /<a:p><a:r>(<a:rPr[^>]*\/>)<a:t>([^<]*\n[^<]*)<\/a:t><\/a:r>(?:<a:endParaRPr[^>]*\/>)?<\/a:p>/g;

export function notesParagraphs(xml: string): string {
  return xml.replace(NOTES_RUN, (_m, rPr: string, text: string) =>
    text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => `<a:p><a:r>${rPr}<a:t>${line}</a:t></a:r></a:p>`)
      .join(''),
  );
}
