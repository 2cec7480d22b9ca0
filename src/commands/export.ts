import path from 'node:path';
import { green, dim } from '../cli/output.js';
import { plural } from '../util/plural.js';
import { withOutputLock, waitingLine } from '../drivers/output-lock.js';
import { exportDecks, type ExportOutcome } from '../export/export-decks.js';
import { progress } from '../cli/progress.js';
import { showStep } from './export-steps.js';
import { EXIT, type Command } from './command.js';
import { printExportFailure } from './deck-report.js';
import { deckOptions } from './options.js';
import { selectDecks } from './select-decks.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'export built decks to PDF, slide thumbnails and a contact sheet, and write output/index.html',
  usage: 'briefdeck export [deck-slug...] [--pdf] [--png] [--force] [options]',
  options: { pdf: { type: 'boolean' }, png: { type: 'boolean' }, force: { type: 'boolean' } },
  help: [
    '  --pdf           export a PDF of each deck (LibreOffice)',
    '  --png           export slide thumbnails (1280 px) and a contact sheet',
    "                  (neither flag: the config file's `export` settings, else both)",
    "  --force         export again even when a deck's .pptx did not change",
  ],
  async run({ values, positionals, output, env, config }) {
    const opts = deckOptions(values, env, config);
    const slugs = await selectDecks(opts.contentDir, positionals);
    const what = formats(values, config.export);
    const onWait = (h: Parameters<typeof waitingLine>[0]) => !values.json && output.err(waitingLine(h));
    const bar = progress(output, !!values.json);
    const results = await withOutputLock(opts.outDir, { command: 'export', onWait }, () =>
      exportDecks(slugs, opts, { ...what, force: !!values.force, onStep: (s) => showStep(bar, s) }),
    ).finally(() => bar.end());
    const failed = results.filter((r) => r.error);
    const gallery = path.join(opts.outDir, 'index.html');
    if (values.json) {
      output.out(JSON.stringify({ decks: results, failed: failed.length, gallery }, null, 2));
    } else {
      for (const r of results) {
        if (r.error) printExportFailure(output, r);
        else
          output.out(
            `${green(output.color, '✓')} ${r.slug}  ${r.skipped ? 'up to date' : 'exported'}  ${dim(output.color, made(r))}`,
          );
      }
      const skipped = results.filter((r) => r.skipped).length;
      output.out(
        `${plural(results.length - failed.length - skipped, 'deck')} exported, ${skipped} up to date, ${failed.length} failed → ${gallery}`,
      );
    }
    if (results.some((r) => r.internal)) return EXIT.internal;
    return failed.length > 0 ? EXIT.failed : EXIT.ok;
  },
};

/** Flags win; with neither flag, the config file's `export` settings; with none of those either, both. */
function formats(
  values: Record<string, unknown>,
  fromConfig: { pdf: boolean; png: boolean } | undefined,
): { pdf: boolean; png: boolean } {
  if (values.pdf || values.png) return { pdf: !!values.pdf, png: !!values.png };
  if (fromConfig && (fromConfig.pdf || fromConfig.png)) return { pdf: fromConfig.pdf, png: fromConfig.png };
  return { pdf: true, png: true };
}

function made(r: ExportOutcome): string {
  const parts: string[] = [];
  if (r.pdf) parts.push('PDF');
  if (r.pngs) parts.push(plural(r.pngs.length, 'thumbnail'));
  if (r.contactSheet) parts.push('contact sheet');
  return parts.join(' · ');
}
