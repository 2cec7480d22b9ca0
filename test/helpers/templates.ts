/**
 * Real organisation templates that nobody on the team wrote, from two
 * authoring tools: LibreOffice's bundled Impress templates converted with
 * `soffice --convert-to pptx|potx`, and pandoc's reference.pptx, which
 * PowerPoint saved. Nothing is committed: they are made on first use and
 * cached under node_modules/.cache, keyed by the tool versions, the source
 * bytes and the list below, so a new LibreOffice or pandoc makes new ones.
 *
 * Tests need both tools: guard with `haveTools(...TEMPLATE_TOOLS)`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { acquireLock } from '../../src/drivers/lock.js';
import { sha256 } from '../../src/util/hash.js';
import { ROOT } from './cli.js';
import { convertWithLibreOffice } from './pdf.js';
import { readTemplateStructure, type TemplateStructure } from './template-structure.js';

export const TEMPLATE_TOOLS = ['soffice', 'pandoc'] as const;

/** `<LibreOffice template>.<format>`, and pandoc's reference document. */
export const TEMPLATE_NAMES = [
  'Focus.pptx',
  'Focus.potx',
  'Blueprint_Plans.pptx',
  'DNA.potx',
  'Nature_Illustration.pptx',
  'Vivid.pptx',
  'pandoc-reference.pptx',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

const PANDOC_REFERENCE: TemplateName = 'pandoc-reference.pptx';
const PANDOC_ARGS = ['--print-default-data-file', 'reference.pptx'];
/** Bump when the way fixtures are made changes, so old caches are not reused. */
const RECIPE = 1;

export interface TemplateFixture extends TemplateStructure {
  name: TemplateName;
  /** Absolute path of the cached .pptx/.potx (read-only: copy it with installTemplate). */
  file: string;
  format: 'pptx' | 'potx';
  tool: 'LibreOffice' | 'PowerPoint';
  /** The .otp it was converted from, or the pandoc command. */
  source: string;
}

export interface TemplateOptions {
  /** Folder holding the cache (default node_modules/.cache/briefdeck-templates). */
  cacheRoot?: string;
  /** Reuse this process's earlier answer (default true); false reads the disk cache again. */
  memo?: boolean;
}

export const DEFAULT_TEMPLATE_CACHE = path.join(ROOT, 'node_modules', '.cache', 'briefdeck-templates');

let builds = 0;
/** How many times this process converted the fixtures (0 when every call found them cached). */
export const templateCacheBuilds = (): number => builds;

const memo = new Map<string, Promise<TemplateFixture[]>>();

/** Every real template fixture, in TEMPLATE_NAMES order. */
export function realTemplates(o: TemplateOptions = {}): Promise<TemplateFixture[]> {
  const root = o.cacheRoot ?? DEFAULT_TEMPLATE_CACHE;
  if (o.memo === false) return loadFixtures(root);
  let p = memo.get(root);
  if (!p) {
    p = loadFixtures(root);
    memo.set(root, p);
    p.catch(() => memo.delete(root));
  }
  return p;
}

export async function realTemplate(name: TemplateName, o: TemplateOptions = {}): Promise<TemplateFixture> {
  return (await realTemplates(o)).find((t) => t.name === name)!;
}

/**
 * Copy a fixture into a themes folder as `<name>.pptx|.potx` (the theme is
 * `name`), with an optional sidecar `<name>.yaml`. Returns the paths written.
 */
export function installTemplate(
  fixture: TemplateFixture,
  themesDir: string,
  name = path.parse(fixture.name).name,
  sidecarYaml?: string,
): { theme: string; file: string; sidecar?: string } {
  mkdirSync(themesDir, { recursive: true });
  const file = path.join(themesDir, `${name}.${fixture.format}`);
  copyFileSync(fixture.file, file);
  if (sidecarYaml === undefined) return { theme: name, file };
  const sidecar = path.join(themesDir, `${name}.yaml`);
  writeFileSync(sidecar, sidecarYaml);
  return { theme: name, file, sidecar };
}

/** The folder of LibreOffice's bundled Impress templates, found from the soffice on PATH. */
export function libreOfficeTemplateDir(): string {
  const which = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (!which) throw new Error('soffice not on PATH (guard the test with haveTools(...TEMPLATE_TOOLS))');
  const dir = path.resolve(path.dirname(realpathSync(which)), '..', 'share', 'template', 'common', 'presnt');
  if (!existsSync(dir))
    throw new Error(`LibreOffice's Impress templates are not in \`${dir}\` (Debian: libreoffice-common)`);
  return dir;
}

async function loadFixtures(root: string): Promise<TemplateFixture[]> {
  const otpDir = libreOfficeTemplateDir();
  const key = cacheKey(otpDir);
  const dir = path.join(root, key);
  if (!existsSync(dir)) await buildUnderLock(root, key, otpDir);
  return TEMPLATE_NAMES.map((name): TemplateFixture => {
    const file = path.join(dir, name);
    const format = name.endsWith('.potx') ? 'potx' : 'pptx';
    const pandoc = name === PANDOC_REFERENCE;
    return {
      name,
      file,
      format,
      tool: pandoc ? 'PowerPoint' : 'LibreOffice',
      source: pandoc ? `pandoc ${PANDOC_ARGS.join(' ')}` : path.join(otpDir, `${path.parse(name).name}.otp`),
      ...readTemplateStructure(readFileSync(file)),
    };
  });
}

function cacheKey(otpDir: string): string {
  const soffice = execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim();
  const pandoc = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const otps = [...new Set(libreOfficeNames().map((n) => path.parse(n).name))].map((t) =>
    sha256(readFileSync(path.join(otpDir, `${t}.otp`))),
  );
  return sha256(JSON.stringify({ RECIPE, soffice, pandoc, TEMPLATE_NAMES, otps })).slice(0, 16);
}

const libreOfficeNames = () => TEMPLATE_NAMES.filter((n) => n !== PANDOC_REFERENCE);

/**
 * Vitest workers are separate processes: one converts while the others wait
 * on the lock, and the result appears by one rename, so nobody ever reads a
 * half-made cache (a crash leaves only a `.building-*` folder behind).
 */
async function buildUnderLock(root: string, key: string, otpDir: string): Promise<void> {
  const lock = await acquireLock(path.join(root, `${key}.lock`), { waitMs: 300_000, command: 'template fixtures' });
  if (!lock) throw new Error(`${root}: another process has been converting the template fixtures for 5 minutes`);
  const final = path.join(root, key);
  let tmp: string | undefined;
  try {
    if (existsSync(final)) return;
    tmp = mkdtempSync(path.join(root, '.building-'));
    builds++;
    for (const format of ['pptx', 'potx'] as const) {
      const otps = libreOfficeNames()
        .filter((n) => n.endsWith(`.${format}`))
        .map((n) => path.join(otpDir, `${path.parse(n).name}.otp`));
      convertWithLibreOffice(otps, tmp, format, 120_000);
    }
    writeFileSync(path.join(tmp, PANDOC_REFERENCE), execFileSync('pandoc', PANDOC_ARGS));
    // never publish an unreadable fixture
    for (const n of TEMPLATE_NAMES) readTemplateStructure(readFileSync(path.join(tmp, n)));
    chmodSync(tmp, 0o755); // mkdtemp makes it private
    renameSync(tmp, final);
    tmp = undefined;
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    await lock.release();
  }
}
