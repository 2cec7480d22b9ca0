/**
 * Errors from the operating system (a full disk, a permission, too many open
 * files) are facts about one deck's files, not bugs: callers turn them into
 * that deck's error and go on with the others.
 */
export function isIoError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (
    e instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && ('syscall' in e || 'errno' in e)
  );
}

const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EMFILE: 'too many open files in this process',
  ENFILE: 'too many open files on this system',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
  ELOOP: 'a symbolic link where briefdeck writes, or too many levels of them (remove the link)',
  ENAMETOOLONG: 'file name too long',
  EBUSY: 'resource busy',
  EAGAIN: 'resource temporarily unavailable',
  EFBIG: 'file too large',
};

/** `no space left on the device (ENOSPC)`: the cause in words, with the code to search for. */
export function ioCause(e: NodeJS.ErrnoException & { code: string }): string {
  return `${CAUSES[e.code] ?? e.message.replace(/^[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/, '')} (${e.code})`;
}
