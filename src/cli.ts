import { parseFlags, type ParsedFlags } from './cli/parse-flags.js';
import { reportUsageError } from './cli/usage-report.js';
import { didYouMean } from './util/did-you-mean.js';
import { consoleOutput, printDiagnostics, red, type Output } from './cli/output.js';
import { EXIT, type Command } from './commands/command.js';
import { sharedHelp, sharedOptions } from './commands/options.js';
import { isUserError, UsageError } from './model/errors.js';
import { escapeControl } from './util/control-chars.js';
import { packageVersion } from './util/package-root.js';

/**
 * Every command, in the order --help lists them. Loaded on use: `build`
 * need not load the mailer, and `--version` loads nothing.
 */
export const commands: { name: string; load: () => Promise<Command> }[] = [
  { name: 'new', load: async () => (await import('./commands/new.js')).newCommand },
  { name: 'build', load: async () => (await import('./commands/build.js')).build },
  { name: 'check', load: async () => (await import('./commands/check.js')).check },
  { name: 'export', load: async () => (await import('./commands/export.js')).exportCommand },
  { name: 'diff', load: async () => (await import('./commands/diff.js')).diff },
  { name: 'send', load: async () => (await import('./commands/send.js')).send },
  { name: 'watch', load: async () => (await import('./commands/watch.js')).watch },
  { name: 'schedule', load: async () => (await import('./commands/schedule.js')).schedule },
];

export const version = packageVersion;

export async function main(
  argv: string[],
  output: Output = consoleOutput(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    output.out(version());
    return EXIT.ok;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    output.out(await generalHelp());
    return name ? EXIT.ok : EXIT.usage;
  }
  const json = rest.includes('--json');
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    const names = commands.map((c) => c.name);
    const near = didYouMean(name, names);
    const list = `the commands are ${names.map((c) => `\`${c}\``).join(', ')}`;
    const what = name.startsWith('-') ? 'option' : 'command';
    reportUsageError(
      output,
      json,
      new UsageError(`unknown-${what}`, `Unknown ${what} \`${escapeControl(name)}\`${near || `; ${list}`}`),
    );
    return EXIT.usage;
  }
  const command = await entry.load();
  let parsed: ParsedFlags;
  try {
    parsed = parseFlags(command.name, rest, { ...sharedOptions, ...command.options });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    reportUsageError(output, json, e, command);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    output.out(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const { loadConfig } = await import('./config/load-config.js'); // zod, yaml, croner: not for --version
    const config = await loadConfig(parsed.values.config as string | undefined);
    if (parsed.values.theme !== undefined || env.BRIEFDECK_THEME) {
      // The themes folder is read only when a theme was chosen: other runs do not load the theme reader here.
      const { checkThemeChoice } = await import('./commands/theme-choice.js');
      await checkThemeChoice(parsed.values, env, config);
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals, output, env, config });
  } catch (e) {
    if (e instanceof UsageError) {
      reportUsageError(output, json, e, { name: command.name });
      return EXIT.usage;
    }
    if (isUserError(e)) {
      printDiagnostics(output, e.diagnostics);
      output.err(red(output.color, `briefdeck ${command.name}: ${escapeControl(e.message)}`));
      return EXIT.failed;
    }
    output.err(
      `briefdeck ${command.name}: internal error — this is a bug in briefdeck, please report it with this output:`,
    );
    output.err((e as Error)?.stack ?? String(e));
    return 70;
  }
}

async function generalHelp(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...loaded.map((c) => c.name.length));
  return [
    `briefdeck ${version()} — Markdown briefing articles to themed, editable PowerPoint decks`,
    '',
    'usage: briefdeck <command> [deck-slug...] [options]',
    '',
    'commands:',
    ...loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `briefdeck <command> --help` for its options.',
    'Exit status: 0 success, 1 content errors or failed decks, 2 usage errors, 70 internal errors.',
  ].join('\n');
}

function commandHelp(c: Command): string {
  return [
    `usage: ${c.usage}`,
    '',
    c.summary,
    '',
    'options:',
    ...sharedHelp,
    ...(c.help ?? []),
    '  -h, --help      show this help',
  ].join('\n');
}
