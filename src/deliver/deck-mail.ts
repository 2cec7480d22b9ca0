import { loadDeckSource } from '../content/load-deck.js';
import { sourceToArticle } from '../content/source-to-article.js';
import { diffVersions } from '../history/diff-versions.js';
import { readVersion } from '../history/version-store.js';
import type { DeckMeta } from '../model/article.js';
import { formatDiagnostic } from '../util/format-diagnostic.js';
import { DeliveryError } from '../model/errors.js';
import { sha256 } from '../util/hash.js';
import { formatUtc } from '../util/time.js';
import { madeArtifact, type Artifact, type DeckArtifacts } from './artifacts.js';
import type { BuiltDeck } from './built-deck.js';
import { deckToMessage, type BuiltMessage } from './message.js';
import type { RecipientGroup } from './recipient-groups.js';
import type { WhatChanged } from './what-changed.js';

export type DeckEmail = NonNullable<DeckMeta['email']>;

/**
 * Who gets the deck: `email` in the deck's current deck.yaml (where to send
 * is a question about now, unlike what the attached deck says, which comes
 * from its version record). Only deck.yaml must be valid: with
 * `--allow-stale`, a deck whose sections were broken since its build is
 * still sent as built.
 */
export async function deckEmail(slug: string, contentDir: string): Promise<{ email?: DeckEmail }> {
  const parsed = sourceToArticle(await loadDeckSource(contentDir, slug));
  if (parsed.article) return { email: parsed.article.meta.email };
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  throw new DeliveryError(
    'deck-invalid',
    `Deck \`${slug}\` has ${errors.length} error${errors.length === 1 ? '' : 's'} in its folder or \`deck.yaml\`, expected a valid deck (run \`briefdeck check ${slug}\`)`,
    errors,
  );
}

export interface PlannedMessage {
  group: RecipientGroup;
  message: BuiltMessage;
  /**
   * Part of the outbox file name and the Message-ID: the same send version, baseline and recipients give the same key.
   */
  key: string;
}

export interface PlanInput {
  slug: string;
  outDir: string;
  from: string;
  fromAddress: string;
  email: DeckEmail;
  artifacts: DeckArtifacts;
  built: BuiltDeck;
  groups: RecipientGroup[];
  /** Outbox: a Message-ID from the content, so the same send writes the same file. */
  reproducible: boolean;
  /** The send time, for the Date header (the deck's own date stays in the subject and body). */
  now: Date;
}

/** One message per recipient group, each saying what changed since the version its recipients have. */
export async function planMessages(p: PlanInput): Promise<PlannedMessage[]> {
  const { record, builtAt } = p.built;
  const domain = p.fromAddress.split('@').pop() || 'briefdeck.localhost';
  const sheets = new Map<string, Promise<{ sheet?: Artifact; outlined: number[] }>>();
  const out: PlannedMessage[] = [];
  for (const group of p.groups) {
    const changes = await whatChanged(p, group);
    const outline = changes.diff?.from ? changes.diff.slides : [];
    const k = outline.join(',');
    if (!sheets.has(k)) sheets.set(k, sheetFor(p.artifacts, outline));
    const { sheet, outlined } = await sheets.get(k)!;
    const lower = new Set(group.recipients.map((r) => r.toLowerCase()));
    const key = sha256(`${p.artifacts.version}\n${group.since?.version ?? ''}\n${[...lower].join('\n')}`);
    const message = await deckToMessage({
      slug: p.slug,
      from: p.from,
      // The headers name this message's recipients only, in their deck.yaml roles: an .eml in the outbox says whom it
      // is for.
      to: p.email.to.filter((a) => lower.has(a.toLowerCase())),
      cc: p.email.cc.filter(
        (a) => lower.has(a.toLowerCase()) && !p.email.to.some((t) => t.toLowerCase() === a.toLowerCase()),
      ),
      subject: p.email.subject ?? record.title,
      title: record.title,
      subtitle: record.subtitle,
      organization: record.organization,
      deckDate: record.date,
      builtAt: builtAt && formatUtc(builtAt),
      agenda: record.sections.map((s) => s.title),
      warnings: (record.warnings ?? []).map(formatDiagnostic),
      artifacts: p.artifacts,
      contactSheet: sheet,
      outlined,
      changes,
      date: p.now,
      messageId: p.reproducible
        ? `<${key.slice(0, 32)}.${p.slug}@${domain}>`
        : `<${key.slice(0, 20)}.${p.now.getTime().toString(36)}.${p.slug}@${domain}>`,
    });
    out.push({ group, message, key });
  }
  return out;
}

/** The group's baseline record, when it is still kept, compared with the attached version. */
async function whatChanged(p: PlanInput, group: RecipientGroup): Promise<WhatChanged> {
  if (!group.since) return {};
  const before = await readVersion(p.outDir, p.slug, group.since.version);
  return { since: group.since, ...(before ? { diff: diffVersions(before, p.built.record) } : {}) };
}

/**
 * The exported contact sheet, drawn again with `outline` when there is something to outline and the slide images are
 * current.
 */
async function sheetFor(
  a: DeckArtifacts,
  outline: readonly number[],
): Promise<{ sheet?: Artifact; outlined: number[] }> {
  const slides = a.slides;
  const outlined = slides ? outline.filter((n) => n >= 1 && n <= slides.length) : [];
  if (!a.contactSheet || !slides || outlined.length === 0) return { sheet: a.contactSheet, outlined: [] };
  // sharp loads only here: a mail without outlines never pays for it.
  const { contactSheet } = await import('../export/contact-sheet.js');
  return {
    sheet: madeArtifact(
      a.contactSheet.file,
      a.contactSheet.filename,
      'image/png',
      await contactSheet(slides, { outline: outlined }),
    ),
    outlined,
  };
}
