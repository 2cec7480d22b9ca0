import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { ExportError } from '../model/errors.js';

/** The Debian package that provides each external tool, for the install hint. */
const APT: Record<string, string> = {
  soffice: 'libreoffice-impress',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
};

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Throw a typed, actionable error when `tool` is not on PATH. */
export function requireTool(tool: string, env: NodeJS.ProcessEnv = process.env): void {
  if (onPath(tool, env)) return;
  const pkg = APT[tool] ?? tool;
  throw new ExportError(
    'tool-missing',
    `Missing \`${tool}\`, expected it on PATH: install it with \`sudo apt-get install -y ${pkg}\``,
  );
}

/**
 * Run a tool in its own process group; on timeout the whole group is killed
 * (soffice forks `soffice.bin`, which a plain kill would leave behind).
 */
export function runTool(
  cmd: string,
  args: readonly string[],
  opts: { timeoutMs: number; cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function onPath(tool: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, tool), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}
