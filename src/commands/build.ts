import { buildDecks } from '../build-all.js';
import { withOutputLock, waitingLine } from '../drivers/output-lock.js';
import { plural } from '../cli/output.js';
import { hasErrors } from '../model/diagnostic.js';
import { EXIT, type Command } from './command.js';
import { deckJson, deckLine, printDeckProblems, printExportFailure } from './deck-report.js';
import { deckOptions } from './options.js';
import { selectDecks } from './select-decks.js';

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
    return withOutputLock(opts.outDir, { command: 'build', onWait }, async () => {
      const results = await buildDecks(slugs, opts, {
        force: !!values.force,
        onNote: (note) => !values.json && output.err(note),
        onDeck: (r) => {
          if (values.json) return;
          printDeckProblems(output, r);
          output.out(deckLine(output, r, r.skipped ? 'up to date' : 'built'));
        },
      });
      const failed = results.filter((r) => hasErrors(r.diagnostics) || (values.strict && r.diagnostics.length > 0));
      if (values.json) output.out(JSON.stringify({ decks: results.map(deckJson), failed: failed.length }, null, 2));
      else {
        const upToDate = results.filter((r) => r.skipped && !failed.includes(r)).length;
        const built = results.length - failed.length - upToDate;
        output.out(`${plural(built, 'deck')} built, ${upToDate} up to date, ${failed.length} failed → ${opts.outDir}`);
      }
      if (values.pdf || values.png) {
        const ok = results.filter((r) => !hasErrors(r.diagnostics)).map((r) => r.slug);
        const warnings = Object.fromEntries(
          results
            .filter((r) => !r.skipped)
            .map((r) => [r.slug, r.diagnostics.filter((d) => d.severity === 'warning').length]),
        );
        // LibreOffice, poppler and sharp helpers: loaded only when an export was asked for.
        const { exportDecks } = await import('../export/export-decks.js');
        const exported = await exportDecks(ok, opts, {
          pdf: !!values.pdf,
          png: !!values.png,
          force: !!values.force,
          warnings,
        });
        for (const e of exported) printExportFailure(output, e);
        if (exported.some((e) => e.internal) || results.some((r) => r.internal)) return EXIT.internal;
        if (exported.some((e) => e.error)) return EXIT.failed;
      }
      // A bug in one deck is reported after every other deck was built.
      if (results.some((r) => r.internal)) return EXIT.internal;
      return failed.length > 0 ? EXIT.failed : EXIT.ok;
    });
  },
};
