import nodemailer from 'nodemailer';
import { escapeHtml } from '../util/html.js';
import type { Artifact, DeckArtifacts } from './artifacts.js';
import { changesHtml, changesSection, changesText, subjectMark, type WhatChanged } from './what-changed.js';

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
  /** When the attached version was built, as people read it (`2026-11-20 09:15 UTC`). */
  builtAt?: string;
  agenda: string[];
  /** Formatted `file:line:col warning …` lines. */
  warnings: string[];
  artifacts: DeckArtifacts;
  /** The inline contact sheet for these recipients (changed slides outlined), if any. */
  contactSheet?: Artifact;
  /** Slides outlined on `contactSheet`. */
  outlined?: readonly number[];
  changes: WhatChanged;
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
  /** `first version`, `unchanged`, `updated: …` or `not known`. */
  summary: string;
  /** Names of the attached files (the inline contact sheet included). */
  attachments: string[];
}

/** Deck facts + built files → the raw RFC 5322 message (CRLF). The same bytes go to SMTP and the outbox. */
export async function deckToMessage(m: MessageInput): Promise<BuiltMessage> {
  const subject = subjectOf(m.subject, m.deckDate, subjectMark(m.changes));
  const section = changesSection(m.changes, m.slug, m.title);
  const { pptx, pdf, version } = m.artifacts;
  const sheet = m.contactSheet;
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const attachments = [
    ...[pptx, pdf].flatMap((a) =>
      a ? [{ filename: a.filename, content: a.content, contentType: a.contentType }] : [],
    ),
    ...(section.fullList
      ? [
          {
            filename: section.fullList.filename,
            content: section.fullList.content,
            contentType: 'text/plain; charset=utf-8',
          },
        ]
      : []),
    ...(sheet
      ? [
          {
            filename: sheet.filename,
            content: sheet.content,
            contentType: sheet.contentType,
            cid: CONTACT_SHEET_CID,
            contentDisposition: 'inline' as const,
          },
        ]
      : []),
  ];
  const info = await composer.sendMail({
    from: m.from,
    to: m.to.length > 0 ? m.to : undefined,
    cc: m.cc.length > 0 ? m.cc : undefined,
    subject,
    date: m.date,
    messageId: m.messageId,
    baseBoundary: version.slice(0, 24),
    headers: { 'X-Briefdeck-Deck': m.slug, 'X-Briefdeck-Version': version.slice(0, 16) },
    text: textBody(m, changesText(m.changes, section)),
    html: htmlBody(m, changesHtml(m.changes, section)),
    attachments,
  });
  composer.close();
  return {
    raw: info.message as Buffer,
    subject,
    messageId: m.messageId,
    to: m.to,
    cc: m.cc,
    summary: section.summary,
    attachments: attachments.map((a) => a.filename),
  };
}

const CONTACT_SHEET_CID = 'contact-sheet@briefdeck';

/**
 * The subject carries the deck's date unless it already does, and marks an
 * update: `Weekly brief (2026-11-20, updated: 3 sections)`.
 */
export function subjectOf(subject: string, date?: string, mark?: string): string {
  const notes = [...(date && !subject.includes(date) ? [date] : []), ...(mark ? [mark] : [])];
  return notes.length > 0 ? `${subject} (${notes.join(', ')})` : subject;
}

function facts(m: MessageInput): [string, string][] {
  const files = [m.artifacts.pptx, m.artifacts.pdf].flatMap((a) =>
    a ? [`${a.filename} (${formatBytes(a.content.length)})`] : [],
  );
  return [
    ...(m.organization ? [['Organization', m.organization] as [string, string]] : []),
    ...(m.deckDate ? [['Date', m.deckDate] as [string, string]] : []),
    ...(m.builtAt ? [['Built', m.builtAt] as [string, string]] : []),
    ['Attached', files.join(', ')],
  ];
}

function textBody(m: MessageInput, changes: string[]): string {
  const lines = [m.title, ...(m.subtitle ? [m.subtitle] : []), ''];
  for (const [k, v] of facts(m)) lines.push(`${k}: ${v}`);
  lines.push('', ...changes);
  lines.push('', 'Agenda', ...m.agenda.map((t, i) => `  ${i + 1}. ${t}`));
  if (m.warnings.length > 0)
    lines.push('', `Build warnings (${m.warnings.length})`, ...m.warnings.map((w) => `  - ${w}`));
  lines.push('', '-- ', 'Sent by briefdeck');
  return `${lines.join('\n')}\n`;
}

function htmlBody(m: MessageInput, changes: string): string {
  const e = escapeHtml;
  const parts = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif">',
    `<h1>${e(m.title)}</h1>`,
    ...(m.subtitle ? [`<p><em>${e(m.subtitle)}</em></p>`] : []),
    `<table>${facts(m)
      .map(([k, v]) => `<tr><th align="left">${e(k)}</th><td>${e(v)}</td></tr>`)
      .join('')}</table>`,
    changes,
    '<h2>Agenda</h2>',
    `<ol>${m.agenda.map((t) => `<li>${e(t)}</li>`).join('')}</ol>`,
  ];
  if (m.warnings.length > 0)
    parts.push(
      `<h2>Build warnings (${m.warnings.length})</h2>`,
      `<ul>${m.warnings.map((w) => `<li><code>${e(w)}</code></li>`).join('')}</ul>`,
    );
  if (m.contactSheet) {
    const n = m.outlined?.length ?? 0;
    const alt =
      n > 0
        ? `Contact sheet: every slide of ${m.title}; the ${n === 1 ? 'slide' : `${n} slides`} outlined changed`
        : `Contact sheet: every slide of ${m.title}`;
    parts.push(
      '<h2>Slides</h2>',
      ...(n > 0 ? ['<p>Outlined: the slides that changed since the version you received.</p>'] : []),
      `<p><img src="cid:${CONTACT_SHEET_CID}" alt="${e(alt)}" style="max-width: 100%"></p>`,
    );
  }
  parts.push('<p style="color: #666">Sent by briefdeck</p>', '</body></html>');
  return `${parts.join('\n')}\n`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
