import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { FontRef, FontVariant } from './font-files.js';
import { variantOf } from './font-files.js';

/** What a font file says about one of its faces. */
export interface FontName {
  readonly ref: FontRef;
  /**
   * Its family names (name ID 1, every language the file has). PowerPoint
   * writes this name, the Windows (GDI) family, into `typeface`: "Calibri
   * Light" is a family of its own there, not a weight of "Calibri" (that is
   * the typographic family, name ID 16, which we deliberately ignore so that
   * Calibri and Calibri Light never compete for one slot).
   */
  readonly families: readonly string[];
  /** Its style among the four a family can have (OS/2 fsSelection, else head macStyle). */
  readonly variant: FontVariant;
}

/** File name endings HarfBuzz can open (WOFF/WOFF2 need decompressing first, which it does not do). */
export const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

const read = new Map<string, { stamp: string; names: readonly FontName[] }>();

/**
 * The faces in `file`, read once per content: `stamp` (size and mtime, see
 * `fileStamp`) decides whether the cached answer still holds. A file that is
 * not an OpenType/TrueType font (or collection) has no faces.
 *
 * Only the table directory and the `name`, `OS/2` and `head` tables are read
 * (a few KB), not the file: HarfBuzz's `Face.getName` would need the whole
 * file copied into its memory first, which for a folder of fonts, or a 20 MB
 * CJK collection, costs more than the rest of a deck's layout.
 */
export function fontNames(file: string, stamp: string = fileStamp(file)): readonly FontName[] {
  const hit = read.get(file);
  if (hit && hit.stamp === stamp) return hit.names;
  const fd = openSync(file, 'r');
  try {
    const names = readNames(file, (at, length) => {
      const b = Buffer.alloc(length);
      return b.subarray(0, readSync(fd, b, 0, length, at));
    });
    read.set(file, { stamp, names });
    return names;
  } finally {
    closeSync(fd);
  }
}

export function fileStamp(file: string): string {
  const st = statSync(file);
  return `${st.size}\u0000${st.mtimeMs}`;
}

type ReadAt = (at: number, length: number) => Buffer;

function readNames(file: string, readAt: ReadAt): FontName[] {
  const head = readAt(0, 12);
  if (head.length < 12) return [];
  const tag = head.toString('latin1', 0, 4);
  let starts = [0];
  if (tag === 'ttcf') {
    const count = Math.min(head.readUInt32BE(8), 256);
    const offsets = readAt(12, 4 * count);
    starts = Array.from({ length: Math.floor(offsets.length / 4) }, (_, i) => offsets.readUInt32BE(4 * i));
  } else if (tag !== '\u0000\u0001\u0000\u0000' && tag !== 'OTTO' && tag !== 'true') return [];
  const out: FontName[] = [];
  starts.forEach((start, index) => {
    const tables = tableDirectory(readAt, start);
    const families = tables.name ? familyNames(readAt(tables.name.at, tables.name.length)) : [];
    if (families.length > 0) out.push({ ref: { file, index }, families, variant: styleOf(readAt, tables) });
  });
  return out;
}

type Tables = Partial<Record<'name' | 'OS/2' | 'head', { at: number; length: number }>>;

function tableDirectory(readAt: ReadAt, start: number): Tables {
  const header = readAt(start, 12);
  if (header.length < 12) return {};
  const n = header.readUInt16BE(4);
  const dir = readAt(start + 12, 16 * n);
  const tables: Tables = {};
  for (let i = 0; i + 16 <= dir.length; i += 16) {
    const tag = dir.toString('latin1', i, i + 4);
    if (tag === 'name' || tag === 'OS/2' || tag === 'head')
      tables[tag] = { at: dir.readUInt32BE(i + 8), length: Math.min(dir.readUInt32BE(i + 12), 1 << 20) };
  }
  return tables;
}

/**
 * Name ID 1 in every language the Windows and Unicode records have (UTF-16BE),
 * the family PowerPoint on Windows writes; the Mac Roman records (read as
 * Latin-1, exact for ASCII) only when there are none, since some fonts give
 * the Mac a family of their own (NanumSquare Bold's Mac family is
 * "NanumSquare"). Other Mac encodings are skipped.
 */
function familyNames(name: Buffer): string[] {
  if (name.length < 6) return [];
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  const unicode = new Set<string>();
  const mac = new Set<string>();
  for (let r = 6; r + 12 <= name.length && r < 6 + 12 * count; r += 12) {
    const [platform, encoding, , id, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => name.readUInt16BE(r + o));
    if (id !== 1) continue;
    const bytes = name.subarray(strings + offset, strings + offset + length);
    if (platform === 0 || platform === 3) unicode.add(utf16be(bytes).trim());
    else if (platform === 1 && encoding === 0) mac.add(bytes.toString('latin1').trim());
  }
  return [...(unicode.size > 0 ? unicode : mac)].filter(Boolean);
}

const utf16be = (b: Buffer): string =>
  Buffer.from(b.subarray(0, b.length & ~1))
    .swap16()
    .toString('utf16le');

/**
 * Windows decides bold/italic by OS/2 fsSelection (bits 5 and 0); old fonts without OS/2 by head macStyle (bits 0 and
 * 1).
 */
function styleOf(readAt: ReadAt, tables: Tables): FontVariant {
  const os2 = tables['OS/2'] && tables['OS/2'].length >= 64 && readAt(tables['OS/2'].at + 62, 2);
  if (os2 && os2.length === 2) {
    const sel = os2.readUInt16BE(0);
    return variantOf((sel & 0x20) !== 0, (sel & 0x01) !== 0);
  }
  const head = tables.head && readAt(tables.head.at + 44, 2);
  const mac = head && head.length === 2 ? head.readUInt16BE(0) : 0;
  return variantOf((mac & 1) !== 0, (mac & 2) !== 0);
}
