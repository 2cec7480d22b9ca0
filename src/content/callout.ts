import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Run } from '../model/article.js';
import type { Position } from '../model/diagnostic.js';
import { CALLOUT_KINDS, type CalloutBlock, type CalloutKind } from '../model/columns.js';
import { inlineToRuns, type InlineFindings } from './inline.js';

/** The labels GitHub shows for its alerts; a deck renames them in deck.yaml `callouts:`. */
export const DEFAULT_CALLOUT_LABELS: Record<CalloutKind, string> = {
  NOTE: 'Note',
  TIP: 'Tip',
  IMPORTANT: 'Important',
  WARNING: 'Warning',
  CAUTION: 'Caution',
};

const MARKER = /^\s*\[!([A-Za-z]+)\][ \t]*(?:\n|$)/;

/**
 * A block quote that opens with GitHub's alert marker (`> [!IMPORTANT]` alone on its first line) as a callout: its
 * Markdown after the marker, lexed again, one paragraph per paragraph or list item. Any other quote is left a quote
 * (GitHub, too, shows an unknown `[!KIND]` as a plain quote).
 */
export function calloutFromQuote(
  q: Tokens.Blockquote,
  position: Position,
  found: InlineFindings,
): CalloutBlock | undefined {
  const m = MARKER.exec(q.text);
  const kind = m?.[1].toUpperCase() as CalloutKind | undefined;
  if (!m || !kind || !CALLOUT_KINDS.includes(kind)) return undefined;
  const paragraphs: Run[][] = [];
  const visit = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'list') for (const item of (t as Tokens.List).items) visit(item.tokens);
      else if (t.type === 'blockquote') visit((t as Tokens.Blockquote).tokens);
      else if ('tokens' in t && t.tokens && t.type !== 'table') {
        const runs = inlineToRuns(t.tokens as Token[], found);
        if (runs.some((r) => r.text.trim() !== '')) paragraphs.push(runs);
      } else if ('text' in t && typeof t.text === 'string' && t.text.trim() !== '') paragraphs.push([{ text: t.text }]);
    }
  };
  visit(new Lexer({ gfm: true }).lex(q.text.slice(m[0].length)));
  return { type: 'callout', kind, label: DEFAULT_CALLOUT_LABELS[kind], paragraphs, position };
}

/** The deck's own labels (deck.yaml `callouts:`) on every callout of its sections, columns included. */
export function withCalloutLabels<S extends { blocks: Block[] }>(
  sections: S[],
  labels: Partial<Record<CalloutKind, string>> | undefined,
): S[] {
  if (!labels) return sections;
  const relabel = (b: Block): Block =>
    b.type === 'callout'
      ? { ...b, label: labels[b.kind] ?? b.label }
      : b.type === 'columns'
        ? { ...b, columns: b.columns.map((c) => ({ ...c, blocks: c.blocks.map(relabel) })) }
        : b;
  return sections.map((s) => ({ ...s, blocks: s.blocks.map(relabel) }));
}
