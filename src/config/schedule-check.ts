import { Cron } from 'croner';
import { didYouMean } from '../util/did-you-mean.js';

/**
 * The one check of schedule settings, wherever they come from (flags, environment, config file) and whichever
 * command reads them: `schedule` and `schedule --once` accept and refuse the same values.
 */
export interface ScheduleProblem {
  key: 'cron' | 'timezone';
  code: 'invalid-cron' | 'invalid-timezone';
  /** Completes "Invalid <where> …": what is wrong with the value. */
  message: string;
  fix?: string;
}

export const CRON_FIX = 'use five fields: minute hour day-of-month month day-of-week, e.g. `0 7 * * 1-5`';

export function scheduleProblems(cron: string | undefined, timezone: string | undefined): ScheduleProblem[] {
  const out: ScheduleProblem[] = [];
  if (cron !== undefined) {
    try {
      new Cron(cron, { paused: true }).stop();
    } catch (e) {
      out.push({ key: 'cron', code: 'invalid-cron', message: `\`${cron}\`: ${(e as Error).message}`, fix: CRON_FIX });
    }
  }
  if (timezone !== undefined && !validZone(timezone))
    out.push({
      key: 'timezone',
      code: 'invalid-timezone',
      message: `\`${timezone}\`, expected an IANA name such as \`Europe/London\`${didYouMean(timezone, zones())}`,
    });
  return out;
}

export function validZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function zones(): string[] {
  return [...Intl.supportedValuesOf('timeZone'), 'UTC'];
}
