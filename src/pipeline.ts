import { buildDecks, type DeckBuildOutcome } from './build-all.js';
import type { Config } from './config/config-schema.js';
import type { SendOutcome } from './deliver/send-decks.js';
import type { ExportOutcome } from './export/export-decks.js';
import type { DeckOptions } from './model/deck-options.js';
import { hasErrors } from './model/diagnostic.js';

/**
 * The one assembly of a run over decks: build them (each skipped when its
 * inputs did not change), then export those that built (PDF, PNG; when
 * asked), then mail them (when mail is set up). `build` and `schedule` both
 * run these stages: the command one after the other under the output lock,
 * the schedule through its cycle, which times each, keeps going after one
 * fails and logs the run.
 */
export interface PipelinePlan {
  /** The decks to build (the caller resolves the names it was given, and reports unknown ones). */
  decks: () => Promise<readonly string[]>;
  force: boolean;
  pdf: boolean;
  png: boolean;
  /** Mail the decks that built with these settings; no send stage without them. */
  mail?: { config: Config; env: NodeJS.ProcessEnv };
  /** The manifest was unreadable (every deck is rebuilt). */
  onNote?: (message: string) => void;
  /** A deck finished building, for progress lines. */
  onDeck?: (r: DeckBuildOutcome) => void;
}

/** What the stages have done so far. */
export interface PipelineState {
  built: DeckBuildOutcome[];
  exported: ExportOutcome[];
  sent: SendOutcome[];
}

export interface PipelineStage {
  name: 'build' | 'export' | 'send';
  /** Runs the stage over the decks earlier stages left; a deck that fails is in the state, not thrown. */
  run(state: PipelineState): Promise<void>;
}

export const emptyState = (): PipelineState => ({ built: [], exported: [], sent: [] });

/** The decks that built, or were up to date, without errors: what export and mail take. */
export const builtDecks = (state: PipelineState): string[] =>
  state.built.filter((r) => !hasErrors(r.diagnostics)).map((r) => r.slug);

export function pipelineStages(opts: DeckOptions, plan: PipelinePlan): PipelineStage[] {
  const stages: PipelineStage[] = [
    {
      name: 'build',
      async run(state) {
        const slugs = await plan.decks();
        state.built = await buildDecks(slugs, opts, { force: plan.force, onNote: plan.onNote, onDeck: plan.onDeck });
      },
    },
  ];
  if (plan.pdf || plan.png)
    stages.push({
      name: 'export',
      async run(state) {
        // The gallery shows each rebuilt deck's warnings.
        const warnings = Object.fromEntries(
          state.built
            .filter((r) => !r.skipped)
            .map((r) => [r.slug, r.diagnostics.filter((d) => d.severity === 'warning').length]),
        );
        // LibreOffice, poppler and sharp helpers: loaded only when an export was asked for.
        const { exportDecks } = await import('./export/export-decks.js');
        const e = { pdf: plan.pdf, png: plan.png, force: plan.force, warnings };
        state.exported = await exportDecks(builtDecks(state), opts, e);
      },
    });
  const mail = plan.mail;
  if (mail)
    stages.push({
      name: 'send',
      async run(state) {
        const { sendDecks } = await import('./deliver/send-decks.js');
        state.sent = await sendDecks(builtDecks(state), opts, { ...mail, force: plan.force });
      },
    });
  return stages;
}
