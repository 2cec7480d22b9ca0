/**
 * Characters that change how text is shown rather than being shown: C0 and
 * C1 controls (CR, LF, ESC, backspace…), DEL, line/paragraph separators and
 * bidirectional overrides. In a mail header they start new headers; on a
 * terminal or in a log they forge or hide lines.
 */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Characters that are there but show nothing: zero-width space, word joiner and the invisible operators, soft
 * hyphen, byte order mark, the Hangul fillers, interlinear annotations and the tag characters (used to smuggle text
 * past readers). A subject or a file name that holds one is not what it looks like. Zero-width (non-)joiners and
 * variation selectors are left alone: Persian, Indic scripts and emoji need them.
 */
export const INVISIBLE_CHARS =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;
const CONTROL_ALL = new RegExp(`${CONTROL_CHARS.source}|${INVISIBLE_CHARS.source}`, 'g');

const NAMES: Record<string, string> = {
  '\n': 'line feed',
  '\r': 'carriage return',
  '\t': 'tab',
  '\u001b': 'escape',
  '\u0000': 'NUL',
  '\u0008': 'backspace',
  '\u007f': 'delete',
  '\u200b': 'zero width space',
  '\u2060': 'word joiner',
  '\ufeff': 'zero width no-break space',
  '\u00ad': 'soft hyphen',
};

/** `\n`, `\r`, `\t` or `\u001b`: an escape that is readable and valid inside a JSON string too. */
export function escapeChar(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  // A tag character is a surrogate pair: both halves escaped, which JSON reads back as the one character.
  return [...c]
    .flatMap((ch) => (ch.length === 2 ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [ch.charCodeAt(0)]))
    .map((u) => `\\u${u.toString(16).padStart(4, '0')}`)
    .join('');
}

/** Every control character shown as an escape: the text stays one line and shows what it holds. */
export const escapeControl = (s: string): string => s.replace(CONTROL_ALL, escapeChar);

/** Colour codes the CLI itself writes (cli/output.ts): the only escapes a terminal line may keep. */
const OWN_SGR = /(\u001b\[(?:2|22|31|32|33|39)m)/;
const CONTROL_BUT_NEWLINE = new RegExp(
  `${CONTROL_CHARS.source.replace('\\u0000-\\u001f', '\\u0000-\\u0009\\u000b-\\u001f')}|${INVISIBLE_CHARS.source}`,
  'g',
);

/**
 * What may reach a terminal or a log: every control character escaped except
 * line breaks and briefdeck's own colours. Values from files (names, text,
 * server replies) are escaped where they enter a message (formatDiagnostic,
 * deck lines), so a line break inside them never reaches this point raw.
 */
export function terminalSafe(line: string): string {
  return line
    .split(OWN_SGR)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(CONTROL_BUT_NEWLINE, escapeChar)))
    .join('');
}

/** `U+000D (carriage return)` for the first control character in `s`, if any: for "Unexpected …" messages. */
export function firstControl(s: string): string | undefined {
  return named(CONTROL_CHARS.exec(s)?.[0]);
}

/** Marks, embeddings, overrides and isolates that reorder text as it is shown (`U+202E` shows `exe.pdf` as `fdp.exe`). */
const BIDI_CHARS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** `U+202E` for the first bidirectional control in `s`, if any. */
export function firstBidi(s: string): string | undefined {
  return named(BIDI_CHARS.exec(s)?.[0]);
}

/** `U+200B (zero width space)` for the first invisible character in `s`, if any. */
export function firstInvisible(s: string): string | undefined {
  return named(INVISIBLE_CHARS.exec(s)?.[0]);
}

function named(c: string | undefined): string | undefined {
  if (c === undefined) return undefined;
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[c] ? `${code} (${NAMES[c]})` : code;
}
