import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleOptions } from '../../src/commands/schedule.js';
import { deckOptions } from '../../src/commands/options.js';
import { loadConfig } from '../../src/config/load-config.js';
import { formatDiagnostic } from '../../src/util/format-diagnostic.js';
import { UsageError } from '../../src/model/errors.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefdeck-config-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFile(path.join(dir, name), text);
/** The problems loadConfig reports, as `file:line:col severity message` without the file's folder. */
async function problems(name = 'briefdeck.config.yaml'): Promise<string[]> {
  try {
    await loadConfig(name, dir);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).diagnostics.map((d) => formatDiagnostic(d).replace(`${dir}${path.sep}`, ''));
  }
  throw new Error('expected the config to be refused');
}

describe('config file', () => {
  it('is optional: no file means no settings', async () => {
    expect(await loadConfig(undefined, dir)).toEqual({});
  });

  it('resolves folders against the file, fills defaults, and keeps the rest', async () => {
    await write(
      'briefdeck.config.yaml',
      [
        'content: decks',
        'output: ../out',
        'defaultTheme: briefing-dark',
        'schedule:',
        '  cron: "0 7 * * 1-5"',
        '  timezone: Europe/London',
        'export:',
        '  pdf: true',
        'mail:',
        '  from: briefing@example.org',
        '',
      ].join('\n'),
    );
    const c = await loadConfig(undefined, dir);
    expect(c).toMatchObject({
      file: path.join(dir, 'briefdeck.config.yaml'),
      contentDir: path.join(dir, 'decks'),
      outDir: path.resolve(dir, '../out'),
      themesDir: undefined,
      defaultTheme: 'briefing-dark',
      schedule: { cron: '0 7 * * 1-5', timezone: 'Europe/London' },
      export: { pdf: true, png: false },
      mail: { from: 'briefing@example.org', requireTLS: false, maxBytes: 10 * 1024 * 1024 },
    });
  });

  it('reports wrong types at their value, with file:line:col', async () => {
    await write('briefdeck.config.yaml', 'content: decks\nexport:\n  pdf: "yes"\n');
    expect(await problems()).toEqual([
      'briefdeck.config.yaml:3:8 error Invalid `export.pdf`: Invalid input: expected boolean, received string [invalid-field]',
    ]);
  });

  it('points at each unknown key and lists the known ones', async () => {
    await write('briefdeck.config.yaml', 'contnet: decks\nexport:\n  jpg: true\n');
    expect(await problems()).toEqual([
      'briefdeck.config.yaml:1:1 error Unknown key `contnet` in the config file; did you mean `content`? Expected one of `content`, `themes`, `output`, `defaultTheme`, `schedule`, `export`, `mail`, `history` [config-unknown-key]',
      'briefdeck.config.yaml:3:3 error Unknown key `export.jpg` in the config file; expected one of `pdf`, `png` [config-unknown-key]',
    ]);
  });

  it('reports a missing required key at its parent', async () => {
    await write('briefdeck.config.yaml', 'schedule:\n  timezone: UTC\n');
    expect(await problems()).toEqual([
      'briefdeck.config.yaml:2:3 error Invalid `schedule.cron`: Invalid input: expected string, received undefined [invalid-field]',
    ]);
  });

  it('reports YAML syntax errors with their position', async () => {
    await write('custom.yaml', 'content: [decks\n');
    const ps = await problems('custom.yaml');
    expect(ps[0]).toMatch(/^custom\.yaml:2:1 error Invalid YAML: /);
  });

  it('checks the cron pattern and the time zone', async () => {
    await write('briefdeck.config.yaml', 'schedule:\n  cron: "61 * * * *"\n  timezone: Mars/Olympus\n');
    const ps = await problems();
    expect(ps[0]).toMatch(/^briefdeck\.config\.yaml:2:9 error Invalid `schedule\.cron` `61 \* \* \* \*`: .*minute: 61/);
    expect(ps[1]).toBe(
      'briefdeck.config.yaml:3:13 error Unknown time zone `Mars/Olympus`, expected an IANA name such as `Europe/London` [config-invalid-timezone]',
    );
  });

  it('refuses a named config file that does not exist', async () => {
    await expect(loadConfig('nope.yaml', dir)).rejects.toThrow(/Missing config file `nope.yaml`/);
  });
});

describe('precedence: flags > environment > config file > defaults', () => {
  const config = {
    contentDir: '/cfg/content',
    themesDir: '/cfg/themes',
    outDir: '/cfg/out',
    defaultTheme: 'briefing-dark',
    schedule: { cron: '0 7 * * *', timezone: 'UTC' },
    export: { pdf: true, png: false },
  };
  const env = { BRIEFDECK_CONTENT: '/env/content', BRIEFDECK_OUT: '/env/out', BRIEFDECK_CRON: '0 8 * * *' };

  it('for folders and themes', () => {
    expect(deckOptions({ content: '/flag/content' }, env, config)).toEqual({
      contentDir: '/flag/content',
      themesDir: '/cfg/themes',
      outDir: '/env/out',
      theme: undefined,
      defaultTheme: 'briefing-dark',
    });
    expect(deckOptions({}, {}, {})).toMatchObject({
      contentDir: path.resolve('content'),
      themesDir: path.resolve('themes'),
      outDir: path.resolve('output'),
    });
  });

  it('for the schedule and export formats', () => {
    expect(scheduleOptions({ tz: 'Asia/Tokyo' }, env, config)).toEqual({
      cron: '0 8 * * *',
      timezone: 'Asia/Tokyo',
      pdf: true,
      png: false,
      force: false,
    });
    expect(scheduleOptions({ cron: '*/5 * * * *', png: true }, env, config)).toMatchObject({
      cron: '*/5 * * * *',
      timezone: 'UTC',
      pdf: true,
      png: true,
    });
    expect(scheduleOptions({}, {}, {})).toEqual({
      cron: undefined,
      timezone: undefined,
      pdf: false,
      png: false,
      force: false,
    });
  });
});

describe('config file through the CLI', { timeout: 60_000 }, () => {
  it('prints file:line:col diagnostics and exits 2 for an invalid file', async () => {
    await write('briefdeck.config.yaml', 'content: 42\n');
    const r = runCli(['check'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'briefdeck.config.yaml:1:10 error Invalid `content`: Invalid input: expected string, received number',
    );
    expect(r.stderr).toContain('briefdeck check: Invalid config file `briefdeck.config.yaml`');
  });

  it('uses the config file folders unless a flag overrides them', async () => {
    await write('briefdeck.config.yaml', 'content: nowhere\n');
    expect(runCli(['check'], { cwd: dir }).stderr).toMatch(/Missing content folder `.*nowhere`/);
    expect(runCli(['check', '--content', 'elsewhere'], { cwd: dir }).stderr).toMatch(
      /Missing content folder `.*elsewhere`/,
    );
    expect(runCli(['check'], { cwd: dir, env: { BRIEFDECK_CONTENT: 'fromenv' } }).stderr).toMatch(
      /Missing content folder `.*fromenv`/,
    );
  });
});
