/** `decodeURI` that never throws: a malformed `%` escape (a typo in a Markdown link) stays as written. */
export function safeDecodeUri(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
