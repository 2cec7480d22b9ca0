import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

let project: string | undefined;

/**
 * Where the CLI runs when a test names no folder: a project of this test file's own (content/ with copies of the
 * sample decks, themes/, no output/), never the repository, whose content/ and output/ are the user's.
 */
export function sampleProject(): string {
  if (project) return project;
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-project-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'decks'), path.join(dir, 'content'), { recursive: true });
  cpSync(path.join(ROOT, 'themes'), path.join(dir, 'themes'), { recursive: true });
  project = dir;
  return dir;
}

/** Run the compiled CLI as a user would; NO_COLOR keeps output plain. */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? sampleProject(),
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeout ?? 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start the compiled CLI without waiting for it (runCli waits): for watch, schedule and signals. */
export function startCli(args: string[], cwd = sampleProject(), env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

/**
 * Like runCli, but asynchronous: a test that serves SMTP in-process must keep
 * its event loop running while the CLI talks to it (spawnSync would deadlock).
 */
export async function runCliAsync(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const run = startCli(args, sampleProject(), opts.env);
  const timer = setTimeout(() => run.child.kill(), 60_000);
  const { code } = await run.exit;
  clearTimeout(timer);
  return { status: code, stdout: run.stdout(), stderr: run.stderr() };
}
