import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSendLog } from './send-log.js';
import { HistoryError, UsageError } from '../model/errors.js';
import { sha256 } from '../util/hash.js';
import type { DeckDiff } from './deck-diff.js';
import { diffVersions } from './diff-versions.js';
import { lastSent } from './sent-versions.js';
import { readHistory, readVersion, type HistoryEntry } from './version-store.js';

/** What to compare the current build with: the version built before it, a named version, or the one last mailed. */
export type Baseline = { previous: true } | { version: string } | { lastSent: true };

export interface VersionInfo {
  version: string;
  builtAt?: string;
  sentAt?: string;
}

export interface Comparison {
  diff: DeckDiff;
  /** Absent for a deck's first version. */
  from?: VersionInfo;
  to: VersionInfo;
}

/** How much of a sha256 is shown; `--from` accepts any unique prefix of at least 4 characters. */
export const shortVersion = (v: string): string => v.slice(0, 12);

/**
 * The deck as built now (`output/<deck>.pptx`, by its sha256) compared with
 * a baseline from its history. Throws HistoryError when a record is missing.
 */
export async function compareWith(outDir: string, slug: string, baseline: Baseline): Promise<Comparison> {
  const pptx = path.join(outDir, `${slug}.pptx`);
  const bytes = await readFile(pptx).catch(() => {
    throw new HistoryError(
      'deck-not-built',
      `Missing \`${pptx}\`, expected a built deck: run \`briefdeck build ${slug}\` first`,
    );
  });
  const current = sha256(bytes);
  const to = await readVersion(outDir, slug, current);
  if (!to)
    throw new HistoryError(
      'version-missing',
      `Missing the version record of \`${pptx}\` (built before briefdeck kept versions?): run \`briefdeck build --force ${slug}\``,
    );
  const { history } = await readHistory(outDir, slug);
  const entries = history.versions;
  const here = entries.findLastIndex((e) => e.version === current);
  const toInfo: VersionInfo = {
    version: current,
    builtAt: here >= 0 ? (entries[here].rebuiltAt ?? entries[here].builtAt) : undefined,
  };
  const from = await baselineOf(outDir, slug, baseline, entries, here);
  if (!from) return { diff: diffVersions(undefined, to), to: toInfo };
  const record = from.version === current ? to : await readVersion(outDir, slug, from.version);
  if (!record)
    throw new HistoryError(
      'version-missing',
      `Missing the version record of ${shortVersion(from.version)}${from.sentAt ? ` (sent ${from.sentAt})` : ''}: it is older than the versions kept (\`history.keep\` in briefdeck.config.yaml)`,
    );
  return { diff: diffVersions(record, to), from, to: toInfo };
}

async function baselineOf(
  outDir: string,
  slug: string,
  b: Baseline,
  entries: readonly HistoryEntry[],
  here: number,
): Promise<VersionInfo | undefined> {
  if ('lastSent' in b) {
    const sent = lastSent(await loadSendLog(outDir), slug);
    if (!sent)
      throw new HistoryError(
        'never-sent',
        `Unexpected \`--last-sent\` for \`${slug}\`: no version of it was ever accepted by a recipient (output/sent.json)`,
      );
    const e = entries.findLast((x) => x.version === sent.version);
    return { version: sent.version, sentAt: sent.at, builtAt: e?.builtAt };
  }
  if ('version' in b) {
    const want = b.version.toLowerCase();
    const found = [...new Map(entries.filter((e) => e.version.startsWith(want)).map((e) => [e.version, e])).values()];
    const known =
      [...new Set(entries.map((e) => shortVersion(e.version)))].map((v) => `\`${v}\``).join(', ') || '(none yet)';
    if (want.length < 4 || !/^[0-9a-f]+$/.test(want))
      throw new UsageError(
        'bad-version',
        `Unexpected version \`${b.version}\`, expected at least 4 hex characters of one of ${known}`,
      );
    if (found.length !== 1)
      throw new UsageError(
        'unknown-version',
        `${found.length === 0 ? 'Unknown' : 'Ambiguous'} version \`${b.version}\` of \`${slug}\`, expected one of ${known}`,
      );
    return { version: found[0].version, builtAt: found[0].builtAt };
  }
  // The previous build: this same version when it was rebuilt unchanged, else the entry before it.
  const cur = entries[here];
  if (cur?.rebuiltAt) return { version: cur.version, builtAt: cur.builtAt };
  const prev = here >= 0 ? entries[here - 1] : entries.at(-1);
  return prev && { version: prev.version, builtAt: prev.builtAt };
}
