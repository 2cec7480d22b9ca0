import { z } from 'zod';

/**
 * `briefdeck.config.yaml`: what users would otherwise repeat on every
 * command. Every key is optional; paths are relative to the config file.
 */
export const ConfigFileSchema = z.strictObject({
  content: z.string().optional(),
  themes: z.string().optional(),
  output: z.string().optional(),
  /** The theme for decks whose deck.yaml names none. */
  defaultTheme: z.string().optional(),
  schedule: z
    .strictObject({
      cron: z.string(),
      timezone: z.string().optional(),
    })
    .optional(),
  export: z
    .strictObject({
      pdf: z.boolean().default(false),
      png: z.boolean().default(false),
    })
    .optional(),
  mail: z
    .strictObject({
      from: z.string(),
      /** `smtp://user:pass@host:587`; BRIEFDECK_SMTP_URL overrides it. Without either, mail goes to the outbox. */
      smtp: z.string().optional(),
      requireTLS: z.boolean().default(false),
      /** Refuse messages larger than this (bytes) instead of letting a server bounce them. */
      maxBytes: z.number().int().positive().default(10 * 1024 * 1024),
    })
    .optional(),
});

export type ConfigFile = z.output<typeof ConfigFileSchema>;

/** The resolved config: paths absolute, the file it came from (if any). */
export interface Config extends Omit<ConfigFile, 'content' | 'themes' | 'output'> {
  file?: string;
  contentDir?: string;
  themesDir?: string;
  outDir?: string;
}
