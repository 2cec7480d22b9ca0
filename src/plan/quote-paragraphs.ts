import type { Run } from '../model/article.js';
import type { Paragraph } from '../model/text-frame.js';

/** A dash that opens an attribution: em dash, en dash, horizontal bar or a typed `--`. */
const ATTRIBUTION = /(?:^|\s)(?:—|–|―|--)\s*(\S[^—–―]*)$/u;

/**
 * A block quote as a designer sets it: the words in italic between typographic quotes (“…”, replacing straight ones
 * the author typed), and the attribution, the text after a closing dash (`— Name`, on its own line or run on), on a
 * line of its own in roman.
 */
export function quoteParagraphs(paragraphs: readonly Run[][]): Paragraph[] {
  const ps = paragraphs.map((runs) => runs.map((r) => ({ ...r })));
  let attribution: Run[] | undefined;
  const last = ps[ps.length - 1];
  if (last) {
    const text = last.map((r) => r.text).join('');
    const m = ATTRIBUTION.exec(text);
    if (m && m.index > 0) {
      ps[ps.length - 1] = trimEnd(splitAt(last, m.index)[0]);
      attribution = [{ text: `— ${m[1].trim()}` }];
    } else if (m && ps.length > 1) {
      ps.pop();
      attribution = [{ text: `— ${m[1].trim()}` }];
    }
  }
  const words = ps.filter((p) => p.some((r) => r.text.trim() !== ''));
  if (words.length > 0) {
    openQuote(words[0]);
    closeQuote(words[words.length - 1]);
  }
  return [
    ...words.map((runs) => paragraph(runs.map((r) => ({ ...r, italic: true })))),
    ...(attribution ? [paragraph(attribution)] : []),
  ];
}

const paragraph = (runs: Run[]): Paragraph => ({ runs, level: 0, bullet: 'none' });

function openQuote(runs: Run[]): void {
  const r = runs.find((x) => x.text !== '');
  if (!r) return;
  r.text = r.text.replace(/^\s*["“„«]?/u, '“');
}

function closeQuote(runs: Run[]): void {
  const r = [...runs].reverse().find((x) => x.text.trim() !== '');
  if (!r) return;
  r.text = r.text.replace(/["”»]?\s*$/u, '”');
}

/** Runs before and after a character offset. */
function splitAt(runs: Run[], offset: number): [Run[], Run[]] {
  const before: Run[] = [];
  const after: Run[] = [];
  let at = 0;
  for (const r of runs) {
    const end = at + r.text.length;
    if (end <= offset) before.push(r);
    else if (at >= offset) after.push(r);
    else {
      before.push({ ...r, text: r.text.slice(0, offset - at) });
      after.push({ ...r, text: r.text.slice(offset - at), breakBefore: false });
    }
    at = end;
  }
  return [before, after];
}

function trimEnd(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  for (let i = out.length - 1; i >= 0; i--) {
    out[i].text = out[i].text.replace(/\s+$/u, '');
    if (out[i].text !== '') break;
    out.pop();
  }
  return out;
}
