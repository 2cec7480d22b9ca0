import { inspect } from 'node:util';
import { DeliveryError } from '../model/errors.js';
import { secretForms } from './redact.js';

/**
 * SMTP settings parsed from `smtp[s]://[user[:password]@]host[:port][?requireTLS=true]`.
 * The password lives in a private field: JSON, `util.inspect`, string
 * conversion and object spreading show `display` and the user, never it.
 */
export class SmtpSettings {
  readonly #pass: string | undefined;
  readonly #forms: readonly string[];
  /** `smtp://host:port` as written (no credentials): safe to print and to store as the send log's key. */
  readonly display: string;

  constructor(
    readonly host: string,
    readonly port: number,
    /** smtps:// — TLS from the first byte (port 465). */
    readonly secure: boolean,
    readonly user: string | undefined,
    pass: string | undefined,
    readonly requireTLS: boolean,
    display: string,
    /** The password as written in the URL (it may be partly percent-encoded): one more form to scrub. */
    writtenPass?: string,
  ) {
    this.#pass = pass;
    this.display = display;
    this.#forms = pass
      ? [...secretForms(pass, user), ...(writtenPass && writtenPass !== pass ? [writtenPass] : [])]
      : [];
  }

  /** The password, for the SMTP client only. */
  password(): string | undefined {
    return this.#pass;
  }

  /** Every form in which the password could show up in text (see secretForms). */
  secretForms(): readonly string[] {
    return this.#forms;
  }

  toString(): string {
    return this.user ? `${this.display} (user \`${this.user}\`)` : this.display;
  }

  toJSON() {
    return {
      host: this.host,
      port: this.port,
      secure: this.secure,
      user: this.user,
      requireTLS: this.requireTLS,
      display: this.display,
    };
  }

  [inspect.custom](): string {
    return `SmtpSettings ${this.toString()}`;
  }
}

const EXAMPLE = '`smtp://user:password@mail.example.org:587`';

/**
 * Parse an SMTP URL without the WHATWG URL parser, which gives up (and would
 * have the whole text echoed) on a password with an unencoded `/`, `#` or `?`.
 * The credentials are everything before the last `@`; the password is
 * everything after the user's first `:`. Errors never quote the text.
 */
export function parseSmtpUrl(text: string, requireTLS: boolean, source: string): SmtpSettings {
  const fail = (why: string) =>
    new DeliveryError(
      'smtp-url-invalid',
      `Invalid ${source} (not shown: it may hold a password): ${why}, expected a URL such as ${EXAMPLE}`,
    );
  const m = /^([a-z][a-z0-9+.-]*):\/\/([\s\S]*)$/i.exec(text.trim());
  if (!m) throw fail('it does not start with `smtp://` or `smtps://`');
  const scheme = m[1].toLowerCase();
  if (scheme !== 'smtp' && scheme !== 'smtps')
    throw new DeliveryError(
      'smtp-url-invalid',
      `Unexpected scheme \`${scheme}:\` in ${source}, expected \`smtp:\` or \`smtps:\``,
    );
  const rest = m[2];
  const at = rest.lastIndexOf('@');
  const userinfo = at >= 0 ? rest.slice(0, at) : undefined;
  const afterAt = at >= 0 ? rest.slice(at + 1) : rest;
  const q = afterAt.indexOf('?');
  const hostAndPath = q >= 0 ? afterAt.slice(0, q) : afterAt;
  const query = q >= 0 ? afterAt.slice(q + 1) : '';
  const authority = hostAndPath.split('/')[0];
  const hp = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?))(?::(\d{1,5}))?$/i.exec(authority);
  if (!hp) throw fail(authority ? 'the host (after the last `@`) is not `host` or `host:port`' : 'the host is missing');
  const host = hp[1] ?? hp[2];
  const port = hp[3] ? Number(hp[3]) : scheme === 'smtps' ? 465 : 587;
  if (port < 1 || port > 65535) throw fail('the port is not a number from 1 to 65535');
  let user: string | undefined;
  let pass: string | undefined;
  let writtenPass: string | undefined;
  if (userinfo !== undefined) {
    const colon = userinfo.indexOf(':');
    const rawUser = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
    writtenPass = colon >= 0 ? userinfo.slice(colon + 1) : undefined;
    user = rawUser ? decodePart(rawUser, 'user name', fail) : undefined;
    pass = writtenPass ? decodePart(writtenPass, 'password', fail) : undefined;
  }
  const display = `${scheme}://${hp[1] ? `[${hp[1]}]` : host}${hp[3] ? `:${hp[3]}` : ''}`;
  return new SmtpSettings(
    host,
    port,
    scheme === 'smtps',
    user,
    pass,
    requireTLS || new URLSearchParams(query).get('requireTLS') === 'true',
    display,
    writtenPass,
  );
}

/**
 * Percent-decode a user name or password; a `%` that starts no valid escape is an error (a literal `%` is written
 * `%25`).
 */
function decodePart(s: string, what: string, fail: (why: string) => Error): string {
  if (/%(?![0-9a-f]{2})/i.test(s))
    throw fail(`a \`%\` in the ${what} does not start an escape such as \`%40\` (write a literal \`%\` as \`%25\`)`);
  try {
    return decodeURIComponent(s);
  } catch {
    throw fail(`the \`%\` escapes in the ${what} do not decode to UTF-8 text`);
  }
}
