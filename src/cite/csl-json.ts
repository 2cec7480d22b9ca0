import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import type { CslEntry } from './csl-item.js';

/**
 * A CSL JSON file (an array of items, as Zotero and pandoc export them) → entries with their lines. JSON syntax
 * errors are reported where `JSON.parse` stopped; an item that is not an object with an `id` and a `type` is an
 * error at its line (found by reading the same text as YAML, of which JSON is a subset, to learn where each item
 * starts).
 */
export function cslJsonToCsl(text: string, file: string): { entries: CslEntry[]; diagnostics: Diagnostic[] } {
  const at = (offset: number): Position => {
    const before = text.slice(0, offset);
    return { file, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const offset = Number(/position (\d+)/.exec(msg)?.[1] ?? 0);
    return {
      entries: [],
      diagnostics: [
        diagnostic(
          'error',
          'csl-json-malformed',
          at(offset),
          `Malformed CSL JSON: ${msg.replace(/ in JSON at.*$/, '')}`,
        ),
      ],
    };
  }
  if (!Array.isArray(data))
    return {
      entries: [],
      diagnostics: [
        diagnostic('error', 'csl-json-malformed', at(0), 'Unexpected CSL JSON, expected an array of items `[{…}]`'),
      ],
    };
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const nodes = isSeq(doc.contents) ? (doc.contents.items as Node[]) : [];
  const entries: CslEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  data.forEach((item: unknown, i) => {
    const start = nodes[i]?.range?.[0];
    const p = start === undefined ? at(0) : at(start);
    const o = item as Record<string, unknown>;
    const ok = isMap(nodes[i]) || (item && typeof item === 'object' && !Array.isArray(item));
    if (!ok || (typeof o.id !== 'string' && typeof o.id !== 'number') || typeof o.type !== 'string') {
      diagnostics.push(
        diagnostic(
          'error',
          'csl-json-malformed',
          p,
          `Malformed CSL JSON item ${i + 1}: expected an object with an \`id\` and a \`type\``,
          'export the bibliography again as CSL JSON',
        ),
      );
      return;
    }
    entries.push({ id: String(o.id), item: { ...o, id: String(o.id) }, position: p });
  });
  return { entries, diagnostics };
}
