import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { closest } from '../util/did-you-mean.js';

/**
 * A missing file's diagnostic, pointed at the file beside it whose name is nearest (`route.png` → `routes.png`), as
 * written in the Markdown (`src` with its folder), so the fix can be pasted.
 */
export async function withNearbyFile(d: Diagnostic, full: string, src: string): Promise<Diagnostic> {
  if (!d.code.endsWith('-missing')) return d;
  const names = await readdir(path.dirname(full)).catch(() => [] as string[]);
  const near = closest(path.basename(full), names);
  if (near === undefined) return d;
  const written = path.posix.join(path.posix.dirname(src), near);
  return { ...d, message: `${d.message}; did you mean \`${written}\`?` };
}
