/** Repairs of presentation.xml and notes slides as pptxgenjs writes them. */

/**
 * `<p:notesMasterIdLst>` where the schema wants it, right after `<p:sldMasterIdLst>` (pptxgenjs writes it after the
 * slides).
 */
export function notesMasterAfterSlideMasters(xml: string): string {
  const m = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(xml);
  if (!m) return xml;
  const without = xml.replace(m[0], '');
  return without.replace(/(<\/p:sldMasterIdLst>)/, `$1${m[0]}`);
}

/** Section ids from a counter instead of pptxgenjs's random GUIDs, for reproducible bytes. */
export function stableSectionIds(xml: string): string {
  let n = 0;
  return xml.replace(
    /(<p14:section [^>]*id=")\{[0-9A-Fa-f-]{36}\}/g,
    (_m, p: string) => `${p}{${(++n).toString(16).padStart(8, '0').toUpperCase()}-0000-4000-8000-000000000000}`,
  );
}

const NOTES_RUN = /<a:p><a:r>(<a:rPr[^>]*\/>)<a:t>([^<]*\n[^<]*)<\/a:t><\/a:r>(?:<a:endParaRPr[^>]*\/>)?<\/a:p>/g;

/**
 * Speaker notes as real paragraphs: pptxgenjs writes them as one run with line breaks inside `<a:t>`, which XML readers
 * fold away.
 */
export function notesParagraphs(xml: string): string {
  return xml.replace(NOTES_RUN, (_m, rPr: string, text: string) =>
    text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => `<a:p><a:r>${rPr}<a:t>${line}</a:t></a:r></a:p>`)
      .join(''),
  );
}
