import { decodeHTML } from 'entities';
import type { Run } from '../model/article.js';

/**
 * citeproc-js's HTML output (its own, small vocabulary: `<i>`, `<b>`, `<span style="font-style:italic">`,
 * `<sup>`, `<a href>`, entities) → runs. Tags it does not use for formatting are dropped with their markup only.
 */
export function htmlToRuns(html: string): Run[] {
  const out: Run[] = [];
  const stack: Partial<Run>[] = [];
  const style = (): Partial<Run> => Object.assign({}, ...stack);
  for (const m of html.matchAll(/<(\/?)([a-z]+)([^>]*)>|([^<]+)/gi)) {
    const [, close, tag, attrs, text] = m;
    if (text !== undefined) {
      const t = decodeHTML(text).replace(/\s+/g, ' ');
      if (t) out.push({ text: t, ...style() });
      continue;
    }
    if (tag.toLowerCase() === 'br') continue;
    if (close) {
      stack.pop();
      continue;
    }
    const a = attrs ?? '';
    const t = tag.toLowerCase();
    const s: Partial<Run> = {};
    if (t === 'i' || /font-style:\s*italic/.test(a)) s.italic = true;
    if (t === 'b' || /font-weight:\s*bold/.test(a)) s.bold = true;
    if (t === 'sup') s.superscript = true;
    const href = /href="([^"]*)"/.exec(a)?.[1];
    if (t === 'a' && href) s.href = decodeHTML(href);
    stack.push(s);
  }
  // Trim the entry: citeproc indents and ends lines inside its `div`.
  if (out.length > 0) {
    out[0].text = out[0].text.trimStart();
    out[out.length - 1].text = out[out.length - 1].text.trimEnd();
  }
  return out.filter((r) => r.text !== '');
}

/** The text of citeproc HTML, formatting dropped. */
export const htmlText = (html: string): string =>
  htmlToRuns(html)
    .map((r) => r.text)
    .join('');
