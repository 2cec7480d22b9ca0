import { red } from '../cli/output.js';
import { compareWith, shortVersion, type Baseline, type Comparison, type VersionInfo } from '../history/compare.js';
import { formatDiff, summarizeDiff } from '../history/format-diff.js';
import { isUserError, UsageError } from '../model/errors.js';
import { formatUtc } from '../util/time.js';
import { EXIT, type Command } from './command.js';
import { deckOptions } from './options.js';
import { selectDecks } from './select-decks.js';

export const diff: Command = {
  name: 'diff',
  summary: 'say what changed in a deck since an earlier version: sections, bullets, table rows, notes, slides',
  usage: 'briefdeck diff [deck-slug...] [--previous | --from VERSION | --last-sent] [--json] [options]',
  options: { previous: { type: 'boolean' }, from: { type: 'string' }, 'last-sent': { type: 'boolean' } },
  help: [
    '  --previous      compare with the version built before the current one (default)',
    '  --from VERSION  compare with this version (a prefix of its sha256, as listed by the gallery)',
    '  --last-sent     compare with the version last accepted by a recipient (output/sent.json)',
  ],
  async run({ values, positionals, output, env, config }) {
    const picked = [
      values.previous && 'previous',
      values.from !== undefined && 'from',
      values['last-sent'] && 'last-sent',
    ].filter(Boolean);
    if (picked.length > 1)
      throw new UsageError(
        'diff-baselines',
        `Unexpected ${picked.map((p) => `\`--${p}\``).join(' with ')}, expected at most one baseline`,
      );
    const baseline: Baseline =
      values.from !== undefined
        ? { version: String(values.from) }
        : values['last-sent']
          ? { lastSent: true }
          : { previous: true };
    if ('version' in baseline && positionals.length !== 1)
      throw new UsageError(
        'diff-from-one-deck',
        'Unexpected `--from` without exactly one deck, expected e.g. `briefdeck diff my-deck --from 3f2a9c1d`',
      );
    const opts = deckOptions(values, env, config);
    const slugs = await selectDecks(opts.contentDir, positionals);
    const results: ({ slug: string; error: string } | (Comparison & { slug: string }))[] = [];
    for (const slug of slugs) {
      try {
        results.push({ slug, ...(await compareWith(opts.outDir, slug, baseline)) });
      } catch (e) {
        // A usage mistake stops the command; a deck that was never built is that deck's problem only.
        if (!isUserError(e) || e instanceof UsageError) throw e;
        results.push({ slug, error: e.message });
      }
    }
    if (values.json)
      output.out(
        JSON.stringify({ decks: results.map(json), failed: results.filter((r) => 'error' in r).length }, null, 2),
      );
    else
      for (const r of results) {
        if ('error' in r) output.err(red(output.color, `✗ ${r.slug}  ${r.error}`));
        else for (const line of report(r)) output.out(line);
      }
    return results.some((r) => 'error' in r) ? EXIT.failed : EXIT.ok;
  },
};

function report(r: Comparison & { slug: string }): string[] {
  const { diff: d } = r;
  if (!r.from) return [`${r.slug}: first version ${describe(r.to)}: nothing to compare it with`];
  if (d.changes.length === 0) return [`${r.slug}: unchanged since ${describe(r.from)}`];
  return [
    `${r.slug}: ${summarizeDiff(d)}`,
    `  from ${describe(r.from)} to ${describe(r.to)}`,
    ...formatDiff(d).map((l) => `  ${l}`),
  ];
}

const describe = (v: VersionInfo): string => {
  const when = [v.builtAt && `built ${formatUtc(v.builtAt)}`, v.sentAt && `sent ${formatUtc(v.sentAt)}`]
    .filter(Boolean)
    .join(', ');
  return `${shortVersion(v.version)}${when ? ` (${when})` : ''}`;
};

function json(r: { slug: string; error: string } | (Comparison & { slug: string })) {
  if ('error' in r) return { deck: r.slug, error: r.error };
  return {
    deck: r.slug,
    from: r.from ?? null,
    to: r.to,
    summary: summarizeDiff(r.diff),
    lines: formatDiff(r.diff),
    changes: r.diff.changes,
    slides: r.diff.slides,
  };
}
