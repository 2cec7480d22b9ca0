import { z } from 'zod';

const color = z
  .string({ error: 'expected a colour such as `"#0B3D91"`' })
  .regex(/^#?[0-9a-fA-F]{6}$/, { error: 'expected a 6-digit hex colour such as `"#0B3D91"`' })
  .transform((c) => c.replace('#', '').toUpperCase());

const size = (min: number, max: number) => z.number({ error: 'expected a size in points' }).min(min).max(max);

/** What a theme file may say. Every field has a default, so a theme only states what it changes. */
export const ThemeFileSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  colors: z
    .strictObject({
      background: color.default('FFFFFF'),
      text: color.default('1F2933'),
      title: color.default('0B3D91'),
      accent: color.default('C8102E'),
      muted: color.default('52606D'),
      link: color.default('0B5CAD'),
      tableHeaderBackground: color.default('0B3D91'),
      tableHeaderText: color.default('FFFFFF'),
      tableBand: color.default('EEF2F7'),
      tableBorder: color.default('BCCCDC'),
      bannerBackground: color.default('007A33'),
      bannerText: color.default('FFFFFF'),
    })
    .prefault({}),
  fonts: z
    .strictObject({
      heading: z.string().default('Calibri'),
      body: z.string().default('Calibri'),
      mono: z.string().default('Courier New'),
    })
    .prefault({}),
  sizes: z
    .strictObject({
      title: size(14, 72).default(32),
      titleMin: size(12, 72).default(24),
      subtitle: size(10, 60).default(24),
      body: size(10, 60).default(22),
      bodyMin: size(10, 60).default(16),
      table: size(8, 40).default(16),
      tableMin: size(8, 40).default(11),
      quote: size(10, 60).default(26),
      footer: size(6, 20).default(10),
    })
    .prefault({}),
  lineSpacing: z.number().min(0.8).max(2).default(1),
  paragraphSpacing: z.number().min(0).max(36).default(6),
  footer: z.strictObject({ show: z.boolean().default(true) }).prefault({}),
  /** Path relative to the themes folder. */
  logo: z.string().optional(),
});

export type ThemeFile = z.output<typeof ThemeFileSchema>;
