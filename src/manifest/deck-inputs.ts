import { readdir, stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import type { DeckOptions } from '../model/deck-options.js';
import { deckFolderProblem } from '../content/deck-folder.js';
import { deckRule } from '../content/load-deck.js';
import { MAX_IMAGE_BYTES, readInput, type InputRule } from '../input/read-input.js';
import { DEFAULT_FONTS_DIR } from '../measure/font-registry.js';
import { chooseTheme } from '../theme/choose-theme.js';
import { findTheme, themeRule } from '../theme/load-theme.js';
import { sha256 } from '../util/hash.js';
import { mapLimited } from '../util/map-limited.js';

/**
 * Everything that goes into one deck, hashed: every file in its folder
 * (sections, deck.yaml, images), its theme file and logo, the font files, the
 * tool version and the options that change the output. Equal hashes mean the
 * build would write the same deck, so it can be skipped.
 */
export interface DeckInputs {
  hash: string;
  /** Deck-folder files (relative, `/`-separated) → sha256 (or why the input rule refuses the file). */
  files: Record<string, string>;
  theme: {
    name: string;
    file?: string;
    sha256?: string;
    logo?: string;
    logoSha256?: string;
    sidecar?: string;
    sidecarSha256?: string;
    fontsSha256?: string;
  };
  /** One sha256 over every font file. */
  fonts: string;
  tool: string;
  options: { theme: string; sourceDateEpoch?: string };
}

/** Names editors and tools write next to real files while saving; never inputs. */
export function isScratchFile(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.endsWith('~') ||
    /\.(swp|swx|swo|tmp|temp|bak|crdownload|part)$/i.test(name) ||
    /^#.*#$/.test(name)
  );
}

export async function deckInputs(
  slug: string,
  opts: DeckOptions,
  tool: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DeckInputs> {
  const dir = path.join(opts.contentDir, slug);
  // A refused folder (a link, a bad name) is never walked; the build reports why.
  const refused = await deckFolderProblem(opts.contentDir, slug);
  const files = refused ? { '': refusal(refused.message) } : await hashTree(dir);
  const themeName = chooseTheme(opts, refused ? undefined : await metaTheme(dir));
  const theme = await themeInputs(opts.themesDir, themeName);
  const fonts = await fontsHash(DEFAULT_FONTS_DIR);
  const options = { theme: themeName, ...(env.SOURCE_DATE_EPOCH ? { sourceDateEpoch: env.SOURCE_DATE_EPOCH } : {}) };
  const body = { files, theme, fonts, tool, options };
  return { hash: sha256(JSON.stringify(body)), ...body };
}

/** The theme named in deck.yaml, read leniently (an invalid file fails the build anyway). */
async function metaTheme(dir: string): Promise<string | undefined> {
  const read = await readInput(path.join(dir, 'deck.yaml'), deckRule(dir, 'deck-yaml'));
  if (!read.ok) return undefined;
  try {
    const data = YAML.parse(new TextDecoder().decode(read.bytes)) as { theme?: unknown } | null;
    return typeof data?.theme === 'string' ? data.theme : undefined;
  } catch {
    return undefined;
  }
}

async function themeInputs(themesDir: string, name: string): Promise<DeckInputs['theme']> {
  const found = await findTheme(themesDir, name);
  if (found?.kind === 'template') return templateInputs(themesDir, name, found.file, found.sidecar);
  const file = found?.file;
  if (!file) return { name };
  const read = await readInput(file, themeRule(themesDir, 'theme'));
  if (!read.ok) return { name, file: path.basename(file), sha256: refusal(read.diagnostic.message) };
  const out: DeckInputs['theme'] = { name, file: path.basename(file), sha256: sha256(read.bytes) };
  let logo: unknown;
  try {
    logo = (YAML.parse(new TextDecoder().decode(read.bytes)) as { logo?: unknown } | null)?.logo;
  } catch {
    logo = undefined;
  }
  if (typeof logo === 'string') {
    out.logo = logo;
    const logoRead = await readInput(path.resolve(themesDir, logo), themeRule(themesDir, 'logo'));
    out.logoSha256 = logoRead.ok ? sha256(logoRead.bytes) : refusal(logoRead.diagnostic.message);
  }
  return out;
}

/**
 * An organisation template's inputs: the template file, its sidecar, and the
 * themes folder's fonts (which may measure its faces). Fonts the sidecar maps
 * elsewhere in the themes folder, and installed fonts, are not hashed: after
 * changing those, build with --force.
 */
async function templateInputs(
  themesDir: string,
  name: string,
  file: string,
  sidecar: string | undefined,
): Promise<DeckInputs['theme']> {
  const rule = { ...themeRule(themesDir, 'theme'), maxBytes: MAX_IMAGE_BYTES };
  const read = await readInput(file, rule);
  const out: DeckInputs['theme'] = {
    name,
    file: path.basename(file),
    sha256: read.ok ? sha256(read.bytes) : refusal(read.diagnostic.message),
  };
  if (sidecar) {
    const s = await readInput(sidecar, themeRule(themesDir, 'theme'));
    out.sidecar = path.basename(sidecar);
    out.sidecarSha256 = s.ok ? sha256(s.bytes) : refusal(s.diagnostic.message);
  }
  out.fontsSha256 = await fontsHash(path.join(themesDir, 'fonts'));
  return out;
}

/**
 * sha256 of every file under `dir` (scratch files and dot-folders left out),
 * keyed by relative path. Each file goes through the input rule: a link out
 * of the folder or a FIFO is never read, only recorded with the reason (which
 * names its target, so re-pointing a link changes the hash).
 */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const rule: InputRule = { ...deckRule(dir, 'input'), maxBytes: MAX_IMAGE_BYTES };
  const files: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (isScratchFile(e.name)) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else files.push(r);
    }
  };
  await walk('');
  // Hashed in parallel (a 200-section deck is checked on every build and every watch event), in walk order.
  const hashes = await mapLimited(files, 16, async (r) => {
    const read = await readInput(path.join(dir, r), rule);
    return read.ok ? sha256(read.bytes) : refusal(read.diagnostic.message);
  });
  return Object.fromEntries(files.map((r, i) => [r, hashes[i]]));
}

const refusal = (message: string) => `refused: ${sha256(message)}`;

/** Font files change only when the package is updated: cache their hashes by size and mtime. */
const fontCache = new Map<string, { key: string; hash: string }>();

async function fontsHash(dir: string): Promise<string> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => /\.(ttf|otf|ttc|woff2?)$/i.test(n))
    .sort();
  const parts: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const s = await stat(file);
    const key = `${s.size}:${s.mtimeMs}:${s.ino}`;
    let hit = fontCache.get(file);
    if (!hit || hit.key !== key) {
      hit = { key, hash: sha256(await readFile(file)) };
      fontCache.set(file, hit);
    }
    parts.push(`${name}:${hit.hash}`);
  }
  return sha256(parts.join('\n'));
}
