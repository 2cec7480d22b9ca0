import type { Output } from './output.js';

/** What a long command is doing, on one terminal line that the next printed line replaces. */
export interface Progress {
  /** The current step: `exporting PDF`, and optionally how far along a count (`done` of `total`). */
  step(text: string, done?: number, total?: number): void;
  /** Clears the line and stops the clock. */
  end(): void;
}

const NONE: Progress = { step: () => {}, end: () => {} };
const BAR = 16;

/**
 * A progress line on a terminal: `[██████░░░░] 2/4 russia-north-korea-treaty: thumbnails · 7 s`. The seconds tick
 * while a step runs, so a 20-second LibreOffice conversion never looks hung. Nothing at all when stdout is not a
 * terminal (`o.status` absent) or `quiet` (--json): piped output and logs stay exactly as they were.
 */
export function progress(o: Output, quiet: boolean): Progress {
  const status = o.status;
  if (!status || quiet) return NONE;
  let text = '';
  let count = '';
  let since = Date.now();
  const draw = () => {
    if (!text) return;
    const secs = Math.floor((Date.now() - since) / 1000);
    status(`${count}${text}${secs >= 1 ? ` · ${secs} s` : ''}`);
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  return {
    step(t, done, total) {
      text = t;
      count = total ? `${bar(done ?? 0, total)} ${done ?? 0}/${total} ` : '';
      since = Date.now();
      draw();
    },
    end() {
      clearInterval(timer);
      text = '';
      status('');
    },
  };
}

function bar(done: number, total: number): string {
  const full = Math.round((Math.min(done, total) / total) * BAR);
  return `[${'█'.repeat(full)}${'░'.repeat(BAR - full)}]`;
}
