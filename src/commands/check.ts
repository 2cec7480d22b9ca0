import { checkDeck, type CheckResult } from '../build.js';
import { printDiagnostics } from '../cli/output.js';
import { plural } from '../util/plural.js';
import path from 'node:path';
import { diagnostic, hasErrors } from '../model/diagnostic.js';
import { isUserError } from '../model/errors.js';
import { displayPath } from '../util/display-path.js';
import { INTERNAL_CODE, internalErrorOf, type InternalError } from '../util/internal-error.js';
import { formatDiagnostic } from '../util/format-diagnostic.js';
import { loadTheme } from '../theme/load-theme.js';
import { EXIT, type Command } from './command.js';
import { deckJson, deckLine, printDeckProblems } from './deck-report.js';
import { deckOptions } from './options.js';
import { oncePerRun } from './print-once.js';
import { selectDecks } from './select-decks.js';

export const check: Command = {
  name: 'check',
  summary: 'validate decks and plan their slides without writing anything',
  usage: 'briefdeck check [deck-slug...] [options]',
  options: { strict: { type: 'boolean' } },
  help: [
    '  --strict        treat warnings as errors',
    "  (with --theme NAME, the theme itself is checked first: a template's file, layouts and fonts)",
  ],
  async run({ values, positionals, output, env, config }) {
    const opts = deckOptions(values, env, config);
    // `--theme` checks the theme itself first, once (a template: is it readable, does it have the layouts, can its
    // fonts be measured).
    const theme = opts.theme ? await loadTheme(opts.themesDir, opts.theme) : undefined;
    const themeFailed = !!theme && (hasErrors(theme.diagnostics) || (!!values.strict && theme.diagnostics.length > 0));
    const ofTheme = new Set(theme?.diagnostics.map((d) => formatDiagnostic(d)));
    const slugs = await selectDecks(opts.contentDir, positionals);
    const results: (CheckResult & { internal?: InternalError })[] = [];
    for (const slug of slugs) {
      // A bug met in one deck is that deck's failure; the others are still checked.
      const r = await checkDeck(slug, opts).catch((e: unknown) => failedCheck(slug, opts.contentDir, e));
      results.push({ ...r, diagnostics: r.diagnostics.filter((d) => !ofTheme.has(formatDiagnostic(d))) });
    }
    const failed = results.filter(
      (r) => hasErrors(r.diagnostics) || (values.strict && r.diagnostics.length > 0) || (themeFailed && !r.deck),
    );
    if (values.json) {
      output.out(
        JSON.stringify(
          {
            ...(theme ? { theme: { name: opts.theme, diagnostics: theme.diagnostics, ok: !themeFailed } } : {}),
            decks: results.map(deckJson),
            failed: failed.length,
          },
          null,
          2,
        ),
      );
    } else {
      if (theme) {
        printDiagnostics(output, theme.diagnostics);
        output.out(
          `${themeFailed ? '✗' : '✓'} theme ${opts.theme}  ${themeFailed ? 'unusable' : 'usable'}${theme.diagnostics.length > 0 ? ` · ${plural(theme.diagnostics.length, 'problem')}` : ''}`,
        );
      }
      const once = oncePerRun();
      for (const r of results) {
        printDeckProblems(output, { ...r, diagnostics: once(r.diagnostics) });
        output.out(deckLine(output, r, 'checked'));
      }
      const problems = results.reduce((n, r) => n + r.diagnostics.length, 0);
      output.out(`${plural(results.length, 'deck')} checked: ${failed.length} failed, ${plural(problems, 'problem')}`);
    }
    if (results.some((r) => r.internal)) return EXIT.internal;
    return failed.length > 0 || themeFailed ? EXIT.failed : EXIT.ok;
  },
};

/** A deck whose check threw: a user error keeps its diagnostics; anything else is a bug, kept with its stack. */
function failedCheck(slug: string, contentDir: string, e: unknown): CheckResult & { internal?: InternalError } {
  const at = { file: displayPath(path.join(contentDir, slug)), line: 1, column: 1 };
  if (isUserError(e))
    return {
      slug,
      diagnostics: e.diagnostics.length > 0 ? [...e.diagnostics] : [diagnostic('error', e.code, at, e.message)],
    };
  const internal = internalErrorOf(e);
  return { slug, diagnostics: [diagnostic('error', INTERNAL_CODE, at, internal.message)], internal };
}
