import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CLI, sampleProject } from './cli.js';

/** By absolute path: a test may run the CLI with a PATH that lacks the tools it needs. */
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((f) => existsSync(f)) ?? 'script';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Run the compiled CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal would: stdout and
 * stderr are TTYs, and what they show comes back as one stream (with the terminal's \r\n line ends).
 */
export function runOnTerminal(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const r = spawnSync(SCRIPT, ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: opts.cwd ?? sampleProject(),
    env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, screen: r.stdout.replace(/\r\n/g, '\n') };
}

export const hasScript = spawnSync(SCRIPT, ['--version']).status === 0;
