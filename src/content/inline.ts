import { decodeHTML } from 'entities';
import type { Token, Tokens } from 'marked';
import type { Run } from '../model/article.js';
import type { CitationToken, FootnoteRefToken } from './source-syntax.js';

export interface InlineFindings {
  /** Raw HTML that was dropped. */
  html: string[];
  /** Images met inline (returned so the caller can make image blocks of them). */
  images: Tokens.Image[];
  /** Footnote markers and citations met, with their source text, in order (the caller gives them positions). */
  marks?: { run: Run; raw: string }[];
}

type Style = Omit<Run, 'text'>;

/**
 * marked inline tokens → runs. Soft breaks become spaces: a `\n` inside a
 * pptxgenjs run starts a new bulleted paragraph.
 */
export function inlineToRuns(
  tokens: readonly Token[],
  found: InlineFindings,
  style: Style = {},
  out: Run[] = [],
): Run[] {
  for (const t of tokens) {
    switch (t.type) {
      case 'text': {
        const tt = t as Tokens.Text;
        if (tt.tokens && tt.tokens.length > 0) inlineToRuns(tt.tokens, found, style, out);
        else push(out, decodeHTML(tt.text).replace(/\s*\n\s*/g, ' '), style);
        break;
      }
      case 'escape':
        push(out, (t as Tokens.Escape).text, style);
        break;
      case 'strong':
        inlineToRuns((t as Tokens.Strong).tokens, found, { ...style, bold: true }, out);
        break;
      case 'em':
        inlineToRuns((t as Tokens.Em).tokens, found, { ...style, italic: true }, out);
        break;
      case 'del':
        inlineToRuns((t as Tokens.Del).tokens, found, { ...style, strike: true }, out);
        break;
      case 'codespan':
        push(out, decodeHTML((t as Tokens.Codespan).text), { ...style, code: true });
        break;
      case 'link': {
        const l = t as Tokens.Link;
        inlineToRuns(l.tokens, found, { ...style, href: l.href }, out);
        break;
      }
      case 'br':
        out.push({ text: '', ...style, breakBefore: true });
        break;
      case 'image':
        found.images.push(t as Tokens.Image);
        break;
      case 'footnoteRef': {
        const f = t as FootnoteRefToken;
        // The text stays as written until the deck is numbered; the position is filled in by the caller.
        mark(out, found, f.raw, { ...style, note: { id: f.label, position: NOWHERE } });
        break;
      }
      case 'citation': {
        const c = t as CitationToken;
        mark(out, found, c.raw, { ...style, cite: { items: c.items, inText: c.inText, position: NOWHERE } });
        break;
      }
      case 'html': {
        const raw = (t as Tokens.HTML).raw;
        if (/^<br\s*\/?>$/i.test(raw.trim())) out.push({ text: '', ...style, breakBefore: true });
        else if (!raw.trim().startsWith('<!--')) found.html.push(raw);
        break;
      }
      default:
        if ('tokens' in t && Array.isArray(t.tokens)) inlineToRuns(t.tokens as Token[], found, style, out);
        else if ('text' in t && typeof t.text === 'string') push(out, t.text, style);
    }
  }
  return out;
}

const NOWHERE = { file: '', line: 0, column: 0 };

/** A marker is a run of its own (never merged), so the planner can number or format it in place. */
function mark(out: Run[], found: InlineFindings, raw: string, style: Style): void {
  const run: Run = { text: raw, ...style };
  out.push(run);
  (found.marks ??= []).push({ run, raw });
}

/** Merge with the previous run when the style is the same, so pptxgenjs gets fewer runs. */
function push(out: Run[], text: string, style: Style): void {
  if (text === '') return;
  const prev = out[out.length - 1];
  // A run that starts with a break keeps it: appending text after the break is still after it.
  if (prev && sameStyle(prev, style)) prev.text += text;
  else out.push({ text, ...style });
}

function sameStyle(a: Style, b: Style): boolean {
  return (
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.strike === !!b.strike &&
    !!a.code === !!b.code &&
    a.href === b.href &&
    !a.note &&
    !a.cite &&
    !b.note &&
    !b.cite
  );
}
