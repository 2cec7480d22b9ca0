import path from 'node:path';

/**
 * Whether `p` is `root` itself or below it, as paths (resolve links first where that matters): the one containment
 * test for every input rule, display path and watch event. `..name` is a name inside `root`, not a step out of it.
 */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** `p` relative to `root` when it is strictly inside it, else undefined. */
export function relativeInside(root: string, p: string): string | undefined {
  const rel = path.relative(root, p);
  return rel !== '' && isInside(root, p) ? rel : undefined;
}
