import { z } from 'zod';

const color = z
  .string({ error: 'expected a colour such as `"#0B3D91"`' })
  .regex(/^#?[0-9a-fA-F]{6}$/, { error: 'expected a 6-digit hex colour such as `"#0B3D91"`' })
  .transform((c) => c.replace('#', '').toUpperCase());
const size = (min: number, max: number) => z.number({ error: 'expected a size in points' }).min(min).max(max);
const fontFile = z.string().min(1);

/**
 * `themes/<name>.yaml` beside a template: what a PowerPoint template cannot
 * say. Every key is optional.
 */
export const SidecarSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  /** The classification banner's colours (templates have no banner). */
  banner: z.strictObject({ background: color.default('007A33'), text: color.default('FFFFFF') }).prefault({}),
  /** The smallest sizes the planner may shrink to, and the table size (templates have no table text size). */
  sizes: z
    .strictObject({
      titleMin: size(8, 72).optional(),
      bodyMin: size(8, 60).optional(),
      table: size(8, 40).optional(),
      tableMin: size(8, 40).optional(),
    })
    .prefault({}),
  /** The slide master (1 for the first) whose layouts slides go on by default, for a template with several. */
  master: z.number().int().min(1).optional(),
  /** The face of `code` runs. */
  mono: z.string().min(1).default('Courier New'),
  /**
   * Font files for measuring faces nothing else resolves: a face name → a file, or a file per style, relative to the
   * themes folder.
   */
  fonts: z
    .record(
      z.string().min(1),
      z.union([
        fontFile,
        z.strictObject({
          regular: fontFile,
          bold: fontFile.optional(),
          italic: fontFile.optional(),
          boldItalic: fontFile.optional(),
        }),
      ]),
    )
    .default({}),
  footer: z.strictObject({ show: z.boolean().default(true) }).prefault({}),
});

export type Sidecar = z.output<typeof SidecarSchema>;
