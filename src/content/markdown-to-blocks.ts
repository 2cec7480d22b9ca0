import { Marked, Tokenizer, type Token, type Tokens } from 'marked';
import type { Block, ListBlock, Run } from '../model/article.js';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import { runsText } from '../model/article.js';
import { inlineToRuns, type InlineFindings } from './inline.js';
import { tableToBlock } from './table.js';
import { calloutFromQuote } from './callout.js';
import { columnsToBlock } from './columns-block.js';
import { splitFencedDivs } from './fenced-divs.js';
import { captionParagraph, captionTable } from './caption-table.js';
import type { TableBlock } from '../model/article.js';
import type { FootnoteDef } from '../model/sources.js';
import { sourceSyntax, type FootnoteDefToken } from './source-syntax.js';
import { BlockOffsets } from './block-offsets.js';

export interface ParsedBody {
  title?: { runs: Run[]; position: Position };
  blocks: Block[];
  diagnostics: Diagnostic[];
  /** Footnote definitions, `[^id]: text`. */
  footnotes: FootnoteDef[];
}

/** GFM with footnotes and citations (one instance: the extensions keep no state between documents). */
const markdown = new Marked({ gfm: true }, sourceSyntax);

/**
 * Lex a section body (front matter removed) into blocks with positions.
 * marked tokens carry no positions, but top-level `raw` strings concatenate to
 * the source exactly, so we count lines as we go.
 */
export function markdownToBlocks(body: string, file: string, firstLine: number): ParsedBody {
  const { parts, diagnostics } = splitFencedDivs(body, file, firstLine);
  const out: ParsedBody = { blocks: [], diagnostics, footnotes: [] };
  for (const part of parts)
    if (part.kind === 'text') lexInto(part.text, file, part.line, out);
    else out.blocks.push(columnsToBlock(part, file, out, lexInto));
  return out;
}

function lexInto(body: string, file: string, firstLine: number, out: ParsedBody): void {
  // A tokenizer of its own for each body: marked's lexer hangs itself, with every token it made, on the tokenizer it
  // uses, and a shared one kept the last section's tokens alive (hundreds of MB for 1.6 MB of emphasis) until the next.
  const tokens = markdown.lexer(body, { ...markdown.defaults, tokenizer: new Tokenizer() });
  let line = firstLine;
  // The table a caption paragraph (`: Title {chart=column}`) right after it belongs to.
  let table: { block: TableBlock; raw: string } | undefined;
  for (const token of tokens) {
    // Leading blank lines belong to the raw; the block starts at its first non-blank line.
    const lead = /^\n*/.exec(token.raw)![0].length;
    const position: Position = { file, line: line + lead, column: 1 };
    line += countNewlines(token.raw);
    if (token.type === 'space') continue;
    if (table) {
      const caption = token.type === 'paragraph' ? captionParagraph(token.raw) : undefined;
      captionTable(
        table.block,
        table.raw,
        caption === undefined ? undefined : { text: caption, position },
        out.diagnostics,
      );
      table = undefined;
      if (caption !== undefined) continue;
    }
    const at = out.blocks.length;
    blockFromToken(token, position, out);
    if (token.type === 'table') table = { block: out.blocks[at] as TableBlock, raw: token.raw };
  }
  if (table) captionTable(table.block, table.raw, undefined, out.diagnostics);
}

function blockFromToken(token: Token, position: Position, out: ParsedBody): void {
  // Offsets inside the block count from its first non-blank line, like `position`.
  const raw = token.raw.replace(/^\n+/, '');
  const found: InlineFindings = { html: [], images: [], marks: [] };
  const inline = (ts: Token[] | undefined) => inlineToRuns(ts ?? [], found);
  switch (token.type) {
    case 'space':
    case 'def':
      return;
    case 'footnoteDef': {
      const d = token as FootnoteDefToken;
      const runs: Run[] = [];
      for (const t of d.tokens) {
        if (t.type === 'space') continue;
        if (runs.length > 0) runs.push({ text: '', breakBefore: true });
        inlineToRuns('tokens' in t && t.tokens ? (t.tokens as Token[]) : [t], found, {}, runs);
      }
      out.footnotes.push({ id: d.label, runs, position });
      break;
    }
    case 'heading': {
      const h = token as Tokens.Heading;
      const runs = inline(h.tokens);
      if (h.depth === 1 && !out.title && out.blocks.length === 0) out.title = { runs, position };
      else if (h.depth === 1) {
        out.diagnostics.push(
          diagnostic(
            'warning',
            'extra-section-heading',
            position,
            `Unexpected second \`# \` heading \`${runsText(runs)}\`, expected one per section file`,
            'start a new section file, or use `## ` for a sub-heading',
          ),
        );
        out.blocks.push({ type: 'heading', depth: 2, runs, position });
      } else out.blocks.push({ type: 'heading', depth: h.depth, runs, position });
      break;
    }
    case 'paragraph': {
      const p = token as Tokens.Paragraph;
      const runs = inline(p.tokens);
      if (runs.some((r) => r.text.trim() !== '')) out.blocks.push({ type: 'paragraph', runs, position });
      break;
    }
    case 'list':
      out.blocks.push(listToBlock(token as Tokens.List, position, found));
      break;
    case 'table':
      out.blocks.push(tableToBlock(token as Tokens.Table, position, found, out.diagnostics));
      break;
    case 'blockquote': {
      const q = token as Tokens.Blockquote;
      const callout = calloutFromQuote(q, position, found);
      if (callout) {
        out.blocks.push(callout);
        break;
      }
      const paragraphs: Run[][] = [];
      for (const t of q.tokens) {
        if (t.type === 'space') continue;
        const runs = inline(
          'tokens' in t ? (t.tokens as Token[]) : [{ type: 'text', raw: t.raw, text: t.raw } as Tokens.Text],
        );
        if (runs.length > 0) paragraphs.push(runs);
      }
      // A quote of blank lines (`>` alone) shows nothing: no slide for it.
      if (paragraphs.some((runs) => runs.some((r) => r.text.trim() !== '')))
        out.blocks.push({ type: 'quote', paragraphs, position });
      break;
    }
    case 'code': {
      const c = token as Tokens.Code;
      out.blocks.push({ type: 'code', lang: c.lang ?? '', text: c.text, position });
      break;
    }
    case 'html': {
      const raw = token.raw.trim();
      if (!raw.startsWith('<!--')) found.html.push(raw);
      break;
    }
    case 'hr':
      break;
    default:
      if ('text' in token && typeof token.text === 'string' && token.text.trim() !== '')
        out.blocks.push({ type: 'paragraph', runs: [{ text: token.text }], position });
  }
  // Everything found is placed in the block in document order: each list is searched from where its last find ended.
  const offsets = new BlockOffsets(raw, position.line);
  const image = offsets.inOrder();
  for (const img of found.images) {
    out.blocks.push({
      type: 'image',
      src: img.href,
      alt: img.text,
      title: img.title ?? undefined,
      position: { ...position, ...offsets.at(image(img.raw)) },
    });
  }
  // Markers and citations in the order met: each found after the previous one in the block's text.
  const mark = offsets.inOrder();
  for (const m of found.marks ?? []) {
    const at = { ...position, ...offsets.at(mark(m.raw)) };
    if (m.run.note) m.run.note.position = at;
    if (m.run.cite) m.run.cite.position = at;
  }
  const html = offsets.inOrder();
  for (const h of found.html) {
    out.diagnostics.push(
      diagnostic(
        'warning',
        'raw-html',
        { ...position, ...offsets.at(html(h)) },
        `Unexpected raw HTML \`${clip(h)}\`: it is dropped from the deck`,
        'use Markdown instead',
      ),
    );
  }
  const link = offsets.inOrder();
  for (const l of found.unsafeLinks?.splice(0) ?? []) {
    out.diagnostics.push(
      diagnostic(
        'warning',
        'unsafe-link',
        { ...position, ...offsets.at(link(l.raw)) },
        `Unexpected link target \`${clip(l.href)}\`, expected an \`http\`, \`https\` or \`mailto\` address or an in-deck \`#anchor\`: the link is dropped and its text kept`,
        'link to a web address instead',
      ),
    );
  }
  strayEmphasis(token, raw, position, out.diagnostics);
}

function listToBlock(list: Tokens.List, position: Position, found: InlineFindings): ListBlock {
  const offsets = new BlockOffsets(list.raw.replace(/^\n+/, ''), position.line);
  const itemAt = offsets.inOrder();
  const items = list.items.map((item) => {
    const { line } = offsets.at(itemAt(item.raw));
    const runs: Run[] = [];
    const children: ListBlock[] = [];
    for (const t of item.tokens) {
      if (t.type === 'list') children.push(listToBlock(t as Tokens.List, { ...position, line: line + 1 }, found));
      else if (t.type === 'checkbox' || t.type === 'space') continue;
      else {
        if (runs.length > 0) runs.push({ text: '', breakBefore: true });
        inlineToRuns('tokens' in t && t.tokens ? (t.tokens as Token[]) : [t], found, {}, runs);
      }
    }
    return { runs, children, checked: item.task ? item.checked : undefined, position: { ...position, line } };
  });
  const start = typeof list.start === 'number' ? list.start : 1;
  return { type: 'list', ordered: list.ordered, start, items, position };
}

/**
 * `**` or `__` left in text after lexing is emphasis that never closed: the
 * author meant something, and the deck would show the asterisks. Linear in
 * the block: each emphasis, code span or escape is found from where the last
 * one ended (tokens come in document order) and blanked once, and what is
 * blanked is not entered.
 */
function strayEmphasis(token: Token, blockRaw: string, position: Position, ds: Diagnostic[]): void {
  if (!blockRaw.includes('**') && !blockRaw.includes('__')) return;
  const blanked: [number, number][] = [];
  let cursor = 0;
  walk(token, (t) => {
    if (t.type !== 'strong' && t.type !== 'em' && t.type !== 'codespan' && t.type !== 'escape') return true;
    const at = blockRaw.indexOf(t.raw, cursor);
    // A token whose raw is not the source's (re-indented in a nested list item) is left as it is.
    if (at < 0) return false;
    blanked.push([at, at + t.raw.length]);
    cursor = at + t.raw.length;
    return false;
  });
  let raw = '';
  let from = 0;
  for (const [a, b] of blanked) {
    raw += blockRaw.slice(from, a) + blockRaw.slice(a, b).replace(/[^\n]/g, ' ');
    from = b;
  }
  raw = (raw + blockRaw.slice(from)).replace(/`[^`\n]*`/g, (s) => s.replace(/[^\n]/g, ' '));
  const m = /(\*\*|__)/.exec(raw);
  if (!m) return;
  const at = new BlockOffsets(blockRaw, position.line).at(m.index);
  ds.push(
    diagnostic(
      'warning',
      'unmatched-emphasis',
      { ...position, ...at },
      `Unexpected \`${m[1]}\` with no closing \`${m[1]}\`: the slide will show it literally`,
      `close the bold text or escape it as \`\\${m[1][0]}\\${m[1][0]}\``,
    ),
  );
}

/**
 * Every token under `t` in document order, without recursion (the depth is bounded by the nesting limit, but a walk
 * of ours never relies on it); `f` returns false to skip a token's children.
 */
function walk(t: Token, f: (t: Token) => boolean): void {
  const stack: Token[] = [t];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (!f(cur)) continue;
    // Pushed in reverse, so they come off the stack in document order (no spread: a paragraph may hold 100,000 tokens).
    const groups: Token[][] = [];
    if ('tokens' in cur && Array.isArray(cur.tokens)) groups.push(cur.tokens as Token[]);
    if (cur.type === 'list') groups.push((cur as Tokens.List).items);
    if (cur.type === 'table') {
      const tb = cur as Tokens.Table;
      for (const c of tb.header) groups.push(c.tokens);
      for (const r of tb.rows) for (const c of r) groups.push(c.tokens);
    }
    for (let g = groups.length - 1; g >= 0; g--)
      for (let k = groups[g].length - 1; k >= 0; k--) stack.push(groups[g][k]);
  }
}

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s).replace(/\n/g, ' ');
