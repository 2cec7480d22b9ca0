import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../content/load-deck.js';
import { UsageError } from '../model/errors.js';
import { decodeSource } from '../util/text.js';
import { parseYamlWithSchema } from '../util/yaml-schema.js';
import { ConfigFileSchema, type Config } from './config-schema.js';

export const CONFIG_FILE = 'briefdeck.config.yaml';

/**
 * Read the config file: the one named (`--config`), else
 * `briefdeck.config.yaml` in the working directory if present, else none.
 * read → schema parse → normalise (paths resolved against the file's folder).
 */
export async function loadConfig(named?: string, cwd = process.cwd()): Promise<Config> {
  const file = path.resolve(cwd, named ?? CONFIG_FILE);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    if (named) throw new UsageError('config-missing', `Missing config file \`${named}\``);
    return {};
  }
  const shown = displayPath(file);
  const { text, diagnostics } = decodeSource(bytes, shown);
  const parsed = text === undefined ? { diagnostics } : parseYamlWithSchema(text, shown, ConfigFileSchema);
  if (!('value' in parsed) || !parsed.value) throw new UsageError('config-invalid', `Invalid config file \`${shown}\``, parsed.diagnostics);
  const { content, themes, output, ...rest } = parsed.value;
  const dir = path.dirname(file);
  const abs = (p?: string) => (p === undefined ? undefined : path.resolve(dir, p));
  return { ...rest, file, contentDir: abs(content), themesDir: abs(themes), outDir: abs(output) };
}
