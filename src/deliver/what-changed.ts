import { shortVersion } from '../history/compare.js';
import type { DeckDiff } from '../history/deck-diff.js';
import { diffHtml, formatDiff, slideList, summarizeDiff } from '../history/format-diff.js';
import type { Received } from '../history/sent-versions.js';
import { escapeHtml } from '../util/html.js';
import { formatUtc } from '../util/time.js';

/**
 * What changed for one group of recipients: the attached version compared
 * with the version they last accepted. Pure: the mail's text, HTML, subject
 * and attached full list are all rendered from this one value.
 */
export interface WhatChanged {
  /** The version these recipients last accepted, and when; absent for recipients new to the deck. */
  since?: Received;
  /** `since` → the attached version; absent when `since` is older than the versions kept. */
  diff?: DeckDiff;
}

/** Change lines in the mail body; a longer list is cut there and attached whole. */
export const MAIL_LINES = 15;
/** Kinds of change named in a subject: `(updated: 2 sections · 3 bullets · …)`. */
const SUBJECT_ITEMS = 2;

export interface ChangesSection {
  heading: string;
  /** `first version`, `unchanged`, `updated: …`, or `not known` (baseline record pruned). */
  summary: string;
  /** Set when the change lines were cut: the attachment holding them all. */
  fullList?: { filename: string; content: string };
}

export function changesSection(w: WhatChanged, slug: string, title: string): ChangesSection {
  const heading = w.since ? `What changed since the version you received on ${formatUtc(w.since.at)}` : 'What changed';
  const summary = !w.since ? 'first version' : w.diff ? summarizeDiff(w.diff) : 'not known';
  const cut = !!w.since && !!w.diff && w.diff.changes.length > MAIL_LINES;
  if (!cut) return { heading, summary };
  const d = w.diff!;
  const content = [
    title,
    heading,
    `(version ${shortVersion(d.from!)} → ${shortVersion(d.to)})`,
    '',
    summary,
    '',
    ...formatDiff(d),
  ].join('\n');
  return { heading, summary, fullList: { filename: `${slug}-what-changed.txt`, content: `${content}\n` } };
}

/** The marker a subject carries for an update; none for a first version, an unchanged deck or an unknown baseline. */
export function subjectMark(w: WhatChanged): string | undefined {
  if (!w.since || !w.diff || w.diff.changes.length === 0) return undefined;
  return summarizeDiff(w.diff, { maxItems: SUBJECT_ITEMS });
}

/** The plain-text section, indented under its heading. */
export function changesText(w: WhatChanged, s: ChangesSection): string[] {
  return [s.heading, ...explain(w, s).map((l) => `  ${l}`)];
}

export function changesHtml(w: WhatChanged, s: ChangesSection): string {
  const parts = [`<h2>${escapeHtml(s.heading)}</h2>`];
  if (!w.since || !w.diff || w.diff.changes.length === 0) {
    parts.push(`<p>${escapeHtml(explain(w, s)[0])}</p>`);
    return parts.join('\n');
  }
  parts.push(`<p><strong>${escapeHtml(s.summary)}</strong></p>`, diffHtml(w.diff, { maxLines: MAIL_LINES }));
  parts.push(
    `<p>Slides with changes: ${escapeHtml(slideList(w.diff.slides))}${s.fullList ? ` · the full list of ${w.diff.changes.length} changes is attached (${escapeHtml(s.fullList.filename)})` : ''}</p>`,
  );
  return parts.join('\n');
}

/** The section's lines: the summary explained, then (for an update) the change lines, cut to MAIL_LINES. */
function explain(w: WhatChanged, s: ChangesSection): string[] {
  if (!w.since) return ['first version: you have not received this deck before'];
  if (!w.diff)
    return [
      `not known: the version you received (${shortVersion(w.since.version)}) is older than the versions kept (\`history.keep\`)`,
    ];
  if (w.diff.changes.length === 0)
    return ['unchanged: the slides say the same as in the version you received; only the file was rebuilt'];
  const lines = formatDiff(w.diff, { maxLines: MAIL_LINES }).map((l, i, all) =>
    i < all.length - 1 && !l.startsWith('… and ') ? `- ${l}` : l,
  );
  if (s.fullList)
    lines.splice(
      lines.length - 1,
      0,
      `The full list of ${w.diff.changes.length} changes is attached: ${s.fullList.filename}`,
    );
  return [s.summary, ...lines];
}
