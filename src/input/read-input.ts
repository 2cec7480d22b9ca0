import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import { displayPath } from '../util/display-path.js';
import { ioCause, isIoError } from '../util/io-error.js';
import { isInside } from '../util/path-inside.js';

/**
 * The one rule for reading any input (section, deck.yaml, image, theme file,
 * logo): the path is resolved through every symlink, and the real file must
 * lie inside the allowed folder, be a regular file (never a FIFO, socket,
 * device or folder, so nothing can block a build) and be no larger than the
 * limit, checked with stat before a byte is read. A symlink whose target
 * stays inside the folder is allowed: it reads nothing from outside.
 */
export interface InputRule {
  /** What is read, the first part of each diagnostic code: `section`, `deck-yaml`, `image`, `theme`, `logo`. */
  what: string;
  /** Every input must resolve inside this folder (the deck folder, the themes folder). */
  root: string;
  /** How messages name the folder: `the deck folder`, `the themes folder`. */
  rootName: string;
  /** The folder in the code of an `outside` error: `deck` gives `image-outside-deck`. */
  rootCode: string;
  maxBytes: number;
  /** Why the limit exists, stated in the error. */
  limitReason: string;
}

/**
 * Sections, deck.yaml and theme files: layout time and memory grow with the text, so a limit keeps one file from
 * stalling a run.
 */
export const MAX_SECTION_BYTES = 2 * 1024 * 1024;
/** Images and logos: decoded in full into memory, so a limit keeps one file from exhausting it. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

export const TEXT_LIMIT_REASON =
  'layout time and memory grow with the length of a file; split it into several section files';
export const IMAGE_LIMIT_REASON = 'images are decoded in full into memory; export a smaller PNG or JPEG';

export type InputRead = { ok: true; bytes: Uint8Array; real: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Read `file` under `rule`. Problems (outside the folder, not a regular file,
 * too large, missing, unreadable) come back as one error diagnostic at
 * `at` (default `file:1:1`) naming the real target; nothing is thrown for them.
 */
export async function readInput(file: string, rule: InputRule, at?: Position): Promise<InputRead> {
  const shown = displayPath(file);
  const pos = at ?? { file: shown, line: 1, column: 1 };
  const fail = (problem: string, message: string, fix?: string): InputRead => ({
    ok: false,
    diagnostic: diagnostic('error', `${rule.what}-${problem}`, pos, message, fix),
  });
  try {
    const root = await resolvedRoot(rule);
    let real: string;
    try {
      real = await realpath(file);
    } catch (e) {
      return await unresolvable(file, shown, e, fail);
    }
    const via = real === path.resolve(file) ? '' : ` (a link to \`${real}\`)`;
    if (!isInside(root, real)) {
      return fail(
        `outside-${rule.rootCode}`,
        `Unexpected \`${shown}\`${via || ` at \`${real}\``}, outside ${rule.rootName} \`${displayPath(rule.root)}\`, expected a file inside it`,
        'copy the file into the folder instead of linking to it',
      );
    }
    // stat before open: a FIFO or device is refused without ever being opened.
    const before = await stat(real);
    if (!before.isFile())
      return fail(
        'not-a-file',
        `Unexpected ${kindOf(before)} \`${shown}\`${via}, expected a regular file`,
        'replace it with an ordinary file',
      );
    if (before.size > rule.maxBytes)
      return fail('too-large', tooLarge(shown, before.size, rule), 'split or shrink the file');
    // O_NOFOLLOW and O_NONBLOCK: if the file is swapped for a link or a FIFO after the check, the open fails or returns
    // at once.
    const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const now = await handle.stat();
      if (!now.isFile() || now.ino !== before.ino || now.dev !== before.dev)
        return fail(
          'not-a-file',
          `Unexpected \`${shown}\`${via}: it changed while being read, expected a regular file`,
        );
      const bytes = await readAtMost(handle, now.size, rule.maxBytes + 1);
      if (bytes.length > rule.maxBytes)
        return fail('too-large', tooLarge(shown, bytes.length, rule), 'split or shrink the file');
      return { ok: true, bytes, real };
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (!isIoError(e)) throw e;
    return fail('unreadable', `Unreadable \`${shown}\`: ${ioCause(e)}`);
  }
}

/** A rule's folder, resolved once per rule object (a deck's files share one rule), not once per file. */
const roots = new WeakMap<InputRule, Promise<string>>();
function resolvedRoot(rule: InputRule): Promise<string> {
  let r = roots.get(rule);
  if (!r) {
    r = realpath(rule.root);
    roots.set(rule, r);
    r.catch(() => roots.delete(rule));
  }
  return r;
}

/** What a non-regular file is, for messages. */
export function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'FIFO (named pipe)';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  if (s.isDirectory()) return 'folder';
  return 'special file';
}

async function unresolvable(
  file: string,
  shown: string,
  e: unknown,
  fail: (problem: string, message: string, fix?: string) => InputRead,
): Promise<InputRead> {
  const code = (e as NodeJS.ErrnoException).code;
  const link = await lstat(file).then(
    (s) => s.isSymbolicLink(),
    () => false,
  );
  if (link && (code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR')) {
    const target = await readlink(file).catch(() => '?');
    return fail(
      'missing',
      `Unexpected link \`${shown}\` to \`${target}\`, which does not resolve to a file${code === 'ELOOP' ? ' (a loop of links)' : ''}`,
      'point the link at a file inside the folder, or replace it with the file',
    );
  }
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return fail('missing', `Missing \`${shown}\``, 'check the file name and its case');
  if (isIoError(e)) return fail('unreadable', `Unreadable \`${shown}\`: ${ioCause(e)}`);
  throw e;
}

function tooLarge(shown: string, bytes: number, rule: InputRule): string {
  return `Unexpected size of \`${shown}\`: ${mb(bytes)}, over the ${mb(rule.maxBytes)} limit (${rule.limitReason})`;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

/**
 * Read up to `limit` bytes into a buffer sized from the stat (one more byte,
 * to notice growth): a file that grows after its stat cannot make us read
 * more, and a small file costs a small buffer.
 */
async function readAtMost(
  handle: import('node:fs/promises').FileHandle,
  expected: number,
  limit: number,
): Promise<Uint8Array> {
  let buf = Buffer.allocUnsafe(Math.min(expected + 1, limit));
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      if (buf.length >= limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limit));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    }
    const { bytesRead } = await handle.read(buf, total, buf.length - total, null);
    if (bytesRead === 0) break;
    total += bytesRead;
  }
  return buf.subarray(0, total);
}
