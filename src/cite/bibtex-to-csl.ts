import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { CslEntry } from './csl-item.js';

/**
 * A BibTeX file → CSL JSON entries, by citation-js's BibTeX parser (which maps BibTeX's fields and types onto CSL's).
 * Each `@type{…}` is parsed on its own, after the file's `@string` definitions, so a malformed entry is an error at
 * its own line (a missing brace would otherwise be reported at the end of the file) and the other entries still load.
 */
export function bibtexToCsl(text: string, file: string): { entries: CslEntry[]; diagnostics: Diagnostic[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const chunks: { line: number; column: number; kind: string; text: string }[] = [];
  lines.forEach((l, i) => {
    const m = /^(\s*)@\s*([A-Za-z]+)\s*[{(]/.exec(l);
    if (m) chunks.push({ line: i + 1, column: m[1].length + 1, kind: m[2].toLowerCase(), text: '' });
    if (chunks.length > 0) chunks[chunks.length - 1].text += `${l}\n`;
  });
  const strings = chunks
    .filter((c) => c.kind === 'string')
    .map((c) => c.text)
    .join('');
  const entries: CslEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const c of chunks) {
    if (c.kind === 'string' || c.kind === 'preamble' || c.kind === 'comment') continue;
    const at = { file, line: c.line, column: c.column };
    let items: Record<string, unknown>[];
    try {
      items = plugins.input.chain(`${strings}${c.text}`, { target: '@csl/list+object', generateGraph: false });
    } catch (e) {
      const first = e instanceof Error ? e.message.split('\n')[0] : String(e);
      // citation-js says only that it does not recognise the text when an entry never closes.
      const why = /not supported or recognized/i.test(first) ? 'a `{` or `"` is never closed' : first;
      diagnostics.push(
        diagnostic(
          'error',
          'bibtex-malformed',
          at,
          `Malformed BibTeX entry \`${entryName(c.text)}\`: ${why.replace(/\s+at line \d+ col \d+:?$/, '')}`,
          'check its braces and quotes, and that fields are separated by commas',
        ),
      );
      continue;
    }
    const item = items[0];
    if (items.length !== 1 || !item || typeof item.id !== 'string' || item.id === '') {
      diagnostics.push(
        diagnostic(
          'error',
          'bibtex-malformed',
          at,
          `Malformed BibTeX entry \`${entryName(c.text)}\`: expected \`@type{key, field = {value}, …}\``,
        ),
      );
      continue;
    }
    delete item['citation-key'];
    entries.push({ id: item.id, item, position: at });
  }
  return { entries, diagnostics };
}

const entryName = (chunk: string) => /^\s*(@\s*[A-Za-z]+\s*[{(][^,\n]*)/.exec(chunk)?.[1] ?? chunk.slice(0, 30);
