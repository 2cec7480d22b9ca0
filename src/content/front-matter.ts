/**
 * Split `---` front matter from a section file. Returns the YAML text, the
 * body, and how many lines the front matter took (so body positions can be
 * shifted back to file lines).
 */
export function splitFrontMatter(text: string): { yaml?: string; body: string; bodyLine: number; yamlLine: number } {
  const m = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { body: text, bodyLine: 1, yamlLine: 0 };
  const consumed = m[0];
  const lines = consumed.split('\n').length - (consumed.endsWith('\n') ? 1 : 0);
  return { yaml: m[1], body: text.slice(consumed.length), bodyLine: lines + 1, yamlLine: 2 };
}
