import { ExportError } from '../model/errors.js';
import { readZip } from '../util/zip.js';

/** The number of slides in a .pptx (`ppt/slides/slideN.xml` parts). */
export async function pptxSlideCount(bytes: Uint8Array, file: string): Promise<number> {
  let names: string[];
  try {
    names = readZip(bytes).map((e) => e.name);
  } catch (e) {
    throw new ExportError(
      'pptx-unreadable',
      `Unreadable deck \`${file}\`, expected a .pptx (zip) file: ${(e as Error).message}; rebuild it with \`briefdeck build --force\``,
    );
  }
  const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  if (slides === 0)
    throw new ExportError(
      'pptx-unreadable',
      `Unexpected deck \`${file}\` with no slides, expected at least one \`ppt/slides/slideN.xml\``,
    );
  return slides;
}
