import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { green } from '../cli/output.js';
import { DECK_SLUG, slugFrom } from '../content/deck-folder.js';
import { newDeckFiles } from '../content/new-deck.js';
import { ContentError, UsageError } from '../model/errors.js';
import { DEFAULT_THEME, listThemes } from '../theme/load-theme.js';
import { displayPath } from '../util/display-path.js';
import { EXIT, type Command } from './command.js';
import { deckOptions } from './options.js';

export const newCommand: Command = {
  name: 'new',
  summary: 'start a deck: write content/<slug>/ with a commented deck.yaml and two example sections',
  usage: 'briefdeck new <deck-slug> [--theme NAME] [options]',
  help: ['  The folder must not exist yet. The slug is lowercase letters, digits and hyphens: `weekly-brief`.'],
  async run({ values, positionals, output, env, config }) {
    const opts = deckOptions(values, env, config);
    if (positionals.length !== 1)
      throw new UsageError(
        'new-slug',
        positionals.length === 0
          ? 'Missing deck slug, expected `briefdeck new <deck-slug>`, e.g. `briefdeck new weekly-brief`'
          : `Unexpected ${positionals.length} deck slugs, expected one`,
      );
    const [slug] = positionals;
    if (!DECK_SLUG.test(slug)) {
      const better = slugFrom(slug);
      throw new UsageError(
        'new-slug',
        `Unexpected deck slug \`${slug}\`, expected lowercase letters, digits and hyphens${better ? ` such as \`${better}\`` : ''} (it names the folder, the .pptx and the mail)`,
      );
    }
    const dir = path.join(opts.contentDir, slug);
    if (await stat(dir).catch(() => undefined))
      throw new ContentError('deck-exists', `Existing \`${displayPath(dir)}\` left as it is: choose another slug`);
    const themes = await listThemes(opts.themesDir);
    const files = newDeckFiles({
      slug,
      date: new Date().toISOString().slice(0, 10),
      theme: opts.theme ?? opts.defaultTheme ?? DEFAULT_THEME,
      themes,
    });
    // Written in a temporary folder beside it and renamed into place: a deck folder is there whole or not at all.
    await mkdir(opts.contentDir, { recursive: true });
    const tmp = await mkdtemp(path.join(opts.contentDir, `.new-${slug}-`));
    try {
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(tmp, name), text, { flag: 'wx' });
      await rename(tmp, dir);
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      throw e;
    }
    if (values.json) {
      output.out(JSON.stringify({ deck: slug, dir, files: Object.keys(files) }, null, 2));
      return EXIT.ok;
    }
    output.out(`${green(output.color, '✓')} ${slug}  created ${displayPath(dir)}/: ${Object.keys(files).join(', ')}`);
    output.out('next: edit those files, then');
    for (const step of [`check ${slug}`, `build ${slug}`, `export ${slug}`])
      output.out(`  npm run briefdeck -- ${step}`);
    output.out(`and open ${displayPath(path.join(opts.outDir, 'index.html'))}`);
    return EXIT.ok;
  },
};
