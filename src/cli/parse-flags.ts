import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../model/errors.js';
import { didYouMean } from '../util/did-you-mean.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedFlags {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/**
 * Node's parseArgs, with its problems told in our words: node's own text for `--forse` quotes it unclosed and gives
 * advice about `--` that does not apply. Unknown flags get the nearest known one; a flag missing its value, or given
 * one it does not take, says which.
 */
export function parseFlags(command: string, args: string[], options: OptionSpec): ParsedFlags {
  const loose = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const longNames = Object.keys(options);
  const shortNames = Object.values(options).flatMap((o) => (o.short ? [o.short] : []));
  for (const t of loose.tokens ?? []) {
    if (t.kind !== 'option') continue;
    const spec = options[t.name] ?? Object.values(options).find((o) => o.short === t.name);
    if (!spec) {
      const near = t.rawName.startsWith('--')
        ? didYouMean(t.name, longNames, (n) => `\`--${n}\``)
        : didYouMean(t.name, shortNames, (n) => `\`-${n}\``);
      throw new UsageError(
        'unknown-option',
        `Unknown option \`${t.rawName}\` for \`briefdeck ${command}\`${near} (see \`briefdeck ${command} --help\`)`,
      );
    }
    if (spec.type === 'string' && t.value === undefined)
      throw new UsageError('missing-value', `Missing value for \`${t.rawName}\`, expected \`${t.rawName} <value>\``);
    if (spec.type === 'boolean' && t.inlineValue)
      throw new UsageError(
        'unexpected-value',
        `Unexpected value \`${t.value}\` for \`${t.rawName}\`, expected \`${t.rawName}\` alone (it is a switch)`,
      );
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Anything the checks above did not foresee: node's words, still a usage error.
    throw new UsageError('bad-arguments', (e as Error).message);
  }
}
