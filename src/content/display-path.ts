import path from 'node:path';

/** Relative to the working directory when inside it, so editors can jump to `file:line:col`. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
