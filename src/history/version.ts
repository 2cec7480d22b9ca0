import { z } from 'zod';

/**
 * A version record: a compact snapshot of what one built deck says, keyed by
 * the deck version (the sha256 of its .pptx). Text is stored with white space
 * collapsed, so a reflowed paragraph and the original are the same record.
 * Slide numbers are 1-based, in the deck this record describes.
 */
export const VERSION_FORMAT = 1;

const Slides = z.array(z.number().int().positive());

const BulletSchema = z.object({ text: z.string(), level: z.number().int().min(0), slides: Slides });
const RowSchema = z.object({ cells: z.array(z.string()), slides: Slides });

/**
 * Every block: its slides, the slide title when it differs from the section's (a `##` heading), and the lead-in
 * sentence on its first slide.
 */
const common = {
  slides: Slides,
  title: z.string().optional(),
  lead: z.string().optional(),
  /** Its bullets appear one paragraph at a time when presented (`incremental: true`). */
  builds: z.boolean().optional(),
};

export const BlockSchema = z.union([
  z.object({ kind: z.literal('bullets'), ...common, bullets: z.array(BulletSchema) }),
  z.object({ kind: z.literal('table'), ...common, header: z.array(z.string()), rows: z.array(RowSchema) }),
  /** `image` is a short fingerprint of the picture, so a replaced image with the same alt text is a change. */
  z.object({ kind: z.literal('image'), ...common, alt: z.string(), image: z.string(), caption: z.string().optional() }),
  z.object({ kind: z.enum(['statement', 'quote', 'code']), ...common, text: z.string() }),
  /** A column set: each column by its header (or its number), its text as bullets (prose at level 0). */
  z.object({
    kind: z.literal('columns'),
    ...common,
    columns: z.array(z.object({ name: z.string(), bullets: z.array(BulletSchema) })),
  }),
  /** A callout, by the label the deck shows (`Key judgment`). */
  z.object({ kind: z.literal('callout'), ...common, label: z.string(), text: z.string() }),
  /** A chart drawn from a table: its caption, kind and every figure, so `diff` can name a changed value. */
  z.object({
    kind: z.literal('chart'),
    ...common,
    chart: z.string(),
    chartKind: z.string(),
    unit: z.string().optional(),
    categories: z.array(z.string()),
    series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
  }),
]);

export const SourceSchema = z.object({
  kind: z.enum(['reference', 'footnote', 'link']),
  key: z.string(),
  text: z.string(),
  slides: Slides,
});

export const SectionSchema = z.object({
  /** From the file name (`02-outlook.md` → `outlook`): stable when the heading is reworded. */
  slug: z.string(),
  title: z.string(),
  slides: Slides,
  blocks: z.array(BlockSchema),
  /** Speaker notes per slide; paragraphs separated by a blank line. */
  notes: z.array(z.object({ slides: Slides, text: z.string() })),
});

/** A build warning as the build reported it (a Diagnostic), its file relative to the content folder. */
const WarningSchema = z.object({
  severity: z.literal('warning'),
  code: z.string(),
  message: z.string(),
  position: z.object({ file: z.string(), line: z.number().int(), column: z.number().int() }),
  fix: z.string().optional(),
});

export const DeckVersionSchema = z.object({
  format: z.literal(VERSION_FORMAT),
  deck: z.string(),
  /** sha256 of the .pptx. */
  version: z.string(),
  /** The title slide: title, subtitle and detail lines (author, organisation, date). */
  title: z.string(),
  subtitle: z.string().optional(),
  details: z.array(z.string()),
  /** Every slide's title, slide 1 first. */
  slideTitles: z.array(z.string()),
  titleSlides: Slides,
  agendaSlides: Slides,
  sections: z.array(SectionSchema),
  /**
   * The deck's sources (issue 21): references, footnotes and link addresses, each with its key (citation key,
   * `section-slug#id`, address), its text and the slides that show it. Optional: records written before briefdeck had
   * sources lack it, and are then not compared on it.
   */
  sources: z.array(SourceSchema).optional(),
  /**
   * Facts the mail states about the attached deck (deck.yaml `date` and
   * `organization`, the timestamp written into the .pptx) and the build's
   * warnings. Not compared by diffVersions. Optional: records written before
   * briefdeck kept them lack them.
   */
  date: z.string().optional(),
  organization: z.string().optional(),
  timestamp: z.string().optional(),
  warnings: z.array(WarningSchema).optional(),
});

export type DeckVersion = z.output<typeof DeckVersionSchema>;
export type SectionVersion = z.output<typeof SectionSchema>;
export type SourceVersion = z.output<typeof SourceSchema>;
export type BlockVersion = z.output<typeof BlockSchema>;
export type BulletVersion = z.output<typeof BulletSchema>;
export type RowVersion = z.output<typeof RowSchema>;
