import { createHash } from 'node:crypto';
import path from 'node:path';
import { displayPath } from '../util/display-path.js';
import { IMAGE_LIMIT_REASON, MAX_IMAGE_BYTES, readInput, type InputRule } from '../input/read-input.js';
import { diagnostic, hasErrors, type Diagnostic, type Position } from '../model/diagnostic.js';
import type { Theme } from '../model/theme.js';
import { decodeSource } from '../input/decode-source.js';
import { parseYamlWithSchema } from '../input/yaml-schema.js';
import { PackagePartMissing, openPackage } from './open-package.js';
import { readStructure } from './read-masters.js';
import { SidecarSchema, type Sidecar } from './sidecar-schema.js';
import { slideTooSmall } from './slide-size.js';
import { templateFonts } from './template-fonts.js';
import { templateFaces, templateToTheme } from './template-theme.js';
import { fontProblems } from '../measure/font-problems.js';
import type { FontSet } from '../measure/fonts.js';
import { PartSyntaxError } from './xml.js';

/** Template files are read like images: whole, into memory, from inside the themes folder. */
const templateRule = (themesDir: string, what: 'template' | 'theme'): InputRule => ({
  what,
  root: themesDir,
  rootName: 'the themes folder',
  rootCode: 'themes',
  maxBytes: MAX_IMAGE_BYTES,
  limitReason: IMAGE_LIMIT_REASON,
});

export interface TemplateResult {
  theme?: Theme;
  /** The fonts that measure the template's faces, beside the theme (which is plain data). */
  fonts?: FontSet;
  diagnostics: Diagnostic[];
}

/**
 * Loaded templates by the hash of their bytes and sidecar: a run over many decks (and `watch`) reads a template once.
 */
const LOADED = new Map<string, TemplateResult>();
const MAX_LOADED = 8;

/**
 * An organisation's template (`themes/<name>.pptx` or `.potx`) and its
 * optional sidecar (`themes/<name>.yaml`) → a theme, validated before
 * anything is written: a file that is not a presentation, a corrupt or
 * encrypted one, one without a title-and-body layout, and a face that cannot
 * be measured are errors naming the file; low contrast and missing layouts
 * are warnings.
 */
export async function loadTemplate(
  themesDir: string,
  name: string,
  file: string,
  sidecarFile: string | undefined,
): Promise<TemplateResult> {
  const shown = displayPath(file);
  const at: Position = { file: shown, line: 0, column: 0 };
  const read = await readInput(file, templateRule(themesDir, 'template'), at);
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  let sidecarText = '';
  if (sidecarFile) {
    const s = await readInput(sidecarFile, templateRule(themesDir, 'theme'));
    if (!s.ok) return { diagnostics: [s.diagnostic] };
    const decoded = decodeSource(s.bytes, displayPath(sidecarFile));
    if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
    sidecarText = decoded.text;
  }
  const key = createHash('sha256')
    .update(read.bytes)
    .update('\u0000')
    .update(sidecarText)
    .update('\u0000')
    .update(path.resolve(themesDir))
    .digest('hex');
  const hit = LOADED.get(key);
  if (hit) return hit;
  const result = await load(themesDir, name, at, read.bytes, sidecarFile, sidecarText);
  if (LOADED.size >= MAX_LOADED) LOADED.delete(LOADED.keys().next().value!);
  LOADED.set(key, result);
  return result;
}

async function load(
  themesDir: string,
  name: string,
  at: Position,
  bytes: Uint8Array,
  sidecarFile: string | undefined,
  sidecarText: string,
): Promise<TemplateResult> {
  let sidecar: Sidecar = SidecarSchema.parse({});
  if (sidecarFile) {
    const parsed = parseYamlWithSchema(sidecarText, displayPath(sidecarFile), SidecarSchema);
    if (!parsed.value) return { diagnostics: parsed.diagnostics };
    sidecar = parsed.value;
  }
  const opened = openPackage(bytes);
  if (!opened.pkg)
    return {
      diagnostics: [diagnostic('error', opened.problem!.code, at, opened.problem!.message, opened.problem!.fix)],
    };
  let theme: Theme | undefined;
  let measuring: FontSet | undefined;
  const ds: Diagnostic[] = [];
  try {
    const structure = readStructure(opened.pkg);
    if (structure.masters.length === 0) return corrupt(at, 'Unexpected presentation without a slide master');
    const tooSmall = slideTooSmall(structure.size, at);
    if (tooSmall) return { diagnostics: [tooSmall] };
    const fonts = templateFonts(themesDir, sidecar);
    const made = templateToTheme(name, at, opened.pkg, structure, sidecar);
    measuring = fonts.fonts;
    ds.push(...made.diagnostics);
    theme = made.theme;
    // Every face a slide can be set in must be measurable, or nothing can be promised to fit.
    if (theme) {
      const sidecarAt = sidecarFile ? { file: displayPath(sidecarFile), line: 1, column: 1 } : undefined;
      for (const p of fontProblems(templateFaces(theme), fonts.context)) {
        const ofTemplate = p.code === 'unmeasurable-font' || p.code === 'stand-in-font';
        const where = ofTemplate || !sidecarAt ? at : sidecarAt;
        ds.push(
          diagnostic(
            p.code === 'stand-in-font' ? 'warning' : 'error',
            p.code,
            where,
            ofTemplate ? `${p.message} (the template uses it)` : p.message,
            p.fix,
          ),
        );
      }
    }
  } catch (e) {
    if (!(e instanceof PackagePartMissing || e instanceof PartSyntaxError)) throw e;
    return corrupt(at, `Unreadable template: ${e.message}`);
  }
  return hasErrors(ds) || !theme ? { diagnostics: ds } : { theme, fonts: measuring, diagnostics: ds };
}

/** A template PowerPoint can mend by opening and saving it again. */
function corrupt(at: Position, message: string): TemplateResult {
  return {
    diagnostics: [diagnostic('error', 'template-corrupt', at, message, 'open it in PowerPoint and save it again')],
  };
}
