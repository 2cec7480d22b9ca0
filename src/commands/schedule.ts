import path from 'node:path';
import type { DeckOptions } from '../model/deck-options.js';
import { dim, type Output } from '../cli/output.js';
import { plural } from '../util/plural.js';
import type { Config } from '../config/config-schema.js';
import { scheduleProblems } from '../config/schedule-check.js';
import { nextRuns, runCycle, runOk, startSchedule, type CycleStage, type RunRecord } from '../drivers/schedule.js';
import { latestChange } from '../history/deck-history.js';
import { escapeControl } from '../util/control-chars.js';
import { hasErrors } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { outputLockFile } from '../drivers/output-lock.js';
import { untilSignal } from '../drivers/signals.js';
import { EXIT, type Command } from './command.js';
import { deckLine, printDeckProblems } from './deck-report.js';
import { deckOptions } from './options.js';
import { selectDecks } from './select-decks.js';
import { emptyState, pipelineStages, type PipelineStage } from '../pipeline.js';

export const RUNS_LOG = 'runs.log';

export const schedule: Command = {
  name: 'schedule',
  summary: 'run build (and export and mail when configured) on a cron schedule',
  usage: 'briefdeck schedule [deck-slug...] [--cron "0 7 * * 1-5"] [--tz Europe/London] [--once] [options]',
  options: {
    cron: { type: 'string' },
    tz: { type: 'string' },
    once: { type: 'boolean' },
    force: { type: 'boolean' },
    pdf: { type: 'boolean' },
    png: { type: 'boolean' },
  },
  help: [
    '  --cron EXPR     cron pattern (else BRIEFDECK_CRON, else schedule.cron in the config file)',
    '  --tz ZONE       IANA time zone for the pattern (else BRIEFDECK_TZ, else schedule.timezone)',
    '  --once          run one cycle now and exit (for system cron and CI)',
    '  --force         rebuild (and export) decks even when nothing changed',
    '  --pdf, --png    export too (also switched on by export.pdf / export.png in the config file)',
  ],
  async run({ values, positionals, output, env, config }) {
    const opts = deckOptions(values, env, config);
    const s = scheduleOptions(values, env, config);
    checkSchedule(s, values, env);
    const cycle = async (trigger: RunRecord['trigger']) => {
      const r = await runCycle({
        // The output folder's one lock (drivers/output-lock.ts), held for the whole cycle: build, export and send.
        lockFile: outputLockFile(opts.outDir),
        logFile: path.join(opts.outDir, RUNS_LOG),
        stages: cycleStages(opts, positionals, s, config, env, output),
        trigger,
        onWait: (h) => output.out(`waiting for the run of pid ${h.pid} (since ${h.since}) to finish`),
      });
      output.out(summary(r));
      return r;
    };
    if (values.once) return runOk(await cycle('once')) ? EXIT.ok : EXIT.failed;
    if (!s.cron)
      throw new UsageError(
        'schedule-missing',
        'Missing schedule, expected --cron "<pattern>", BRIEFDECK_CRON or `schedule.cron` in briefdeck.config.yaml (or --once)',
      );
    const upcoming = nextRuns(s.cron, s.timezone, 3);
    const job = startSchedule({
      cron: s.cron,
      timezone: s.timezone,
      cycle: async () => {
        await cycle('cron');
        const next = job.nextRun();
        if (next) output.out(`next run ${next.toISOString()}`);
      },
      onBusy: () => output.out('skipped a tick: the previous run is still going'),
      onError: (e) => output.err(`briefdeck schedule: run failed: ${(e as Error)?.stack ?? String(e)}`),
    });
    output.out(
      `scheduled \`${s.cron}\`${s.timezone ? ` (${s.timezone})` : ''}; next runs ${upcoming.map((d) => d.toISOString()).join(', ')} (Ctrl-C to stop)`,
    );
    const signal = await untilSignal();
    await job.stop();
    output.out(`stopped (${signal})`);
    return EXIT.ok;
  },
};

/**
 * The settings are checked before anything runs, with or without --once: operations staff who try their settings
 * with `--once` must be told what `schedule` would refuse. (The config file's values were checked when it was read.)
 */
function checkSchedule(s: ScheduleOptions, values: Record<string, unknown>, env: NodeJS.ProcessEnv): void {
  const [p] = scheduleProblems(s.cron, s.timezone);
  if (!p) return;
  const where =
    p.key === 'cron'
      ? values.cron !== undefined
        ? '--cron'
        : env.BRIEFDECK_CRON !== undefined
          ? 'BRIEFDECK_CRON'
          : '`schedule.cron`'
      : values.tz !== undefined
        ? '--tz'
        : env.BRIEFDECK_TZ !== undefined
          ? 'BRIEFDECK_TZ'
          : '`schedule.timezone`';
  const text = p.key === 'cron' ? `Invalid schedule ${p.message}` : `Unknown time zone ${p.message}`;
  throw new UsageError(p.code, `${text} (from ${where})${p.fix ? `; ${p.fix}` : ''}`);
}

export interface ScheduleOptions {
  cron?: string;
  timezone?: string;
  pdf: boolean;
  png: boolean;
  force: boolean;
}

/** Precedence as for deck options: flags > environment (BRIEFDECK_CRON, BRIEFDECK_TZ) > config file > defaults. */
export function scheduleOptions(
  values: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  config: Config,
): ScheduleOptions {
  return {
    cron: (values.cron as string | undefined) ?? env.BRIEFDECK_CRON ?? config.schedule?.cron,
    timezone: (values.tz as string | undefined) ?? env.BRIEFDECK_TZ ?? config.schedule?.timezone,
    pdf: !!values.pdf || !!config.export?.pdf,
    png: !!values.png || !!config.export?.png,
    force: !!values.force,
  };
}

/**
 * The run's stages (src/pipeline.ts: build → export when asked → send when mail is configured) as cycle stages:
 * each fills the run record from what it did, prints the decks it built and throws when a deck failed to export or
 * mail, so the cycle records that stage as failed.
 */
function cycleStages(
  opts: DeckOptions,
  named: readonly string[],
  s: ScheduleOptions,
  config: Config,
  env: NodeJS.ProcessEnv,
  output: Output,
): CycleStage[] {
  let note: string | undefined;
  const state = emptyState();
  const stages = pipelineStages(opts, {
    decks: () => selectDecks(opts.contentDir, named),
    force: s.force,
    pdf: s.pdf,
    png: s.png,
    ...(config.mail ? { mail: { config, env } } : {}),
    onNote: (m) => (note = m),
  });
  const after: Record<PipelineStage['name'], (record: RunRecord) => Promise<string | undefined>> = {
    build: async (record) => {
      for (const r of state.built) {
        if (hasErrors(r.diagnostics)) record.failed.push(r.slug);
        else (r.skipped ? record.skipped : record.rebuilt).push(r.slug);
        if (!r.skipped) {
          printDeckProblems(output, r);
          output.out(deckLine(output, r, 'built'));
        }
        // What the rebuild changed, in the briefer's terms: the log says why a deck was (or was not) mailed again.
        const change = !r.skipped && !hasErrors(r.diagnostics) ? await latestChange(opts.outDir, r.slug) : undefined;
        if (change) {
          record.changes[r.slug] = change;
          output.out(dim(output.color, `  ${escapeControl(r.slug)}: ${change}`));
        }
      }
      return note;
    },
    export: async () => {
      const bad = state.exported.filter((e) => e.error);
      if (bad.length > 0) throw new Error(`export failed for ${bad.map((e) => `${e.slug} (${e.error})`).join(', ')}`);
      return `${plural(state.exported.filter((e) => !e.skipped).length, 'deck')} exported`;
    },
    send: async () => {
      const bad = state.sent.filter((o) => o.status === 'failed' || o.status === 'partial');
      if (bad.length > 0)
        throw new Error(`mail failed for ${bad.map((o) => `${o.slug} (${o.error ?? o.status})`).join(', ')}`);
      return `${plural(state.sent.filter((o) => o.status === 'sent').length, 'deck')} mailed`;
    },
  };
  return stages.map((stage) => ({
    name: stage.name,
    async run(record) {
      await stage.run(state);
      return after[stage.name](record);
    },
  }));
}

function summary(r: RunRecord): string {
  if (r.notRun) return `run not started: ${r.notRun}`;
  const log = r.logProblem ? `; ${r.logProblem}` : '';
  const stages = r.stages.map((s) => `${s.name} ${s.ok ? 'ok' : 'FAILED'}${s.note ? ` (${s.note})` : ''}`).join(', ');
  return `run ${r.start}: ${r.rebuilt.length} rebuilt, ${r.skipped.length} up to date, ${r.failed.length} failed; ${stages}; ${r.ms} ms${log}`;
}
