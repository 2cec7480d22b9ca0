import type { ParseArgsConfig } from 'node:util';
import type { Output } from '../cli/output.js';
import type { Config } from '../config/config-schema.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  /** Parsed flags (after the shared ones were applied). */
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  output: Output;
  env: NodeJS.ProcessEnv;
  /** The config file's settings ({} when there is none). */
  config: Config;
}

/** One CLI command. A new command is one file in commands/ and one line in cli.ts. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Options beyond the shared ones (--content, --themes, --out, --theme, --json, --help). */
  options?: OptionSpec;
  /** Lines describing the command's own options for --help. */
  help?: string[];
  /** Resolves to the exit status: 0 success, 1 content/run errors, 2 usage errors. */
  run(ctx: CommandContext): Promise<number>;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;
