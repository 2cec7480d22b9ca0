import path from 'node:path';
import { scheduleProblems } from './schedule-check.js';
import YAML from 'yaml';
import { displayPath } from '../util/display-path.js';
import { didYouMean, withSuggestion } from '../util/did-you-mean.js';
import { MAX_SECTION_BYTES, TEXT_LIMIT_REASON, readInput } from '../input/read-input.js';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { decodeSource } from '../input/decode-source.js';
import { parseYamlWithSchema } from '../input/yaml-schema.js';
import { CONFIG_KEYS, ConfigFileSchema, type Config, type ConfigFile } from './config-schema.js';

export const CONFIG_FILE = 'briefdeck.config.yaml';

/**
 * Read the config file: the one named (`--config`), else
 * `briefdeck.config.yaml` in the working directory if present, else none.
 * read → schema parse → rules (cron pattern, time zone) → normalise (paths
 * resolved against the file's folder). Every problem is a `file:line:col`
 * diagnostic on the UsageError.
 */
export async function loadConfig(named?: string, cwd = process.cwd()): Promise<Config> {
  const file = path.resolve(cwd, named ?? CONFIG_FILE);
  const shown = displayPath(file);
  // The operator's file, so any folder may hold it (or a link to it); it must still be a regular file of sane size, so
  // a FIFO cannot block a run.
  const read = await readInput(file, {
    what: 'config',
    root: path.parse(file).root,
    rootName: 'the file system',
    rootCode: 'root',
    maxBytes: MAX_SECTION_BYTES,
    limitReason: TEXT_LIMIT_REASON,
  });
  if (!read.ok) {
    if (read.diagnostic.code === 'config-missing') {
      if (named) throw new UsageError('config-missing', `Missing config file \`${named}\``);
      return {};
    }
    throw new UsageError('config-invalid', `Invalid config file \`${shown}\``, [read.diagnostic]);
  }
  const bytes = read.bytes;
  const value = parseConfig(bytes, shown);
  const { content, themes, output, ...rest } = value;
  const dir = path.dirname(file);
  const abs = (p?: string) => (p === undefined ? undefined : path.resolve(dir, p));
  return { ...rest, file, contentDir: abs(content), themesDir: abs(themes), outDir: abs(output) };
}

/** Bytes → the file's validated settings, or a UsageError carrying every problem. */
export function parseConfig(bytes: Uint8Array, shown: string): ConfigFile {
  const { text, diagnostics } = decodeSource(bytes, shown);
  const fail = (ds: Diagnostic[]) =>
    new UsageError(
      'config-invalid',
      `Invalid config file \`${shown}\``,
      [...ds].sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column),
    );
  if (text === undefined) throw fail(diagnostics);
  const parsed = parseYamlWithSchema(text, shown, ConfigFileSchema);
  const lc = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lc });
  const at = (p: (string | number)[], key = false): Position => {
    const node = (p.length === 0 ? doc.contents : key ? keyNode(doc, p) : doc.getIn(p, true)) as
      | { range?: [number, number] }
      | undefined;
    const { line, col } = node?.range ? lc.linePos(node.range[0]) : { line: 1, col: 1 };
    return { file: shown, line, column: col };
  };
  if (!parsed.value)
    throw fail(parsed.diagnostics.flatMap((d) => (/Unrecognized key/.test(d.message) ? unknownKeys(doc, at, d) : [d])));
  const problems = rules(parsed.value, at);
  if (problems.length > 0) throw fail(problems);
  return parsed.value;
}

/** zod reports unknown keys on their parent; point at each key instead and list the known ones. */
function unknownKeys(
  doc: YAML.Document,
  at: (p: (string | number)[], key?: boolean) => Position,
  d: Diagnostic,
): Diagnostic[] {
  const parent = /^Invalid `([^`]+)`/.exec(d.message)?.[1] ?? '';
  const known = CONFIG_KEYS[parent] ?? [];
  const node = parent ? doc.getIn(parent.split('.'), true) : doc.contents;
  const keys = YAML.isMap(node)
    ? node.items.map((i) => String(YAML.isScalar(i.key) ? i.key.value : i.key)).filter((k) => !known.includes(k))
    : [];
  if (keys.length === 0) return [d];
  const prefix = parent ? `${parent}.` : '';
  return keys.map((k) =>
    diagnostic(
      'error',
      'config-unknown-key',
      at([...(parent ? parent.split('.') : []), k], true),
      `Unknown key \`${prefix}${k}\` in the config file${withSuggestion(
        didYouMean(k, known, (x) => `\`${prefix}${x}\``),
        `expected one of ${known.map((x) => `\`${x}\``).join(', ')}`,
      )}`,
    ),
  );
}

function keyNode(doc: YAML.Document, p: (string | number)[]): unknown {
  const parent = p.length === 1 ? doc.contents : doc.getIn(p.slice(0, -1), true);
  if (!YAML.isMap(parent)) return undefined;
  return parent.items.find((i) => YAML.isScalar(i.key) && String(i.key.value) === String(p[p.length - 1]))?.key;
}

/** Checks the schema cannot express: a cron pattern croner accepts, a time zone Intl knows (one check for all). */
function rules(c: ConfigFile, at: (p: (string | number)[]) => Position): Diagnostic[] {
  if (!c.schedule) return [];
  return scheduleProblems(c.schedule.cron, c.schedule.timezone).map((p) =>
    diagnostic(
      'error',
      `config-${p.code}`,
      at(['schedule', p.key]),
      p.key === 'cron' ? `Invalid \`schedule.cron\` ${p.message}` : `Unknown time zone ${p.message}`,
      p.fix,
    ),
  );
}

export { validZone } from './schedule-check.js';
