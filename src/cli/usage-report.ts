import type { UsageError } from '../model/errors.js';
import { escapeControl } from '../util/control-chars.js';
import { printDiagnostics, red, type Output } from './output.js';

/**
 * A usage error as the user asked for output: under --json one JSON object on stdout (scripts parse stdout, and a
 * usage error is as much a result as a build is), else the message and the usage line on stderr.
 */
export function reportUsageError(
  o: Output,
  json: boolean,
  e: UsageError,
  command?: { name: string; usage?: string },
): void {
  if (json) {
    o.out(
      JSON.stringify(
        {
          ok: false,
          error: {
            kind: 'usage',
            code: e.code,
            message: e.message,
            ...(command ? { command: command.name } : {}),
            ...(command?.usage ? { usage: command.usage } : {}),
            ...(e.diagnostics.length ? { diagnostics: e.diagnostics } : {}),
          },
        },
        null,
        2,
      ),
    );
    return;
  }
  printDiagnostics(o, e.diagnostics);
  o.err(red(o.color, `briefdeck${command ? ` ${command.name}` : ''}: ${escapeControl(e.message)}`));
  if (command?.usage) o.err(`usage: ${command.usage}`);
}
