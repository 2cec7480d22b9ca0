/**
 * Credentials must never reach a log line, an error, the send log or the
 * outbox. Every string that leaves the deliver stage goes through `redact`
 * with the forms of the password that SmtpSettings derives (secretForms).
 */
export function redact(text: string, forms: readonly string[] = []): string {
  // scheme://user:password@host → scheme://user:***@host, up to the token's last `@` (passwords may hold `/`, `#`,
  // `@`).
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):\S*@/gi, '$1:***@');
  // Longest first, so a form containing another is replaced whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('***');
  return out;
}

/** Shorter fragments would match ordinary text; a password this short is not protected by any of this anyway. */
const MIN_FORM = 3;
const MIN_BASE64_CORE = 8;

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

/**
 * Every way the password can appear in what a server or library says back:
 * as is, URL-encoded (two styles), base64 alone (AUTH LOGIN sends the user
 * and the password each as base64), the AUTH PLAIN string
 * (`\0user\0pass` and `user\0user\0pass`, base64), and — since a server may
 * echo any base64 blob that contains it — the password's base64 at each of
 * the three byte alignments, trimmed to the characters that depend on the
 * password alone.
 */
export function secretForms(pass: string, user?: string): string[] {
  if (pass.length < MIN_FORM) return [];
  const forms = new Set<string>([
    pass,
    encodeURIComponent(pass),
    encodeURIComponent(pass).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  ]);
  for (const s of [pass, ...(user !== undefined ? [`\0${user}\0${pass}`, `${user}\0${user}\0${pass}`] : [])]) {
    forms.add(b64(s));
    forms.add(b64(s).replace(/=+$/, ''));
  }
  if (user && user.length >= MIN_FORM) forms.add(b64(user).replace(/=+$/, ''));
  const bytes = Buffer.from(pass);
  for (let shift = 0; shift < 3; shift++) {
    const encoded = b64(Buffer.concat([Buffer.alloc(shift), bytes]));
    // Characters before the first whole group of password bytes, and after the last, depend on the neighbours.
    const core = encoded.slice(Math.ceil(shift / 3) * 4, Math.floor((shift + bytes.length) / 3) * 4);
    if (core.length >= MIN_BASE64_CORE) forms.add(core);
  }
  for (const f of [...forms]) if (f.length < MIN_FORM) forms.delete(f);
  return [...forms];
}

/**
 * An error's message on one line, redacted (by the settings' `redact`): what the deliver stage reports for anything
 * thrown.
 */
export function errorText(e: unknown, scrub: (text: string) => string = redact): string {
  const msg = e instanceof Error ? e.message : String(e);
  return scrub(msg.replace(/\s+/g, ' ').trim());
}
