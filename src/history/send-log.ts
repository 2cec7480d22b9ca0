import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DeliveryError } from '../model/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { ioCause, isIoError } from '../util/io-error.js';

const SendRecordSchema = z.object({
  deck: z.string(),
  /** sha256 over the attachments (see deckArtifacts). */
  version: z.string(),
  /** `outbox` or `smtp://host:port`. */
  via: z.string(),
  messageId: z.string(),
  attachments: z.array(z.object({ filename: z.string(), sha256: z.string(), bytes: z.number().int().min(0) })),
  /** Recipient address (lower case) → when the server accepted it. */
  accepted: z.record(z.string(), z.string()),
});
const SendLogSchema = z.object({ format: z.literal(1), sends: z.array(SendRecordSchema) });

/** One version of one deck offered through one transport, and who has accepted it. */
export type SendRecord = z.output<typeof SendRecordSchema>;
export type SendLog = z.output<typeof SendLogSchema>;

export const sendLogFile = (outDir: string) => path.join(outDir, 'sent.json');

export async function loadSendLog(outDir: string): Promise<SendLog> {
  const file = sendLogFile(outDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { format: 1, sends: [] };
    if (isIoError(e)) throw new DeliveryError('send-log-unreadable', `Unreadable \`${file}\`: ${ioCause(e)}`);
    throw e;
  }
  // Validated whole before use. Unlike the other state files, a damaged send log is an error, not "absent": absent
  // would mean mailing every deck again to everyone who already has it.
  let why = 'not JSON (truncated?)';
  try {
    const r = SendLogSchema.safeParse(JSON.parse(text));
    if (r.success) return r.data;
    const i = r.error.issues[0];
    why = `${i.path.join('.') || 'top level'}: ${i.message}`;
  } catch {
    // not JSON
  }
  throw new DeliveryError(
    'send-log-invalid',
    `Unexpected content in \`${file}\` (${why}), expected briefdeck's send log (fix or remove it; without it every deck is sent again)`,
  );
}

/** Written atomically after every accepted delivery, so a crash never forgets who already has the deck. */
export async function saveSendLog(outDir: string, log: SendLog): Promise<void> {
  await writeFileAtomic(sendLogFile(outDir), `${JSON.stringify(log, null, 2)}\n`);
}

export function findRecord(log: SendLog, deck: string, version: string, via: string): SendRecord | undefined {
  return log.sends.find((s) => s.deck === deck && s.version === version && s.via === via);
}

/** Recipients that already accepted this version through this transport. */
export function alreadyAccepted(log: SendLog, deck: string, version: string, via: string): Set<string> {
  return new Set(Object.keys(findRecord(log, deck, version, via)?.accepted ?? {}));
}

export function recordAccepted(
  log: SendLog,
  base: Omit<SendRecord, 'accepted'>,
  recipients: readonly string[],
  at: string,
): void {
  let rec = findRecord(log, base.deck, base.version, base.via);
  if (!rec) {
    rec = { ...base, accepted: {} };
    log.sends.push(rec);
  }
  rec.messageId = base.messageId;
  for (const r of recipients) rec.accepted[r.toLowerCase()] = at;
}
