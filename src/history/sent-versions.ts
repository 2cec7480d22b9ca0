import type { SendLog, SendRecord } from './send-log.js';

/** A deck version someone accepted, and when. */
export interface Received {
  /**
   * sha256 of the .pptx: the deck version, as in the version records (not the send log's own version, which hashes
   * every attachment).
   */
  version: string;
  at: string;
}

/** The .pptx attachment's sha256 maps a send record to a deck version. */
export const sentPptx = (r: SendRecord): string | undefined =>
  r.attachments.find((a) => a.filename.toLowerCase().endsWith('.pptx'))?.sha256;

/**
 * Per recipient (lower case): the latest deck version they accepted, over
 * every transport. With `except`, that version does not count: what a
 * recipient had before the version about to be sent (again, with `--force`,
 * or through another transport).
 */
export function receivedVersions(log: SendLog, deck: string, except?: string): Map<string, Received> {
  const out = new Map<string, Received>();
  for (const r of log.sends) {
    const version = r.deck === deck ? sentPptx(r) : undefined;
    if (!version || version === except) continue;
    for (const [who, at] of Object.entries(r.accepted)) {
      const seen = out.get(who);
      if (!seen || at > seen.at) out.set(who, { version, at });
    }
  }
  return out;
}

/** The deck version most recently accepted by anyone: what `diff --last-sent` compares with. */
export function lastSent(log: SendLog, deck: string): Received | undefined {
  let best: Received | undefined;
  for (const r of receivedVersions(log, deck).values()) if (!best || r.at > best.at) best = r;
  return best;
}
