import { rmSync } from 'node:fs';

/**
 * Folders to remove if the process ends before its own `finally` does: at exit, and on SIGINT, SIGTERM and SIGHUP
 * (then the signal is raised again, so the process still ends the way it was told to, unless a driver such as
 * `watch` listens for it). kill -9 leaves them; the next run removes them (export-decks.ts).
 */
const dirs = new Set<string>();
let installed = false;

export function removeAtExit(dir: string): () => void {
  install();
  dirs.add(dir);
  return () => {
    dirs.delete(dir);
  };
}

function sweep(): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', sweep);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      sweep();
      // Someone else (watch, schedule) stops the process cleanly on this signal; otherwise die of it as before.
      if (process.listenerCount(sig) > 1) return;
      process.off(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}
