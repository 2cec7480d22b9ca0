import { writeZip } from '../../util/zip.js';

/**
 * What pptxgenjs is given in place of JSZip: `scripts/aliases.mjs` points its
 * `import JSZip from 'jszip'` here, for the bundled CLI and for the tests
 * alike. pptxgenjs only ever adds parts and asks for the archive; this keeps
 * each part as pptxgenjs wrote it, in the order it wrote them, and hands
 * itself back as the "archive". The package stage rewrites nearly every part
 * and writes the one real zip (src/util/zip.ts), so JSZip's archive was
 * built only to be taken apart again: in the 200-section bench it cost about
 * 70 ms a render (its UTF-8 encoder, CRC and stream workers), and our reading
 * it back and decoding every part again cost more.
 *
 * Only what pptxgenjs 4 calls is here. A chart's embedded workbook is a zip
 * pptxgenjs makes with a JSZip of its own and asks for as base64: that one
 * is zipped here, with fixed entry dates (the package stage fixes the dates
 * inside it, chart-parts.ts).
 */
export default class PartCollector {
  constructor(
    readonly parts: Map<string, string | Uint8Array> = new Map(),
    private readonly prefix = '',
  ) {}

  /** pptxgenjs makes the package's folders first; a folder is only a prefix here (the zip has no folder entries). */
  folder(name: string): PartCollector {
    return new PartCollector(this.parts, `${this.prefix}${name.replace(/\/?$/, '/')}`);
  }

  /** A part; media come as base64 text. A part written twice keeps its first place, as in JSZip. */
  file(name: string, data: string, options?: { base64?: boolean }): this {
    this.parts.set(this.prefix + name, options?.base64 ? new Uint8Array(Buffer.from(data, 'base64')) : data);
    return this;
  }

  generateAsync(options: { type?: string }): Promise<PartCollector | string> {
    if (options.type === 'base64' && this.prefix === '')
      return Promise.resolve(
        Buffer.from(
          writeZip(
            [...this.parts].map(([name, data]) => ({
              name,
              data: typeof data === 'string' ? new TextEncoder().encode(data) : data,
            })),
          ),
        ).toString('base64'),
      );
    if (options.type !== 'uint8array')
      return Promise.reject(
        new Error(
          `briefdeck bug: pptxgenjs asked for a \`${options.type}\` archive; only the deck's parts are collected (charts are not drawn)`,
        ),
      );
    return Promise.resolve(this);
  }
}
