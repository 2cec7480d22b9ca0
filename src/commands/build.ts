import { buildDeck, type BuildResult } from '../build.js';
import { plural, printDiagnostics } from '../cli/output.js';
import { hasErrors } from '../model/diagnostic.js';
import { EXIT, type Command } from './command.js';
import { deckJson, deckLine } from './deck-report.js';
import { deckOptions } from './options.js';
import { selectDecks } from './select-decks.js';

export const build: Command = {
  name: 'build',
  summary: 'build decks into .pptx files',
  usage: 'briefdeck build [deck-slug...] [options]',
  options: { strict: { type: 'boolean' } },
  help: ['  --strict        treat warnings as errors'],
  async run({ values, positionals, output, env, config }) {
    const opts = deckOptions(values, env, config);
    const slugs = await selectDecks(opts.contentDir, positionals);
    const results: BuildResult[] = [];
    for (const slug of slugs) {
      // A deck that fails does not stop the others: each is built on its own.
      const r = await buildDeck(slug, opts);
      results.push(r);
      if (!values.json) {
        printDiagnostics(output, r.diagnostics);
        output.out(deckLine(output, r, 'built'));
      }
    }
    const failed = results.filter((r) => hasErrors(r.diagnostics) || (values.strict && r.diagnostics.length > 0));
    if (values.json) output.out(JSON.stringify({ decks: results.map(deckJson), failed: failed.length }, null, 2));
    else output.out(`${plural(results.length - failed.length, 'deck')} built, ${failed.length} failed → ${opts.outDir}`);
    return failed.length > 0 ? EXIT.failed : EXIT.ok;
  },
};
