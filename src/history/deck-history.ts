import { isUserError } from '../model/errors.js';
import { compareWith, type Comparison } from './compare.js';
import { diffVersions } from './diff-versions.js';
import { summarizeDiff } from './format-diff.js';
import { readHistory, readVersion } from './version-store.js';

/** One version in a deck's history, as the gallery lists it. */
export interface VersionLine {
  version: string;
  builtAt: string;
  /** `first version`, `unchanged`, `updated: 2 bullets · 1 table row`, … (compared with the version before it). */
  summary: string;
}

export interface DeckHistory {
  /** The current .pptx compared with the previous build; absent when the current build has no version record. */
  latest?: Comparison;
  /** Newest first. */
  versions: VersionLine[];
}

/**
 * What the gallery shows of a deck's history. Reads output/versions/; never throws for a missing or damaged history.
 */
export async function deckHistory(outDir: string, slug: string): Promise<DeckHistory> {
  const latest = await compareWith(outDir, slug, { previous: true }).catch((e: unknown) => {
    if (isUserError(e)) return undefined;
    throw e;
  });
  const { history } = await readHistory(outDir, slug);
  const records = await Promise.all(history.versions.map((e) => readVersion(outDir, slug, e.version)));
  const versions = history.versions.map((e, k): VersionLine => {
    const before = records[k - 1];
    const here = records[k];
    let summary: string;
    if (k === 0) summary = history.pruned === 0 ? 'first version' : 'oldest version kept';
    else if (!here || !before) summary = 'version record missing';
    else summary = summarizeDiff(diffVersions(before, here));
    return {
      version: e.version,
      builtAt: e.builtAt,
      summary: e.rebuiltAt ? `${summary} (rebuilt unchanged ${e.rebuiltAt.slice(0, 10)})` : summary,
    };
  });
  return { latest, versions: versions.reverse() };
}

/**
 * The deck's latest build compared with the build before it, in one line
 * (`first version`, `unchanged`, `updated: 2 bullets · 1 table row`): what a
 * schedule cycle logs for each deck it rebuilt. Undefined when the .pptx has
 * no version record.
 */
export async function latestChange(outDir: string, slug: string): Promise<string | undefined> {
  const c = await compareWith(outDir, slug, { previous: true }).catch((e: unknown) => {
    if (isUserError(e)) return undefined;
    throw e;
  });
  return c && summarizeDiff(c.diff);
}
