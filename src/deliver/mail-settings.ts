import type { Config } from '../config/config-schema.js';
import { DeliveryError } from '../model/errors.js';
import { redact } from './redact.js';

export const DEFAULT_FROM = 'briefdeck <briefdeck@localhost>';
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps:// — TLS from the first byte (port 465). */
  secure: boolean;
  user?: string;
  pass?: string;
  requireTLS: boolean;
  /** `smtp://host:port`, safe to print and to store. */
  display: string;
}

export interface MailSettings {
  from: string;
  maxBytes: number;
  /** Absent: the outbox. */
  smtp?: SmtpSettings;
  /** Strings to scrub from anything reported (the password). */
  secrets: string[];
}

/**
 * The one place that states precedence for mail settings:
 * environment (BRIEFDECK_SMTP_URL, BRIEFDECK_MAIL_FROM) > config file `mail` > defaults.
 */
export function mailSettings(config: Config, env: NodeJS.ProcessEnv): MailSettings {
  const mail = config.mail;
  const from = env.BRIEFDECK_MAIL_FROM || mail?.from || DEFAULT_FROM;
  const maxBytes = mail?.maxBytes ?? DEFAULT_MAX_BYTES;
  const url = env.BRIEFDECK_SMTP_URL || mail?.smtp;
  if (!url) return { from, maxBytes, secrets: [] };
  const smtp = parseSmtpUrl(url, mail?.requireTLS ?? false, env.BRIEFDECK_SMTP_URL ? 'BRIEFDECK_SMTP_URL' : 'mail.smtp');
  return { from, maxBytes, smtp, secrets: smtp.pass ? [smtp.pass] : [] };
}

function parseSmtpUrl(text: string, requireTLS: boolean, source: string): SmtpSettings {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new DeliveryError('smtp-url-invalid', `Invalid ${source} \`${redact(text)}\`, expected a URL such as \`smtp://user:password@mail.example.org:587\``);
  }
  const pass = u.password ? decodeURIComponent(u.password) : undefined;
  const shown = redact(text, pass ? [pass] : []);
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') {
    throw new DeliveryError('smtp-url-invalid', `Unexpected scheme \`${u.protocol}\` in ${source} \`${shown}\`, expected \`smtp:\` or \`smtps:\``);
  }
  if (!u.hostname) throw new DeliveryError('smtp-url-invalid', `Missing host in ${source} \`${shown}\``);
  const secure = u.protocol === 'smtps:';
  const port = u.port ? Number(u.port) : secure ? 465 : 587;
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port,
    secure,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    pass,
    requireTLS: requireTLS || u.searchParams.get('requireTLS') === 'true',
    display: `${u.protocol}//${u.host}`,
  };
}
