import { isInside } from '../util/path-inside.js';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { didYouMean, withSuggestion } from '../util/did-you-mean.js';
import { displayPath } from '../util/display-path.js';
import { svgToPng } from '../input/normalise-image.js';
import {
  IMAGE_LIMIT_REASON,
  MAX_IMAGE_BYTES,
  MAX_SECTION_BYTES,
  TEXT_LIMIT_REASON,
  readInput,
  type InputRule,
} from '../input/read-input.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Theme } from '../model/theme.js';
import { shippedFonts, type FontSet } from '../measure/fonts.js';
import { loadSharp } from '../util/load-sharp.js';
import { decodeSource } from '../input/decode-source.js';
import { parseYamlWithSchema } from '../input/yaml-schema.js';
import { themeRules } from './theme-rules.js';
import { ThemeFileSchema } from './theme-schema.js';

export const DEFAULT_THEME = 'briefing-light';
const EXTENSIONS = ['.yaml', '.yml', '.json'];
/** An organisation's PowerPoint template is a theme too; a theme file of the same name beside it is its sidecar. */
const TEMPLATE_EXTENSIONS = ['.potx', '.pptx'];
/** Files people save a template as that briefdeck cannot read, and how to convert each. */
const OTHER_FORMATS: Record<string, string> = {
  '.ppt': 'PowerPoint 97–2003 presentation (.ppt)',
  '.pot': 'PowerPoint 97–2003 template (.pot)',
  '.pptm': 'macro-enabled presentation (.pptm)',
  '.potm': 'macro-enabled template (.potm)',
  '.odp': 'OpenDocument presentation (.odp)',
  '.otp': 'OpenDocument presentation template (.otp)',
  '.docx': 'Word document (.docx)',
  '.dotx': 'Word template (.dotx)',
  '.key': 'Keynote presentation (.key)',
};

/** What a theme name refers to in the themes folder. */
export type FoundTheme =
  | { kind: 'theme'; file: string }
  | { kind: 'template'; file: string; sidecar?: string }
  | { kind: 'unsupported'; file: string; what: string };

const stem = (n: string) => n.slice(0, -path.extname(n).length);

export async function listThemes(themesDir: string): Promise<string[]> {
  const names = await readdir(themesDir).catch(() => [] as string[]);
  return [
    ...new Set(
      names
        .filter(
          (n) => EXTENSIONS.includes(path.extname(n)) || TEMPLATE_EXTENSIONS.includes(path.extname(n).toLowerCase()),
        )
        .map(stem),
    ),
  ].sort();
}

/**
 * The theme a name refers to, if any: a template (with its sidecar), a theme file, or a file of a format briefdeck
 * cannot read.
 */
export async function findTheme(themesDir: string, name: string): Promise<FoundTheme | undefined> {
  const names = await readdir(themesDir).catch(() => [] as string[]);
  const named = (exts: readonly string[]) =>
    names.find((n) => stem(n) === name && exts.includes(path.extname(n).toLowerCase()));
  const yaml = EXTENSIONS.map((ext) => name + ext).find((n) => names.includes(n));
  const template = named(TEMPLATE_EXTENSIONS);
  if (template)
    return {
      kind: 'template',
      file: path.join(themesDir, template),
      ...(yaml ? { sidecar: path.join(themesDir, yaml) } : {}),
    };
  if (yaml) return { kind: 'theme', file: path.join(themesDir, yaml) };
  const other = named(Object.keys(OTHER_FORMATS));
  return other
    ? { kind: 'unsupported', file: path.join(themesDir, other), what: OTHER_FORMATS[path.extname(other).toLowerCase()] }
    : undefined;
}

/** The input rule for the themes folder: theme files and logos are read from inside it only. */
export const themeRule = (themesDir: string, what: 'theme' | 'logo'): InputRule => ({
  what,
  root: themesDir,
  rootName: 'the themes folder',
  rootCode: 'themes',
  maxBytes: what === 'theme' ? MAX_SECTION_BYTES : MAX_IMAGE_BYTES,
  limitReason: what === 'theme' ? TEXT_LIMIT_REASON : IMAGE_LIMIT_REASON,
});

/** The largest a logo is kept, in pixels (it is drawn small, in the footer and on the title slide). */
const LOGO_PX = 1200;

export interface ThemeResult {
  theme?: Theme;
  /** The fonts that measure the theme's faces: the template's, or the shipped and installed ones. */
  fonts?: FontSet;
  diagnostics: Diagnostic[];
}

/** Read, schema-check and rule-check a theme; normalise its logo with sharp. */
export async function loadTheme(themesDir: string, name: string): Promise<ThemeResult> {
  const found = await findTheme(themesDir, name);
  if (found?.kind === 'template') {
    // The template reader (and its XML parser) loads only for a template: a built-in theme never pays for it.
    const { loadTemplate } = await import('../template/load-template.js');
    return loadTemplate(themesDir, name, found.file, found.sidecar);
  }
  if (found?.kind === 'unsupported') {
    const at = { file: displayPath(found.file), line: 0, column: 0 };
    return {
      diagnostics: [
        diagnostic(
          'error',
          'template-unsupported',
          at,
          `Unexpected ${found.what}, expected a PowerPoint template (.potx) or presentation (.pptx)`,
          'open it in PowerPoint (or LibreOffice Impress) and save it as a PowerPoint Template (.potx) next to it',
        ),
      ],
    };
  }
  const file = found?.file;
  if (!file) {
    const known = await listThemes(themesDir);
    return {
      diagnostics: [
        diagnostic(
          'error',
          'unknown-theme',
          { file: displayPath(path.join(themesDir, `${name}.yaml`)), line: 1, column: 1 },
          `Unknown theme \`${name}\`${withSuggestion(didYouMean(name, known), `expected one of ${known.map((k) => `\`${k}\``).join(', ') || '(none found)'}`)}`,
        ),
      ],
    };
  }
  const shown = displayPath(file);
  const read = await readInput(file, themeRule(themesDir, 'theme'));
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  const { text, diagnostics } = decodeSource(read.bytes, shown);
  if (text === undefined) return { diagnostics };
  const parsed = parseYamlWithSchema(text, shown, ThemeFileSchema);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  const t = parsed.value;
  const theme: Theme = {
    name,
    file: shown,
    colors: t.colors,
    fonts: t.fonts,
    sizes: t.sizes,
    lineSpacing: t.lineSpacing,
    paragraphSpacing: t.paragraphSpacing,
    footer: t.footer,
  };
  const ds = themeRules.flatMap((rule) => rule(theme, (p) => lineOf(text, p, shown)));
  if (t.logo) {
    const logo = await loadLogo(themesDir, t.logo, lineOf(text, ['logo'], shown));
    if ('diagnostic' in logo) ds.push(logo.diagnostic);
    else theme.logo = logo;
  }
  return ds.some((d) => d.severity === 'error')
    ? { diagnostics: ds }
    : { theme, fonts: shippedFonts(), diagnostics: ds };
}

async function loadLogo(
  themesDir: string,
  rel: string,
  at: Diagnostic['position'],
): Promise<{ diagnostic: Diagnostic } | NonNullable<Theme['logo']>> {
  const full = path.resolve(themesDir, rel);
  if (!isInside(path.resolve(themesDir), full)) {
    return {
      diagnostic: diagnostic(
        'error',
        'logo-outside-themes',
        at,
        `Unexpected logo path \`${rel}\`, expected a file inside the themes folder`,
      ),
    };
  }
  const read = await readInput(full, themeRule(themesDir, 'logo'), at);
  if (!read.ok) return { diagnostic: read.diagnostic };
  const sharp = await loadSharp();
  try {
    const box = { w: LOGO_PX, h: LOGO_PX };
    if ((await sharp(read.bytes).metadata()).format === 'svg') {
      const png = await svgToPng(read.bytes, box);
      return { data: new Uint8Array(png.data), width: png.width, height: png.height };
    }
    // Converting decodes every pixel, so a truncated logo is an error here.
    const { data, info } = await sharp(read.bytes)
      .resize({ width: box.w, height: box.h, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data), width: info.width, height: info.height };
  } catch (e) {
    return {
      diagnostic: diagnostic('error', 'logo-unreadable', at, `Unreadable logo \`${rel}\`: ${(e as Error).message}`),
    };
  }
}

/** Position of a key path in the theme text: a light scan, enough for top-level and one-deep keys. */
function lineOf(text: string, keyPath: readonly string[], file: string): Diagnostic['position'] {
  const lines = text.split('\n');
  let from = 0;
  let found = { line: 1, column: 1 };
  for (const key of keyPath) {
    const re = new RegExp(`^(\\s*)"?${key}"?\\s*:`);
    const i = lines.findIndex((l, n) => n >= from && re.test(l));
    if (i < 0) break;
    found = { line: i + 1, column: re.exec(lines[i])![1].length + 1 };
    from = i + 1;
  }
  return { file, ...found };
}
