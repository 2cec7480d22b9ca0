import { Marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { sourceSyntax } from '../../src/content/source-syntax.js';

/** Every token of a section, depth first, by type. */
function typesOf(src: string): string[] {
  const out: string[] = [];
  const walk = (ts: readonly Token[]) => {
    for (const t of ts) {
      out.push(t.type);
      if ('tokens' in t && t.tokens) walk(t.tokens);
      if (t.type === 'list') for (const item of t.items) walk(item.tokens);
    }
  };
  walk(new Marked({ gfm: true }, sourceSyntax).lexer(src));
  return out;
}
const count = (types: string[], type: string) => types.filter((t) => t === type).length;

describe('footnote and citation syntax looks ahead a bounded window (linear lexing)', () => {
  // Far past the window of characters `start` searches, in emphasis-dense text (one text token per few characters).
  const filler = '**a** '.repeat(2000);

  it('still finds a bracketed citation, an in-text citation and a marker far into a paragraph', () => {
    const types = typesOf(`${filler}[@smith2020, p. 12] and ${filler} as @jones2021 says, and a note.[^1]\n`);
    expect(count(types, 'citation')).toBe(2);
    expect(count(types, 'footnoteRef')).toBe(1);
    expect(count(types, 'strong')).toBe(4000);
  });

  it('finds a definition that interrupts a long paragraph, and one after it, and no text is lost', () => {
    const src = `${'word '.repeat(3000)}\n[^1]: The first note.\n\n${'word '.repeat(3000)}\n\n[^2]: The second note.\n`;
    const tokens = new Marked({ gfm: true }, sourceSyntax).lexer(src);
    expect(tokens.map((t) => t.type).filter((t) => t !== 'space')).toEqual([
      'paragraph',
      'footnoteDef',
      'paragraph',
      'footnoteDef',
    ]);
    expect(tokens.map((t) => t.raw).join('')).toBe(src);
  });

  it('cuts no text token where nothing starts: the text of a long plain paragraph is one token', () => {
    const tokens = new Marked({ gfm: true }, sourceSyntax).lexer(`${'plain words, no syntax '.repeat(1000)}\n`);
    const paragraph = tokens[0] as { tokens: Token[] };
    expect(paragraph.tokens.map((t) => t.type)).toEqual(['text']);
  });
});
