import { relativeInside } from './path-inside.js';

/** Relative to the working directory when inside it, so editors can jump to `file:line:col`. */
export function displayPath(p: string): string {
  return relativeInside(process.cwd(), p) ?? p;
}
