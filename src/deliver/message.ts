import nodemailer from 'nodemailer';
import type { DeckArtifacts } from './artifacts.js';

export interface MessageInput {
  slug: string;
  from: string;
  to: string[];
  cc: string[];
  /** deck.yaml `email.subject`, else the deck title. */
  subject: string;
  title: string;
  subtitle?: string;
  organization?: string;
  /** YYYY-MM-DD */
  deckDate?: string;
  /** The timestamp written into the .pptx (ISO 8601). */
  builtAt: string;
  agenda: string[];
  /** Formatted `file:line:col warning …` lines. */
  warnings: string[];
  artifacts: DeckArtifacts;
  /** Header fields that make the bytes reproducible. */
  date: Date;
  messageId: string;
}

export interface BuiltMessage {
  raw: Buffer;
  subject: string;
  messageId: string;
  to: string[];
  cc: string[];
}

/** Deck facts + built files → the raw RFC 5322 message (CRLF). The same bytes go to SMTP and the outbox. */
export async function deckToMessage(m: MessageInput): Promise<BuiltMessage> {
  const subject = subjectOf(m.subject, m.deckDate);
  const { pptx, pdf, contactSheet, version } = m.artifacts;
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await composer.sendMail({
    from: m.from,
    to: m.to,
    cc: m.cc.length > 0 ? m.cc : undefined,
    subject,
    date: m.date,
    messageId: m.messageId,
    baseBoundary: version.slice(0, 24),
    headers: { 'X-Briefdeck-Deck': m.slug, 'X-Briefdeck-Version': version.slice(0, 16) },
    text: textBody(m),
    html: htmlBody(m),
    attachments: [
      ...[pptx, pdf].flatMap((a) => (a ? [{ filename: a.filename, content: a.content, contentType: a.contentType }] : [])),
      ...(contactSheet ? [{ filename: contactSheet.filename, content: contactSheet.content, contentType: contactSheet.contentType, cid: CONTACT_SHEET_CID, contentDisposition: 'inline' as const }] : []),
    ],
  });
  composer.close();
  return { raw: info.message as Buffer, subject, messageId: m.messageId, to: m.to, cc: m.cc };
}

const CONTACT_SHEET_CID = 'contact-sheet@briefdeck';

/** The subject carries the deck's date unless it already does. */
export function subjectOf(subject: string, date?: string): string {
  return date && !subject.includes(date) ? `${subject} (${date})` : subject;
}

function facts(m: MessageInput): [string, string][] {
  const files = [m.artifacts.pptx, m.artifacts.pdf].flatMap((a) => (a ? [`${a.filename} (${formatBytes(a.content.length)})`] : []));
  return [
    ...(m.organization ? [['Organization', m.organization] as [string, string]] : []),
    ...(m.deckDate ? [['Date', m.deckDate] as [string, string]] : []),
    ['Built', m.builtAt],
    ['Attached', files.join(', ')],
  ];
}

function textBody(m: MessageInput): string {
  const lines = [m.title, ...(m.subtitle ? [m.subtitle] : []), ''];
  for (const [k, v] of facts(m)) lines.push(`${k}: ${v}`);
  lines.push('', 'Agenda', ...m.agenda.map((t, i) => `  ${i + 1}. ${t}`));
  if (m.warnings.length > 0) lines.push('', `Build warnings (${m.warnings.length})`, ...m.warnings.map((w) => `  - ${w}`));
  lines.push('', '-- ', 'Sent by briefdeck');
  return `${lines.join('\n')}\n`;
}

function htmlBody(m: MessageInput): string {
  const e = escapeHtml;
  const parts = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif">',
    `<h1>${e(m.title)}</h1>`,
    ...(m.subtitle ? [`<p><em>${e(m.subtitle)}</em></p>`] : []),
    `<table>${facts(m).map(([k, v]) => `<tr><th align="left">${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>`,
    '<h2>Agenda</h2>',
    `<ol>${m.agenda.map((t) => `<li>${e(t)}</li>`).join('')}</ol>`,
  ];
  if (m.warnings.length > 0) parts.push(`<h2>Build warnings (${m.warnings.length})</h2>`, `<ul>${m.warnings.map((w) => `<li><code>${e(w)}</code></li>`).join('')}</ul>`);
  if (m.artifacts.contactSheet) parts.push('<h2>Slides</h2>', `<p><img src="cid:${CONTACT_SHEET_CID}" alt="Contact sheet: every slide of ${e(m.title)}" style="max-width: 100%"></p>`);
  parts.push('<p style="color: #666">Sent by briefdeck</p>', '</body></html>');
  return `${parts.join('\n')}\n`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
