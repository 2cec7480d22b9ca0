import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_FONTS_DIR } from '../../src/measure/font-files.js';

/** A font shipped with briefdeck, by file name (`Carlito-Regular.ttf`). */
export const shippedFont = (name: string): Uint8Array => readFileSync(path.join(DEFAULT_FONTS_DIR, name));

/**
 * `font` with its name table replaced, so that a test can make a font of any
 * family (a "Calibri" that is really Liberation Sans) without committing a
 * binary. The rest of the file, its metrics and style bits included, is kept.
 */
export function renamedFont(
  font: Uint8Array,
  family: string,
  subfamily = 'Regular',
  o: { macFamily?: string; windows?: boolean } = {},
): Uint8Array {
  const tables = tablesOf(font);
  const names = {
    1: family,
    2: subfamily,
    4: `${family} ${subfamily}`,
    6: `${family}-${subfamily}`.replace(/\s+/g, ''),
  };
  tables.set(
    'name',
    nameTable(o.windows === false ? {} : names, o.macFamily === undefined ? {} : { ...names, 1: o.macFamily }),
  );
  return sfnt(font.subarray(0, 4), tables, 0);
}

/** A .ttc holding `fonts`, in order (face index 0, 1, …). */
export function fontCollection(fonts: Uint8Array[]): Uint8Array {
  const header = 12 + 4 * fonts.length;
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = header;
  for (const f of fonts) {
    offsets.push(at);
    const part = sfnt(f.subarray(0, 4), tablesOf(f), at);
    parts.push(part);
    at += part.length;
  }
  const out = new Uint8Array(at);
  const v = new DataView(out.buffer);
  out.set([0x74, 0x74, 0x63, 0x66]); // 'ttcf'
  v.setUint32(4, 0x00010000);
  v.setUint32(8, fonts.length);
  offsets.forEach((o, i) => v.setUint32(12 + 4 * i, o));
  let p = header;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

function tablesOf(font: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < v.getUint16(4); i++) {
    const r = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(r, r + 4));
    tables.set(tag, font.subarray(v.getUint32(r + 8), v.getUint32(r + 8) + v.getUint32(r + 12)));
  }
  return tables;
}

/** An sfnt whose table offsets count from `base` (0 for a lone font, its position in a collection). */
function sfnt(version: Uint8Array, tables: Map<string, Uint8Array>, base: number): Uint8Array {
  const tags = [...tables.keys()].sort();
  const dir = 12 + 16 * tags.length;
  const size = dir + tags.reduce((n, t) => n + pad4(tables.get(t)!.length), 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out.set(version);
  const n = tags.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  v.setUint16(4, n);
  v.setUint16(6, pow * 16);
  v.setUint16(8, Math.log2(pow));
  v.setUint16(10, n * 16 - pow * 16);
  let at = dir;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const r = 12 + 16 * i;
    out.set(
      [...tag].map((c) => c.charCodeAt(0)),
      r,
    );
    v.setUint32(r + 4, checksum(data));
    v.setUint32(r + 8, base + at);
    v.setUint32(r + 12, data.length);
    out.set(data, at);
    at += pad4(data.length);
  });
  return out;
}

/** A format-0 name table: Mac Roman English records (ASCII only), then Windows Unicode English ones. */
function nameTable(windows: Record<number, string>, mac: Record<number, string>): Uint8Array {
  const records = [
    ...Object.entries(mac).map(([id, s]) => ({
      platform: 1,
      encoding: 0,
      language: 0,
      id: Number(id),
      bytes: Uint8Array.from(s, (c) => c.charCodeAt(0)),
    })),
    ...Object.entries(windows).map(([id, s]) => {
      const b = new Uint8Array(s.length * 2);
      for (let i = 0; i < s.length; i++) {
        b[2 * i] = s.charCodeAt(i) >> 8;
        b[2 * i + 1] = s.charCodeAt(i) & 0xff;
      }
      return { platform: 3, encoding: 1, language: 0x409, id: Number(id), bytes: b };
    }),
  ].sort((a, b) => a.platform - b.platform || a.id - b.id);
  const strings = records.map((r) => r.bytes);
  const head = 6 + 12 * records.length;
  const out = new Uint8Array(head + strings.reduce((n, s) => n + s.length, 0));
  const v = new DataView(out.buffer);
  v.setUint16(2, records.length);
  v.setUint16(4, head);
  let off = 0;
  records.forEach((rec, i) => {
    const r = 6 + 12 * i;
    v.setUint16(r, rec.platform);
    v.setUint16(r + 2, rec.encoding);
    v.setUint16(r + 4, rec.language);
    v.setUint16(r + 6, rec.id);
    v.setUint16(r + 8, strings[i].length);
    v.setUint16(r + 10, off);
    out.set(strings[i], head + off);
    off += strings[i].length;
  });
  return out;
}

const pad4 = (n: number) => (n + 3) & ~3;

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4)
    sum =
      (sum +
        (((data[i] << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0)) >>> 0)) >>>
      0;
  return sum;
}
