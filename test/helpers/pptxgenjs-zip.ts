import { zipSync } from 'fflate';
import type PptxGenJS from 'pptxgenjs';
import PartCollector from '../../src/render/package/part-collector.js';

/**
 * A pptxgenjs presentation zipped much as pptxgenjs itself zips it with
 * JSZip: its parts in its order, stored (not deflated), with folder entries
 * (here only for folders that hold parts, each before its first part; JSZip
 * also writes the empty ones, first). Under the tests, as in the CLI,
 * pptxgenjs hands its parts to our collector (scripts/aliases.mjs), so tests
 * that need pptxgenjs's raw package (its known defects, a fixture for
 * LibreOffice) zip it here.
 */
export async function pptxgenjsZip(p: PptxGenJS): Promise<Uint8Array> {
  const written: unknown = await p.write({ outputType: 'uint8array' });
  if (!(written instanceof PartCollector))
    throw new Error(
      'pptxgenjs did not write to the part collector: is the jszip alias of scripts/aliases.mjs missing?',
    );
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of written.parts) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) files[`${parts.slice(0, i).join('/')}/`] ??= new Uint8Array(0);
    files[name] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  }
  return zipSync(files, { level: 0 });
}
