import { checkDeck, type CheckResult } from '../build.js';
import { plural, printDiagnostics } from '../cli/output.js';
import { hasErrors } from '../model/diagnostic.js';
import { EXIT, type Command } from './command.js';
import { deckJson, deckLine } from './deck-report.js';
import { deckOptions } from './options.js';
import { selectDecks } from './select-decks.js';

export const check: Command = {
  name: 'check',
  summary: 'validate decks and plan their slides without writing anything',
  usage: 'briefdeck check [deck-slug...] [options]',
  options: { strict: { type: 'boolean' } },
  help: ['  --strict        treat warnings as errors'],
  async run({ values, positionals, output, env, config }) {
    const opts = deckOptions(values, env, config);
    const slugs = await selectDecks(opts.contentDir, positionals);
    const results: CheckResult[] = [];
    for (const slug of slugs) results.push(await checkDeck(slug, opts));
    const failed = results.filter((r) => hasErrors(r.diagnostics) || (values.strict && r.diagnostics.length > 0));
    if (values.json) {
      output.out(JSON.stringify({ decks: results.map(deckJson), failed: failed.length }, null, 2));
    } else {
      for (const r of results) {
        printDiagnostics(output, r.diagnostics);
        output.out(deckLine(output, r, 'checked'));
      }
      const problems = results.reduce((n, r) => n + r.diagnostics.length, 0);
      output.out(`${plural(results.length, 'deck')} checked: ${failed.length} failed, ${plural(problems, 'problem')}`);
    }
    return failed.length > 0 ? EXIT.failed : EXIT.ok;
  },
};
