import { z } from 'zod';

/**
 * `briefdeck.config.yaml`: what users would otherwise repeat on every
 * command. Every key is optional; paths are relative to the config file.
 */
export const ScheduleSchema = z.strictObject({
  /** A cron pattern (5 or 6 fields, croner syntax), e.g. `0 7 * * 1-5`. */
  cron: z.string(),
  /** IANA time zone for the pattern, e.g. `Europe/London` (default: the machine's). */
  timezone: z.string().optional(),
});

export const ExportSchema = z.strictObject({
  pdf: z.boolean().default(false),
  png: z.boolean().default(false),
});

export const MailSchema = z.strictObject({
  from: z.string(),
  /** `smtp://user:pass@host:587`; BRIEFDECK_SMTP_URL overrides it. Without either, mail goes to the outbox. */
  smtp: z.string().optional(),
  requireTLS: z.boolean().default(false),
  /** Refuse messages larger than this (bytes) instead of letting a server bounce them. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
});

/** How many versions of each deck `output/versions/` keeps (see src/history/version-store.ts). */
export const HISTORY_KEEP_DEFAULT = 20;

export const HistorySchema = z.strictObject({
  keep: z.number().int().positive().default(HISTORY_KEEP_DEFAULT),
});

export const ConfigFileSchema = z.strictObject({
  content: z.string().optional(),
  themes: z.string().optional(),
  output: z.string().optional(),
  /** The theme for decks whose deck.yaml names none. */
  defaultTheme: z.string().optional(),
  schedule: ScheduleSchema.optional(),
  export: ExportSchema.optional(),
  mail: MailSchema.optional(),
  history: HistorySchema.optional(),
});

/** The keys each mapping may hold, for "expected one of" messages. */
export const CONFIG_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(ConfigFileSchema.shape),
  schedule: Object.keys(ScheduleSchema.shape),
  export: Object.keys(ExportSchema.shape),
  mail: Object.keys(MailSchema.shape),
  history: Object.keys(HistorySchema.shape),
};

export type ConfigFile = z.output<typeof ConfigFileSchema>;

/** The resolved config: paths absolute, the file it came from (if any). */
export interface Config extends Omit<ConfigFile, 'content' | 'themes' | 'output'> {
  file?: string;
  contentDir?: string;
  themesDir?: string;
  outDir?: string;
}
