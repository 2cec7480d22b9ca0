import { buildDecks, toolVersion, type DeckBuildOutcome } from '../build-all.js';
import { warmUp } from '../build.js';
import { dim, green, red, type Output } from '../cli/output.js';
import { plural } from '../util/plural.js';
import { listDecks } from '../content/load-deck.js';
import { deckInputs } from '../manifest/deck-inputs.js';
import { waitingLine, withOutputLock } from '../drivers/output-lock.js';
import { watchDecks } from '../drivers/watch.js';
import { escapeControl } from '../util/control-chars.js';
import { hasErrors } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { untilSignal } from '../drivers/signals.js';
import { EXIT, type Command } from './command.js';
import { deckLine, printDeckProblems } from './deck-report.js';
import { deckOptions } from './options.js';
import { selectDecks } from './select-decks.js';

export const watch: Command = {
  name: 'watch',
  summary: 'build every deck, then rebuild each one when its sources, images or theme change',
  usage: 'briefdeck watch [options]',
  options: { debounce: { type: 'string' } },
  help: ['  --debounce MS   quiet time per deck before it is rebuilt (default 150)'],
  async run({ values, positionals, output, env, config }) {
    if (positionals.length > 0)
      throw new UsageError(
        'watch-decks',
        `Unexpected deck names for \`watch\`, expected none: it watches every deck in the content folder`,
      );
    const debounceMs = values.debounce === undefined ? 150 : Number(values.debounce);
    if (!Number.isFinite(debounceMs) || debounceMs < 0)
      throw new UsageError(
        'invalid-debounce',
        `Invalid --debounce \`${String(values.debounce)}\`, expected milliseconds`,
      );
    const opts = deckOptions(values, env, config);
    await selectDecks(opts.contentDir, []); // a missing content folder is a usage error
    const tool = toolVersion();
    const stopped = untilSignal();
    const failing = new Set<string>(); // decks whose last attempt failed: their recovery is always reported
    const watcher = await watchDecks<DeckBuildOutcome>({
      contentDir: opts.contentDir,
      themesDir: opts.themesDir,
      debounceMs,
      stages: {
        listDecks: () => listDecks(opts.contentDir),
        inputsHash: async (slug) => (await deckInputs(slug, opts, tool)).hash,
        // Each rebuild takes the output folder's lock, so a scheduled run or a `send` never sees half a rebuild.
        build: (slug) =>
          withOutputLock(
            opts.outDir,
            { command: 'watch', onWait: (h) => output.out(`${stamp()} ${waitingLine(h)}`) },
            async () => (await buildDecks([slug], opts, { toolVersion: tool, onNote: (m) => output.err(m) }))[0],
          ),
      },
      on: {
        built: (slug, r, initial) => {
          report(output, r, initial, initial || failing.has(slug));
          if (hasErrors(r.diagnostics)) failing.add(slug);
          else failing.delete(slug);
        },
        added: (slug) => output.out(`${stamp()} + ${escapeControl(slug)}  new deck`),
        removed: (slug) =>
          output.out(`${stamp()} - ${escapeControl(slug)}  deck folder removed; its output is left in place`),
        error: (slug, e) =>
          output.err(
            `${stamp()} ${red(output.color, '✗')} ${escapeControl(slug ?? 'watcher')}  ${escapeControl((e as Error)?.message ?? String(e))}`,
          ),
      },
    });
    // Decks found up to date load nothing: warm the stages and fonts now, not on the first save.
    const slugs = await listDecks(opts.contentDir);
    const themes = await Promise.all(slugs.map(async (slug) => (await deckInputs(slug, opts, tool)).options.theme));
    await warmUp(opts, slugs[0], themes);
    output.out(`watching ${opts.contentDir} and ${opts.themesDir} (Ctrl-C to stop)`);
    const signal = await stopped;
    await watcher.close();
    output.out(`stopped (${signal})`);
    return EXIT.ok;
  },
};

/** One line per rebuild: deck, slides, milliseconds, warnings. */
function report(o: Output, r: DeckBuildOutcome, initial: boolean, showUpToDate: boolean): void {
  if (r.skipped) {
    // Inputs back to what the last good deck was built from (a reverted edit): nothing to write.
    if (showUpToDate)
      o.out(
        `${stamp()} ${green(o.color, '✓')} ${r.slug}  up to date  ${dim(o.color, `${plural(r.slides ?? 0, 'slide')} · ${plural(r.diagnostics.length, 'warning')}`)}`,
      );
    return;
  }
  printDeckProblems(o, r);
  o.out(`${stamp()} ${deckLine(o, r, initial ? 'built' : 'rebuilt')}`);
  if (hasErrors(r.diagnostics)) o.out(`${stamp()}   the last good deck stays in place; save a fix to rebuild`);
}

const stamp = () => new Date().toTimeString().slice(0, 8);
