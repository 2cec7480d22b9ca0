import type { MarkedExtension, Token, TokenizerAndRendererExtension, Tokens } from 'marked';

/*
 * The sourcing syntax as GitHub and pandoc write it, as marked extensions:
 * footnote definitions `[^id]: text` (a block, anywhere in the section),
 * footnote markers `[^id]`, and pandoc citations `[@key, p. 12]`, `[@a; @b]`
 * and `@key says`. The patterns are marked-footnote's (GitHub's syntax); we
 * do not use that package itself because it inserts a synthetic token at the
 * front of the token list (which breaks the line counting that gives blocks
 * their positions) and keeps state between documents in module scope.
 */

export interface FootnoteDefToken extends Tokens.Generic {
  type: 'footnoteDef';
  raw: string;
  label: string;
  tokens: Token[];
}

export interface FootnoteRefToken extends Tokens.Generic {
  type: 'footnoteRef';
  raw: string;
  label: string;
}

export interface CitationItemSyntax {
  key: string;
  prefix?: string;
  locator?: string;
  suffix?: string;
  suppressAuthor?: boolean;
}

export interface CitationToken extends Tokens.Generic {
  type: 'citation';
  raw: string;
  items: CitationItemSyntax[];
  inText: boolean;
}

const DEF = /^\[\^([^\]\n]+)\]:(?:[ \t]+|\n*?|$)([^\n]*?(?:\n|$)(?:\n*?[ ]{4,}[^\n]*)*)/;
const REF = /^\[\^([^\]\n]+)\](?!:)/;
/** pandoc's citation key: starts and ends with a letter, digit or `_`; may hold `:.#$%&-+?<>~/` inside. */
const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&\-+?<>~/]*[\p{L}\p{N}_])?`;
const BRACKETED = new RegExp(String.raw`^\[([^\[\]\n]*-?@${KEY}[^\[\]\n]*)\](?![(\[:])`, 'u');
const IN_TEXT = new RegExp(String.raw`^@(${KEY})`, 'u');
const ITEM = new RegExp(String.raw`^(.*?)(-?)@(${KEY})(.*)$`, 'su');
/** Where an in-text `@key` may start: at the start, or after a character that is not part of a word or address. */
const IN_TEXT_START = new RegExp(String.raw`(^|[^\p{L}\p{N}_@.\-+])@${KEY}`, 'u');

/**
 * marked asks an extension's `start` where its syntax may next begin before every text token (inline) or paragraph
 * (block). A search of the whole rest of the section each time makes emphasis-dense text quadratic (400 KB took
 * 18 s), so each search looks at a bounded window instead.
 *
 * Inline: with no match in the first `WINDOW` characters, the window's end less an overlap is returned. marked then
 * only cuts the text token there and joins the two halves again (consecutive text tokens merge), and asks again from
 * that point; a `[` is never inside a text token, so a bracketed citation that straddles the window is still found.
 */
const WINDOW = 2048;
const OVERLAP = 64;
function startWithin(src: string, find: (s: string) => number | undefined): number | undefined {
  if (src.length <= WINDOW) return find(src);
  return find(src.slice(0, WINDOW)) ?? WINDOW - OVERLAP;
}

/**
 * Block: a paragraph is cut where `start` points, so a guess would split a paragraph in two. A definition that
 * interrupts a paragraph is on one of its lines, so the search stops at the paragraph's end (a blank line): the next
 * paragraph is searched when marked reaches it.
 */
function startInParagraph(src: string, re: RegExp): number | undefined {
  const end = /\n[ \t]*(?:\n|$)/.exec(src);
  return re.exec(end ? src.slice(0, end.index) : src)?.index;
}

const footnoteDef: TokenizerAndRendererExtension = {
  name: 'footnoteDef',
  level: 'block',
  start: (src) => startInParagraph(src, /^\[\^[^\]\n]+\]:/m),
  tokenizer(src) {
    const m = DEF.exec(src);
    if (!m) return undefined;
    // Continuation lines are indented four spaces (or a tab), as GitHub reads them.
    const text = m[2]
      .split('\n')
      .map((l) => l.replace(/^(?: {4}|\t)/, ''))
      .join('\n');
    const token: FootnoteDefToken = {
      type: 'footnoteDef',
      raw: m[0],
      label: m[1],
      tokens: this.lexer.blockTokens(text.trim()),
    };
    return token;
  },
  renderer: () => '',
};

const footnoteRef: TokenizerAndRendererExtension = {
  name: 'footnoteRef',
  level: 'inline',
  start: (src) =>
    startWithin(src, (s) => {
      const i = s.indexOf('[^');
      return i < 0 ? undefined : i;
    }),
  tokenizer(src) {
    const m = REF.exec(src);
    if (!m) return undefined;
    const token: FootnoteRefToken = { type: 'footnoteRef', raw: m[0], label: m[1] };
    return token;
  },
  renderer: () => '',
};

const citation: TokenizerAndRendererExtension = {
  name: 'citation',
  level: 'inline',
  start: (src) =>
    startWithin(src, (s) => {
      // Both forms hold an `@`: most text has none, and a plain search is far cheaper than the patterns.
      if (!s.includes('@')) return undefined;
      const b = /\[[^\[\]\n]*@/.exec(s)?.index;
      const t = IN_TEXT_START.exec(s);
      const i = t ? t.index + t[1].length : undefined;
      if (b === undefined) return i;
      return i === undefined ? b : Math.min(b, i);
    }),
  tokenizer(src, tokens) {
    const b = BRACKETED.exec(src);
    if (b) {
      const items = b[1].split(';').map(parseItem);
      if (items.every((x): x is CitationItemSyntax => x !== undefined)) {
        const token: CitationToken = { type: 'citation', raw: b[0], items, inText: false };
        return token;
      }
    }
    const t = IN_TEXT.exec(src);
    if (!t || !afterBoundary(tokens)) return undefined;
    const token: CitationToken = { type: 'citation', raw: t[0], items: [{ key: t[1] }], inText: true };
    return token;
  },
  renderer: () => '',
};

/** The extensions, for `new Marked(sourceSyntax)` or a lexer's options. */
export const sourceSyntax: MarkedExtension = { extensions: [footnoteDef, footnoteRef, citation] };

/** `see @key, p. 12` → prefix `see`, key, locator `p. 12`; pandoc's reading of one item. */
function parseItem(s: string): CitationItemSyntax | undefined {
  const m = ITEM.exec(s.trim());
  if (!m) return undefined;
  const [, prefix, dash, key, rest] = m;
  const item: CitationItemSyntax = { key };
  if (prefix.trim()) item.prefix = prefix.trim();
  if (dash) item.suppressAuthor = true;
  const after = rest.replace(/^\s*,\s*/, '').trim();
  if (after) {
    // A locator is a label and a number (`p. 12`, `chap. 3`, `pp. 4-7`); anything after it is a suffix.
    const loc = /^((?:[a-z]+\.?\s*)?[\dIVXLCivxlc][\w\-–,]*)(.*)$/u.exec(after);
    if (loc) {
      item.locator = loc[1].trim().replace(/,$/, '');
      if (loc[2].trim()) item.suffix = loc[2].trim();
    } else item.suffix = after;
  }
  return item;
}

/** An in-text `@key` directly after a letter or digit is part of an address (`name@host`), not a citation. */
function afterBoundary(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last) return true;
  const ch = last.raw.slice(-1);
  return !/[\p{L}\p{N}_.\-+@]/u.test(ch);
}
