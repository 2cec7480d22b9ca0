import path from 'node:path';
import { packageVersion as toolVersion } from '../util/package-root.js';
import type { DeckOptions } from '../model/deck-options.js';
import { readHistory, readVersion } from '../history/version-store.js';
import type { DeckVersion } from '../history/version.js';
import { deckInputs, type DeckInputs } from '../manifest/deck-inputs.js';
import { isUpToDate, readManifest, type ManifestEntry } from '../manifest/manifest.js';
import { DeliveryError } from '../model/errors.js';
import { formatUtc } from '../util/time.js';

/**
 * What `send` says about the deck it attaches: read from the build that made the .pptx, never from the current sources.
 */
export interface BuiltDeck {
  /** The version record of the attached .pptx. */
  record: DeckVersion;
  /** When this version was first built (output/versions/<deck>/history.json). */
  builtAt?: string;
}

/**
 * The version record and build time of `<slug>.pptx` (sha256 `pptxSha256`).
 * Unless `allowStale`, refuses a deck that `build` would rebuild: the check
 * is build's own up-to-date check (inputs hash and outputs against the
 * manifest entry), with the same options, so "stale" means exactly "`briefdeck
 * build` would not skip it".
 */
export async function builtDeck(
  slug: string,
  opts: DeckOptions,
  pptxSha256: string,
  o: { allowStale?: boolean } = {},
): Promise<BuiltDeck> {
  const pptx = path.join(opts.outDir, `${slug}.pptx`);
  if (!o.allowStale) {
    const why = await staleness(slug, opts, pptxSha256);
    if (why)
      throw new DeliveryError(
        'deck-stale',
        `Stale \`${pptx}\`: ${why}; run \`briefdeck build ${slug}\` first, or pass \`--allow-stale\` to send the built file as it is`,
      );
  }
  const record = await readVersion(opts.outDir, slug, pptxSha256);
  if (!record)
    throw new DeliveryError(
      'version-missing',
      `Missing the version record of \`${pptx}\` (built before briefdeck kept versions?), expected one to describe it in the mail: run \`briefdeck build --force ${slug}\``,
    );
  const entry = (await readHistory(opts.outDir, slug)).history.versions.findLast((e) => e.version === pptxSha256);
  return { record, builtAt: entry?.builtAt };
}

/** Why `build` would rebuild the deck, or undefined when it is up to date. */
async function staleness(slug: string, opts: DeckOptions, pptxSha256: string): Promise<string | undefined> {
  const entry = (await readManifest(opts.outDir)).manifest.decks[slug];
  if (!entry)
    return 'the output folder has no build record of it (`manifest.json`), so nothing says which sources it was built from';
  const inputs = await deckInputs(slug, opts, toolVersion());
  if (await isUpToDate(entry, inputs, opts.outDir)) return undefined;
  const when = Number.isNaN(Date.parse(entry.builtAt)) ? '' : ` on ${formatUtc(entry.builtAt)}`;
  if (!entry.outputs.some((f) => f.file === `${slug}.pptx` && f.sha256 === pptxSha256))
    return `it is not the file the last build wrote${when}`;
  if (entry.inputHash !== inputs.hash) {
    const { options: was } = entry.inputs;
    const theme =
      was.theme !== inputs.options.theme
        ? `it was built with the theme \`${was.theme}\` and this run would use \`${inputs.options.theme}\` (give \`send\` the same \`--theme\` as \`build\`)`
        : undefined;
    const changed = changedInputs(entry, inputs);
    return [
      ...(changed.length > 0 || !theme
        ? [`${changed.join(', ') || 'the build options changed'} since it was built${when}`]
        : []),
      ...(theme ? [theme] : []),
    ].join('; ');
  }
  return `a file its last build wrote${when} is missing or changed`;
}

/**
 * `` `02-outlook.md` changed ``, `the fonts changed`, …: which recorded inputs differ from the current ones (the theme
 * option aside).
 */
function changedInputs(entry: ManifestEntry, now: DeckInputs): string[] {
  const was = entry.inputs;
  const names = [...new Set([...Object.keys(was.files), ...Object.keys(now.files)])].sort();
  const files = names.flatMap((n) =>
    was.files[n] === now.files[n]
      ? []
      : [`\`${n}\` ${was.files[n] === undefined ? 'added' : now.files[n] === undefined ? 'removed' : 'changed'}`],
  );
  const parts = [...files.slice(0, 3), ...(files.length > 3 ? [`${files.length - 3} more files changed`] : [])];
  if (was.options.theme === now.options.theme && JSON.stringify(was.theme) !== JSON.stringify(now.theme))
    parts.push(`the theme \`${now.theme.name}\` changed`);
  if (was.tool !== now.tool) parts.push(`briefdeck changed (${was.tool} → ${now.tool})`);
  if (was.fonts !== now.fonts) parts.push('the fonts changed');
  return parts;
}
