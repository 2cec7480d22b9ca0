import type { Config } from '../config/config-schema.js';
import { checkSender } from './header-value.js';
import { redact } from './redact.js';
import { parseSmtpUrl, type SmtpSettings } from './smtp-url.js';

export { SmtpSettings } from './smtp-url.js';

export const DEFAULT_FROM = 'briefdeck <briefdeck@localhost>';
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface MailSettings {
  /** The From header, checked: one mailbox, no control characters. */
  from: string;
  /** The envelope sender: the address inside `from`. */
  fromAddress: string;
  maxBytes: number;
  /** Absent: the outbox. */
  smtp?: SmtpSettings;
  /** Scrub the password (in every form it could take) from text about to be reported. */
  redact(text: string): string;
}

/**
 * Mail settings, parsed once, with the one statement of their precedence:
 * environment (BRIEFDECK_SMTP_URL, BRIEFDECK_MAIL_FROM) > config file `mail` > defaults.
 * Throws DeliveryError for a bad URL or sender; its message never holds the password.
 */
export function mailSettings(config: Config, env: NodeJS.ProcessEnv): MailSettings {
  const mail = config.mail;
  const fromSource = env.BRIEFDECK_MAIL_FROM
    ? 'BRIEFDECK_MAIL_FROM'
    : mail?.from
      ? '`mail.from` in the config file'
      : undefined;
  const from = env.BRIEFDECK_MAIL_FROM || mail?.from || DEFAULT_FROM;
  const fromAddress = checkSender(from, fromSource ?? 'the default sender');
  const maxBytes = mail?.maxBytes ?? DEFAULT_MAX_BYTES;
  const url = env.BRIEFDECK_SMTP_URL || mail?.smtp;
  if (!url) return { from, fromAddress, maxBytes, redact: (t) => redact(t) };
  const smtp = parseSmtpUrl(
    url,
    mail?.requireTLS ?? false,
    env.BRIEFDECK_SMTP_URL ? 'BRIEFDECK_SMTP_URL' : '`mail.smtp` in the config file',
  );
  const forms = smtp.secretForms();
  return { from, fromAddress, maxBytes, smtp, redact: (t) => redact(t, forms) };
}
