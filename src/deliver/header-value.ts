import addressparser from 'nodemailer/lib/addressparser';
import { DeliveryError } from '../model/errors.js';
import { escapeControl, firstControl, firstInvisible } from '../util/control-chars.js';

/**
 * Values that end up in mail headers are refused, not cleaned, when they
 * hold a control character: a CR/LF in a From or Subject starts a header of
 * the attacker's choosing (`Bcc:`), and silently stripping it would send
 * mail under a name nobody wrote. Refused with the source named.
 */
export function headerProblem(value: string): string | undefined {
  const c = firstControl(value);
  if (c) return `Unexpected ${c}, expected one line of text without control characters`;
  // An invisible character makes a subject or a sender that is not what it looks like (and defeats filters).
  const i = firstInvisible(value);
  return i && `Unexpected invisible character ${i}, expected text whose every character shows`;
}

/**
 * local@domain: what an SMTP envelope needs (`briefdeck@localhost` included); deck.yaml recipients are held to zod's
 * stricter check.
 */
const ADDRESS = /^[^\s@<>",;:\\]+@[^\s@<>",;:\\]+$/;

/** Check a sender such as `Briefing Desk <desk@example.org>` and return its address (the envelope sender). */
export function checkSender(from: string, source: string): string {
  const fail = (why: string) =>
    new DeliveryError('mail-from-invalid', `Invalid sender \`${escapeControl(from)}\` in ${source}: ${why}`);
  const control = headerProblem(from);
  if (control) throw fail(control);
  const parsed = addressparser(from);
  const box = parsed.length === 1 && parsed[0].address !== undefined ? parsed[0] : undefined;
  if (!box || !ADDRESS.test(box.address)) throw fail('expected one address such as `Briefing Desk <desk@example.org>`');
  return box.address!;
}
