import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './path-inside.js';

/**
 * Writes under an output folder never follow a symbolic link: a link planted at `output/outbox`, `output/<deck>/`
 * or `output/runs.log` would otherwise send briefdeck's files wherever it points. The output folder itself may be
 * a link (the user's choice); nothing below it may be, where briefdeck writes. Roots are registered by the runs that
 * take the output folder's lock, so every writer below them checks.
 */
const roots = new Set<string>();

export function guardOutputRoot(dir: string): void {
  roots.add(path.resolve(dir));
}

/**
 * Throw an `ELOOP` error naming the first symbolic link between a guarded output folder and `target` (itself
 * included); nothing when `target` is under no guarded folder or no link is on the way.
 */
export async function assertNoLink(target: string): Promise<void> {
  const abs = path.resolve(target);
  for (const root of roots) {
    if (!isInside(root, abs) || root === abs) continue;
    let at = root;
    for (const seg of path.relative(root, abs).split(path.sep)) {
      at = path.join(at, seg);
      let s: Awaited<ReturnType<typeof lstat>>;
      try {
        s = await lstat(at);
      } catch {
        return; // nothing further exists: nothing further can be a link
      }
      if (s.isSymbolicLink()) throw linkError(at);
    }
  }
}

/** mkdir -p that refuses to go through a link under a guarded output folder. */
export async function mkdirNoFollow(dir: string): Promise<void> {
  await assertNoLink(dir);
  await mkdir(dir, { recursive: true });
}

/** Append to a file, creating it, without following a link at its name (O_NOFOLLOW) or above it. */
export async function appendNoFollow(file: string, text: string): Promise<void> {
  await mkdirNoFollow(path.dirname(file));
  await assertNoLink(file);
  const h = await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
  try {
    await h.appendFile(text);
  } finally {
    await h.close();
  }
}

/** An error the I/O error path reports as `` `path`: symbolic link where briefdeck writes (ELOOP) ``. */
function linkError(at: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(
    `ELOOP: symbolic link where briefdeck writes, expected a real file or folder (remove the link), '${at}'`,
  );
  e.code = 'ELOOP';
  e.errno = -40;
  e.syscall = 'lstat';
  e.path = at;
  return e;
}
