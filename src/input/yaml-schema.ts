import YAML from 'yaml';
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';

export interface YamlParse<T> {
  value?: T;
  diagnostics: Diagnostic[];
  /** Top-level keys the schema does not know (reported as warnings by the caller's rules). */
  unknownKeys: { key: string; line: number; column: number }[];
  /** Where each top-level key's value starts, for problems found later (an unknown theme). */
  keyPositions: Record<string, { file: string; line: number; column: number }>;
}

/**
 * Parse YAML text and check it against a zod schema, mapping every problem to
 * `file:line:col`. `lineOffset` shifts positions for front matter, whose YAML
 * starts below the opening `---`.
 */
export function parseYamlWithSchema<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  opts: { lineOffset?: number; knownKeys?: readonly string[] } = {},
): YamlParse<z.output<S>> {
  const offset = opts.lineOffset ?? 0;
  const lc = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const at = (pos: number) => {
    const { line, col } = lc.linePos(pos);
    return { file, line: line + offset, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) =>
        diagnostic('error', 'yaml-syntax', at(e.pos[0]), `Invalid YAML: ${firstLine(e.message)}`),
      ),
      unknownKeys: [],
      keyPositions: {},
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    // The yaml package refuses documents whose aliases expand past the limit (a "billion laughs" file).
    return { diagnostics: [aliasBomb(doc, at)], unknownKeys: [], keyPositions: {} };
  }
  const unknownKeys: YamlParse<unknown>['unknownKeys'] = [];
  const keyPositions: YamlParse<unknown>['keyPositions'] = {};
  if (YAML.isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const node = YAML.isNode(pair.value) ? pair.value : pair.key;
      if (YAML.isNode(node) && node.range) keyPositions[key] = at(node.range[0]);
      if (opts.knownKeys && !opts.knownKeys.includes(key)) {
        const p = YAML.isNode(pair.key) && pair.key.range ? at(pair.key.range[0]) : { line: 1 + offset, column: 1 };
        unknownKeys.push({ key, line: p.line, column: p.column });
      }
    }
  }
  const r = schema.safeParse(data);
  if (r.success) return { value: r.data, diagnostics: [], unknownKeys, keyPositions };
  const diagnostics = r.error.issues.map((issue) => {
    const path = [...issue.path] as (string | number)[];
    let node: unknown;
    while (path.length > 0 && !(node = doc.getIn(path, true))) path.pop();
    const range = (node as { range?: [number, number] } | undefined)?.range;
    const pos = range ? at(range[0]) : { file, line: 1 + offset, column: 1 };
    const name = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'the document';
    return diagnostic('error', 'invalid-field', pos, `Invalid ${name}: ${issue.message}`);
  });
  return { diagnostics, unknownKeys, keyPositions };
}

const firstLine = (s: string) => s.split('\n')[0];

/**
 * Alias uses allowed when a document is expanded (the yaml package's default): far above any real deck.yaml, far below
 * an exhaustion attack.
 */
export const MAX_ALIAS_COUNT = 100;

function aliasBomb(
  doc: YAML.Document,
  at: (pos: number) => { file: string; line: number; column: number },
): Diagnostic {
  let first: YAML.Alias | undefined;
  YAML.visit(doc, {
    Alias(_, node) {
      first = node;
      return YAML.visit.BREAK;
    },
  });
  const pos = first?.range ? at(first.range[0]) : at(0);
  return diagnostic(
    'error',
    'yaml-alias-limit',
    pos,
    `Unexpected YAML aliases that expand past ${MAX_ALIAS_COUNT} uses${first ? ` (starting with \`*${first.source}\`)` : ''}, expected a document without alias chains: the yaml package refuses it as a resource-exhaustion attack`,
    'write the values out instead of chaining `&anchor`/`*alias` references',
  );
}
