import { diagnostic, type Diagnostic } from '../model/diagnostic.js';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode bytes as UTF-8, refusing invalid sequences instead of silently
 * writing U+FFFD into a deck. Also strips a BOM (marked lexes `\uFEFF# A` as a
 * paragraph) and normalises line endings, so positions count `\n` only.
 */
export function decodeSource(bytes: Uint8Array, file: string): { text?: string; diagnostics: Diagnostic[] } {
  try {
    let text = strict.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text: text.replace(/\r\n?/g, '\n'), diagnostics: [] };
  } catch {
    const bad = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).replace(/\r\n?/g, '\n');
    const lines = before.split('\n');
    return {
      diagnostics: [
        diagnostic(
          'error',
          'invalid-utf8',
          { file, line: lines.length, column: lines[lines.length - 1].length + 1 },
          `Unexpected byte \`0x${bytes[bad]?.toString(16).padStart(2, '0')}\`, expected UTF-8 text`,
          'save the file as UTF-8',
        ),
      ],
    };
  }
}

function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}
