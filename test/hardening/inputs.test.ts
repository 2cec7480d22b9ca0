import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import { MAX_SECTION_BYTES } from '../../src/input/read-input.js';
import { deckInputs } from '../../src/manifest/deck-inputs.js';
import { runCli } from '../helpers/cli.js';
import { REPO_THEMES, makeContent } from '../helpers/decks.js';

/** Every file under `dir`, read back, as one string: what a mail to the list could carry. */
const everything = (dir: string): string =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => readFileSync(path.join(e.parentPath, e.name)).toString('latin1'))
        .join('\n')
    : '';

const SECRET = 'TOP-SECRET-OUTSIDE-TEXT';
const section = (title: string) => `# ${title}\n\n- A point about ${title}\n`;

/** A project with a good deck and a themes folder of its own, so themes can be attacked too. */
function project(decks: Parameters<typeof makeContent>[0]) {
  const c = makeContent({ good: { files: { '01-a.md': section('Good') } }, ...decks });
  const themes = path.join(c.root, 'themes');
  cpSync(REPO_THEMES, themes, { recursive: true });
  writeFileSync(path.join(c.root, 'outside.md'), `# Outside\n\n- ${SECRET}\n`);
  writeFileSync(path.join(c.root, 'outside.yaml'), `title: ${SECRET}\n`);
  const build = (...args: string[]) =>
    runCli(['build', '--content', c.content, '--themes', themes, '--out', c.out, ...args], {
      cwd: c.root,
      timeout: 60_000,
    });
  return { ...c, themes, build, deck: (slug: string, ...p: string[]) => path.join(c.content, slug, ...p) };
}

describe('every input is read from inside its folder (attacker: one commit of symlinks to a shared content folder)', () => {
  it('refuses a section, deck.yaml and a link to /etc/hostname pointing outside: error at file:1:1 naming the target, nothing written for that deck, others built', () => {
    const p = project({
      sect: { files: { '01-a.md': section('A') } },
      meta: { yaml: null, files: { '01-a.md': section('A') } },
      host: { files: {} },
    });
    symlinkSync('../../outside.md', p.deck('sect', '02-outside.md'));
    symlinkSync('../../outside.yaml', p.deck('meta', 'deck.yaml'));
    symlinkSync('/etc/hostname', p.deck('host', '01-host.md'));
    const r = p.build();
    expect(r.status, r.stderr).toBe(1);
    const real = (f: string) => path.join(p.root, f);
    expect(r.stderr).toContain(
      `content/sect/02-outside.md:1:1 error Unexpected \`content/sect/02-outside.md\` (a link to \`${real('outside.md')}\`), outside the deck folder \`content/sect\`, expected a file inside it`,
    );
    expect(r.stderr).toMatch(/content\/sect\/02-outside\.md:1:1 error .*\[section-outside-deck\]/);
    expect(r.stderr).toMatch(
      new RegExp(
        `content/meta/deck\\.yaml:1:1 error Unexpected \`content/meta/deck\\.yaml\` \\(a link to \`${real('outside.yaml')}\`\\).*\\[deck-yaml-outside-deck\\]`,
      ),
    );
    expect(r.stderr).not.toMatch(/Missing `deck.yaml`/); // the refusal is the one error, not a second "missing"
    expect(r.stderr).toMatch(
      /content\/host\/01-host\.md:1:1 error Unexpected `content\/host\/01-host\.md` \(a link to `\/etc\/hostname`\)/,
    );
    expect(r.stdout).toMatch(/✓ good {2}built/);
    expect(readdirSync(p.out).filter((f) => f.endsWith('.pptx'))).toEqual(['good.pptx']);
    const hostname = readFileSync('/etc/hostname', 'utf8').trim();
    const written = everything(p.out);
    expect(written).not.toContain(SECRET);
    if (hostname.length >= 4) expect(written).not.toContain(hostname);
  });

  it('refuses a theme file and a logo that link outside the themes folder', async () => {
    const p = project({});
    symlinkSync(path.join(p.root, 'outside.yaml'), path.join(p.themes, 'linked.yaml'));
    writeFileSync(path.join(p.themes, 'logo-out.yaml'), 'logo: logos/unit.png\n');
    mkdirSync(path.join(p.themes, 'logos'));
    symlinkSync('/etc/hostname', path.join(p.themes, 'logos', 'unit.png'));
    const opts = { contentDir: p.content, themesDir: p.themes, outDir: p.out };
    const linked = await checkDeck('good', { ...opts, theme: 'linked' });
    expect(
      linked.diagnostics.map(
        (d) => `${d.code} ${path.basename(d.position.file)}:${d.position.line}:${d.position.column}`,
      ),
    ).toEqual(['theme-outside-themes linked.yaml:1:1']);
    expect(linked.diagnostics[0].message).toContain(`a link to \`${path.join(p.root, 'outside.yaml')}\``);
    const logo = await checkDeck('good', { ...opts, theme: 'logo-out' });
    expect(logo.diagnostics.map((d) => `${d.code} ${path.basename(d.position.file)}:${d.position.line}`)).toEqual([
      'logo-outside-themes logo-out.yaml:1',
    ]);
    expect(logo.diagnostics[0].message).toContain('a link to `/etc/hostname`');
  });

  it('allows a symlink that stays inside the deck folder', () => {
    const p = project({ inner: { files: { 'shared/a.md': section('Shared') } } });
    symlinkSync('shared/a.md', p.deck('inner', '01-a.md'));
    const r = p.build();
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(p.out, 'inner.pptx'))).toBe(true);
  });

  it('never blocks on a FIFO named like a section or an image, nor on one the inputs hash walks past', () => {
    const p = project({ pipes: { files: { '01-a.md': '# Pictures\n\n![map](images/map.png)\n' } } });
    execFileSync('mkfifo', [p.deck('pipes', '02-pipe.md'), p.deck('pipes', 'notes.txt')]);
    mkdirSync(p.deck('pipes', 'images'));
    execFileSync('mkfifo', [p.deck('pipes', 'images', 'map.png')]);
    const r = p.build(); // a FIFO opened for reading would hang this until the 60 s timeout (status null)
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /content\/pipes\/02-pipe\.md:1:1 error Unexpected FIFO \(named pipe\) `content\/pipes\/02-pipe\.md`, expected a regular file .*\[section-not-a-file\]/,
    );
    expect(r.stderr).toMatch(
      /content\/pipes\/01-a\.md:3:1 error Unexpected FIFO \(named pipe\) `content\/pipes\/images\/map\.png`.*\[image-not-a-file\]/,
    );
    expect(existsSync(path.join(p.out, 'pipes.pptx'))).toBe(false);
    expect(existsSync(path.join(p.out, 'good.pptx'))).toBe(true);
  });

  it('never blocks on a FIFO in place of the config file', () => {
    const p = project({});
    execFileSync('mkfifo', [path.join(p.root, 'briefdeck.config.yaml')]);
    const r = runCli(['check', '--content', p.content, '--themes', p.themes], { cwd: p.root, timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'briefdeck.config.yaml:1:1 error Unexpected FIFO (named pipe) `briefdeck.config.yaml`, expected a regular file',
    );
  });

  it('refuses a section over the size limit from its size alone, with the reason (a sparse 8 GB file is never read)', () => {
    const p = project({ big: { files: { '01-a.md': section('A'), '02-big.md': '' } } });
    truncateSync(p.deck('big', '02-big.md'), 8 * 1024 ** 3);
    writeFileSync(
      p.deck('big', '03-limit.md'),
      `# Limit\n\n${'x'.repeat(MAX_SECTION_BYTES - 20)}\n`
        .slice(0, MAX_SECTION_BYTES + 1)
        .padEnd(MAX_SECTION_BYTES + 1, 'x'),
    );
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'content/big/02-big.md:1:1 error Unexpected size of `content/big/02-big.md`: 8192.0 MB, over the 2.0 MB limit (layout time and memory grow with the length of a file; split it into several section files)',
    );
    expect(r.stderr).toMatch(
      /content\/big\/03-limit\.md:1:1 error Unexpected size of .*: 2\.0 MB, over the 2\.0 MB limit .*\[section-too-large\]/,
    );
  });

  it('reports deck folders that are not slugs, and a symlinked deck folder, instead of leaving them out', () => {
    const p = project({
      'Weekly Brief': { files: { '01-a.md': section('A') } },
      UPPER: { files: { '01-a.md': section('A') } },
    });
    symlinkSync(p.deck('good'), path.join(p.content, 'alias'));
    symlinkSync(path.join(p.root, 'themes'), path.join(p.content, 'elsewhere'));
    const r = p.build();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'content/Weekly Brief:1:1 error Unexpected deck folder name `Weekly Brief`, expected lowercase letters, digits and hyphens (the name becomes the file name, mail headers and log lines) (fix: rename the folder to `weekly-brief`) [deck-slug-invalid]',
    );
    expect(r.stderr).toMatch(/content\/UPPER:1:1 error .*rename the folder to `upper`/);
    expect(r.stderr).toContain(
      `content/alias:1:1 error Unexpected symbolic link \`content/alias\` to \`${p.deck('good')}\``,
    );
    expect(r.stderr).toMatch(/content\/elsewhere:1:1 error Unexpected symbolic link .*\[deck-folder-link\]/);
    expect(r.stdout).toContain('1 deck built, 0 up to date, 4 failed');
    expect(readdirSync(p.out).filter((f) => f.endsWith('.pptx'))).toEqual(['good.pptx']);
  });

  it('the inputs hash never reads through a link out of the folder, and changes when the link is re-pointed', async () => {
    const p = project({ sect: { files: { '01-a.md': section('A') } } });
    symlinkSync('../../outside.md', p.deck('sect', '02-x.md'));
    const opts = { contentDir: p.content, themesDir: p.themes, outDir: p.out };
    const before = await deckInputs('sect', opts, 't');
    expect(before.files['02-x.md']).toMatch(/^refused: [0-9a-f]{64}$/);
    writeFileSync(path.join(p.root, 'outside.md'), 'changed outside');
    expect((await deckInputs('sect', opts, 't')).hash).toBe(before.hash); // the outside file is not an input
    execFileSync('ln', ['-sfn', '/etc/hostname', p.deck('sect', '02-x.md')]);
    expect((await deckInputs('sect', opts, 't')).hash).not.toBe(before.hash);
  });
});
