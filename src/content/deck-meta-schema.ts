import { z } from 'zod';
import { CALLOUT_KINDS, type CalloutKind } from '../model/columns.js';
import { firstControl, firstInvisible } from '../util/control-chars.js';

const KINDS = CALLOUT_KINDS.map((k) => `\`${k}\``).join(', ');

/**
 * Text that becomes a mail header (the title is the default subject): a
 * CR/LF would start a header of its own, so control characters are refused
 * at their deck.yaml line rather than stripped.
 */
const oneLine = <T extends z.ZodType<string>>(s: T) =>
  s.superRefine((v, ctx) => {
    const c = firstControl(v);
    const i = c ? undefined : firstInvisible(v);
    if (c || i)
      ctx.addIssue({
        code: 'custom',
        message: c
          ? `Unexpected ${c}, expected one line of text (it is used in mail headers)`
          : `Unexpected invisible character ${i}, expected text whose every character shows (it is used in mail headers)`,
      });
  });

const isoDate = z
  .string({ error: 'expected a date as a quoted string `YYYY-MM-DD`' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected `YYYY-MM-DD`' })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: 'not a calendar date',
    },
  );

const address = z.email({ error: (i) => `\`${String(i.input)}\` is not an email address` });
const addresses = z.union([address.transform((a) => [a]), z.array(address)]);

export const DeckMetaSchema = z.object({
  title: oneLine(z.string({ error: 'expected a title (text)' }).trim().min(1, { error: 'must not be empty' })),
  subtitle: z.string().optional(),
  // YAML 1.2 keeps an unquoted 2026-01-02 as a string, but a bare year is a number.
  date: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), isoDate).optional(),
  author: z.string().optional(),
  organization: z.string().optional(),
  theme: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a theme name such as `briefing-light`' })
    .optional(),
  classification: z.string().optional(),
  /** BCP 47 language of the deck's text (spell-checking, screen readers); en-US when absent. */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag such as `en-US` or `de-DE`' })
    .optional(),
  /** Citations (issue 21): a BibTeX `.bib` or CSL JSON `.json` file in the deck folder. */
  bibliography: z
    .string()
    .regex(/\.(bib|json)$/i, { error: 'expected a `.bib` (BibTeX) or `.json` (CSL JSON) file name' })
    .optional(),
  /** A CSL style file in the deck folder; Chicago author-date when absent. */
  csl: z
    .string()
    .regex(/\.csl$/i, { error: 'expected a `.csl` style file name' })
    .optional(),
  /** `false`: no Sources slides. */
  sources: z.boolean({ error: 'expected `true` or `false`' }).optional(),
  email: z
    .object({
      to: addresses,
      cc: addresses.default([]),
      subject: oneLine(z.string()).optional(),
    })
    .optional(),
  /** Callout labels by GitHub alert kind: `callouts: { IMPORTANT: "Key judgment" }`. */
  callouts: z
    .record(z.string(), oneLine(z.string().trim().min(1, { error: 'must not be empty' })))
    .superRefine((v, ctx) => {
      for (const k of Object.keys(v))
        if (!(CALLOUT_KINDS as readonly string[]).includes(k))
          ctx.addIssue({ code: 'custom', path: [k], message: `Unexpected callout kind \`${k}\`, expected ${KINDS}` });
    })
    .transform((v) => v as Partial<Record<CalloutKind, string>>)
    .optional(),
  /** Bullets appear one paragraph at a time when presented. */
  incremental: z.boolean().optional(),
});

export const deckMetaKeys = Object.keys(DeckMetaSchema.shape);

export const SectionFrontMatterSchema = z.object({
  title: z.string().optional(),
  notes: z.string().optional(),
  skip: z.boolean().optional(),
  /** A layout of the theme by name ("Title and Content", or a template's own), for this section's slides. */
  layout: oneLine(z.string().min(1)).optional(),
  /** Builds for this section's bullets, over deck.yaml's `incremental`. */
  incremental: z.boolean().optional(),
});

export const frontMatterKeys = Object.keys(SectionFrontMatterSchema.shape);
