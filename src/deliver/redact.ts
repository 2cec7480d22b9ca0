/**
 * Credentials must never reach a log line, an error, the send log or the
 * outbox. Every string that leaves the deliver stage goes through `redact`.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  // scheme://user:password@host → scheme://user:***@host (any scheme, anywhere in the text)
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi, '$1:***@');
  for (const s of secrets) {
    if (s.length < 3) continue;
    for (const form of new Set([s, encodeURIComponent(s), Buffer.from(s).toString('base64')])) out = out.split(form).join('***');
  }
  return out;
}

/** An error's message, redacted: what the deliver stage reports for anything thrown. */
export function errorText(e: unknown, secrets: readonly string[] = []): string {
  const msg = e instanceof Error ? e.message : String(e);
  return redact(msg.replace(/\s+/g, ' ').trim(), secrets);
}
