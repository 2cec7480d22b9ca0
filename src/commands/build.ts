import { withOutputLock, waitingLine } from '../drivers/output-lock.js';
import { plural } from '../util/plural.js';
import { progress } from '../cli/progress.js';
import { showStep } from './export-steps.js';
import { hasErrors } from '../model/diagnostic.js';
import { EXIT, type Command } from './command.js';
import { deckJson, deckLine, printDeckProblems, printExportFailure } from './deck-report.js';
import { deckOptions } from './options.js';
import { oncePerRun } from './print-once.js';
import { selectDecks } from './select-decks.js';
import { emptyState, pipelineStages } from '../pipeline.js';

export const build: Command = {
  name: 'build',
  summary: 'build decks into .pptx files',
  usage: 'briefdeck build [deck-slug...] [options]',
  options: {
    strict: { type: 'boolean' },
    force: { type: 'boolean' },
    pdf: { type: 'boolean' },
    png: { type: 'boolean' },
  },
  help: [
    '  --strict        treat warnings as errors',
    '  --force         rebuild decks even when their inputs did not change',
    '  --pdf           also export a PDF of each built deck (LibreOffice)',
    '  --png           also export slide thumbnails and a contact sheet',
  ],
  async run({ values, positionals, output, env, config }) {
    const opts = deckOptions(values, env, config);
    const slugs = await selectDecks(opts.contentDir, positionals);
    const onWait = (h: Parameters<typeof waitingLine>[0]) => !values.json && output.err(waitingLine(h));
    const bar = progress(output, !!values.json || slugs.length < 2);
    const exporting = progress(output, !!values.json);
    const once = oncePerRun();
    const [build, ...after] = pipelineStages(opts, {
      decks: async () => slugs,
      onStart: (slug, i, n) => bar.step(`building ${slug}`, i, n),
      onExportStep: (s) => showStep(exporting, s),
      force: !!values.force,
      pdf: !!values.pdf,
      png: !!values.png,
      onNote: (note) => !values.json && output.err(note),
      onDeck: (r) => {
        if (values.json) return;
        printDeckProblems(output, { ...r, diagnostics: once(r.diagnostics) });
        output.out(deckLine(output, r, r.skipped ? 'up to date' : 'built'));
      },
    });
    return withOutputLock(opts.outDir, { command: 'build', onWait }, async () => {
      const state = emptyState();
      await build.run(state).finally(() => bar.end());
      const results = state.built;
      const failed = results.filter((r) => hasErrors(r.diagnostics) || (values.strict && r.diagnostics.length > 0));
      if (values.json) output.out(JSON.stringify({ decks: results.map(deckJson), failed: failed.length }, null, 2));
      else {
        const upToDate = results.filter((r) => r.skipped && !failed.includes(r)).length;
        const built = results.length - failed.length - upToDate;
        output.out(`${plural(built, 'deck')} built, ${upToDate} up to date, ${failed.length} failed → ${opts.outDir}`);
      }
      for (const stage of after) await stage.run(state).finally(() => exporting.end());
      for (const e of state.exported) printExportFailure(output, e);
      // A bug in one deck is reported after every other deck was built (and exported).
      if (results.some((r) => r.internal) || state.exported.some((e) => e.internal)) return EXIT.internal;
      if (state.exported.some((e) => e.error)) return EXIT.failed;
      return failed.length > 0 ? EXIT.failed : EXIT.ok;
    });
  },
};
