import type { Received } from '../history/sent-versions.js';

/**
 * Recipients who last accepted the same version (or none): they read the same "what changed", so they share one
 * message.
 */
export interface RecipientGroup {
  /** Absent: new to the deck. */
  since?: Received;
  recipients: string[];
}

/**
 * Split the recipients by the version each last accepted (`received`, keyed
 * by lower-case address, as receivedVersions gives it). Groups come in the
 * order of their first recipient, recipients in their own order, so the same
 * send log gives the same messages. Recipients of one version who accepted it
 * at different times share the earliest time (the version is what they share).
 */
export function recipientGroups(
  recipients: readonly string[],
  received: ReadonlyMap<string, Received>,
): RecipientGroup[] {
  const groups = new Map<string, RecipientGroup>();
  for (const r of recipients) {
    const since = received.get(r.toLowerCase());
    const key = since?.version ?? '';
    const g = groups.get(key);
    if (!g) groups.set(key, { ...(since ? { since: { ...since } } : {}), recipients: [r] });
    else {
      g.recipients.push(r);
      if (since && g.since && since.at < g.since.at) g.since.at = since.at;
    }
  }
  return [...groups.values()];
}
