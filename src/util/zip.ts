import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/**
 * Every entry date is 1 January 2020 00:00, so equal input gives equal bytes.
 * Zip stores local (MS-DOS) time, and fflate encodes a Date with its local
 * getters: a Date made from local fields encodes the same in every time zone.
 */
const ENTRY_DATE = new Date(2020, 0, 1, 0, 0, 0);

/**
 * Write a zip with fflate's container code: no folder entries, every entry
 * DEFLATEd, as PowerPoint writes packages (a package with folder entries was
 * reported repaired by PowerPoint). Deflate is Node's native zlib: fflate's
 * own JavaScript deflate measured 2× slower on a deck (12 ms against 6.9 ms).
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    const deflated = deflateRawSync(e.data, { level: 6 });
    const file: ZipInputFile = {
      filename: e.name,
      size: e.data.length,
      crc: crc32(e.data),
      compression: 8,
      mtime: ENTRY_DATE,
    };
    zip.add(file);
    // fflate's types ask for an ArrayBuffer-backed array; this one is (no SharedArrayBuffer here).
    file.ondata!(null, deflated as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failed) throw failed;
  return Buffer.concat(chunks);
}

/** A zip's entries in archive order (folders left out), read with fflate. Throws for a file that is not a zip. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  return Object.entries(unzipSync(bytes))
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, data]) => ({ name, data }));
}

/** One entry's bytes, decompressing only that entry; `undefined` when absent. */
export function readZipEntry(bytes: Uint8Array, name: string): Uint8Array | undefined {
  return unzipSync(bytes, { filter: (f) => f.name === name })[name];
}

/**
 * The same zip with some entries' text changed (or added): `edit` gets the old text, or `undefined` for a new entry.
 */
export function editZip(bytes: Uint8Array, edits: Record<string, (text: string | undefined) => string>): Uint8Array {
  const entries = readZip(bytes);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const out = entries.map((e) =>
    edits[e.name] ? { name: e.name, data: encoder.encode(edits[e.name](decoder.decode(e.data))) } : e,
  );
  for (const [name, edit] of Object.entries(edits))
    if (!entries.some((e) => e.name === name)) out.push({ name, data: encoder.encode(edit(undefined)) });
  return writeZip(out);
}

/**
 * Each entry's declared uncompressed size, read from the zip's directory without inflating anything. Throws for a file
 * that is not a zip.
 */
export function zipEntrySizes(bytes: Uint8Array): { name: string; size: number }[] {
  const out: { name: string; size: number }[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      out.push({ name: f.name, size: f.originalSize });
      return false;
    },
  });
  return out;
}
