import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDecks } from '../../src/deliver/send-decks.js';
import { startCli } from '../helpers/cli.js';
import { OTHER, SLUG, fast, outDirWith, removeTemps } from '../deliver/deck-fixture.js';
import { leaks } from '../deliver/leaks.js';
import { startSmtp, type SmtpFixture } from '../deliver/smtp-fixture.js';
import { tempProject } from '../regeneration/project.js';

/**
 * The password must not appear in anything briefdeck produces: stdout and
 * stderr (plain and --json), runs.log, sent.json, the outbox, error
 * messages. Every run below is an attempt to make it show; at the end every
 * captured output and every file under every output folder is searched for
 * the password, its URL-encoded and base64 forms and the AUTH PLAIN string.
 */
/**
 * 8 characters: with AUTH PLAIN's two NULs the password starts off a base64 boundary, so only a redaction that knows
 * the PLAIN string hides it.
 */
const USER = 'deskuser';
const PASS = 'S3cret/Pa:ss@w#rd?x';
const enc = encodeURIComponent(PASS);

const captured: { what: string; text: string }[] = [];
const folders: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
let plainEcho: SmtpFixture;
let loginEcho: SmtpFixture;
let honest: SmtpFixture;

beforeAll(async () => {
  plainEcho = await startSmtp({ auth: { user: USER, pass: PASS }, echoAuth: true, authMethods: ['PLAIN'] });
  loginEcho = await startSmtp({ auth: { user: USER, pass: PASS }, echoAuth: true, authMethods: ['LOGIN'] });
  honest = await startSmtp({ auth: { user: USER, pass: PASS } });
});
afterAll(async () => {
  await Promise.all([plainEcho, loginEcho, honest].map((s) => s.close()));
  await Promise.all(cleanups.map((c) => c()));
  await removeTemps();
});

async function run(what: string, args: string[], o: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = startCli(args, o.cwd, { BRIEFDECK_SMTP_URL: '', ...o.env });
  const { code } = await r.exit;
  captured.push({ what: `${what} (stdout)`, text: r.stdout() }, { what: `${what} (stderr)`, text: r.stderr() });
  return { code, stdout: r.stdout(), stderr: r.stderr() };
}

async function out(decks = [SLUG]) {
  const opts = await outDirWith({ decks });
  folders.push(opts.outDir);
  return {
    opts,
    args: (...rest: string[]) => [
      'send',
      ...decks,
      '--content',
      opts.contentDir,
      '--themes',
      opts.themesDir,
      '--out',
      opts.outDir,
      ...rest,
    ],
  };
}

const url = (port: number, pass = PASS) => `smtp://${USER}:${pass}@127.0.0.1:${port}`;
const MALFORMED = (port: number) => [
  `smtp://${USER}:${PASS}%zz@127.0.0.1:${port}`, // a bad % escape (was URIError, exit 70)
  `smtp://${USER}:${enc}%E0%A4@127.0.0.1:${port}`, // escapes that are not UTF-8
  `smtp://${USER}:${PASS}@127.0.0.1:99999`, // port out of range
  `smtp://${USER}:${PASS}`, // the @ forgotten
  `smtp://${USER}:${PASS}@`, // no host
  `http://${USER}:${PASS}@127.0.0.1:${port}`, // wrong scheme
  `${USER}:${PASS} 127.0.0.1`, // not a URL
];

describe('no password in any output', { timeout: 120_000 }, () => {
  it('a server that echoes AUTH PLAIN or AUTH LOGIN in its 535: reported, redacted, in text and --json', async () => {
    for (const [name, server] of [
      ['PLAIN', plainEcho],
      ['LOGIN', loginEcho],
    ] as const) {
      for (const pass of [PASS, enc]) {
        const { args } = await out();
        const text = await run(`echo ${name}`, args(), { env: { BRIEFDECK_SMTP_URL: url(server.port, pass) } });
        expect(text.code).toBe(1);
        expect(text.stderr).toMatch(new RegExp(`535 Authentication failed for AUTH ${name} \\*\\*\\*`));
        const json = await run(`echo ${name} --json`, args('--json'), {
          env: { BRIEFDECK_SMTP_URL: url(server.port, pass) },
        });
        expect(JSON.parse(json.stdout).decks[0].error).toMatch(/535/);
      }
    }
  });

  it('every malformed URL, from the environment and from the config file: a clear error, exit 1, never exit 70', async () => {
    for (const bad of MALFORMED(honest.port)) {
      const { opts, args } = await out();
      const env = await run(`malformed env ${bad.length}`, args(), { env: { BRIEFDECK_SMTP_URL: bad } });
      expect(env.code, env.stderr).toBe(1);
      expect(env.stderr).toMatch(
        /briefdeck send: (Invalid BRIEFDECK_SMTP_URL \(not shown: it may hold a password\)|Unexpected scheme)/,
      );
      const config = path.join(opts.outDir, 'briefdeck.config.yaml');
      writeFileSync(config, `mail:\n  from: desk@example.org\n  smtp: ${JSON.stringify(bad)}\n`);
      const file = await run(`malformed config ${bad.length}`, [...args('--json'), '--config', config]);
      expect(file.code, file.stderr).toBe(1);
      expect(file.stderr).toMatch(/`mail\.smtp` in the config file/);
    }
  });

  it('a good send (sent.json), a dry run, a forced resend with --json, and the outbox', async () => {
    const { args } = await out([SLUG, OTHER]);
    const env = { BRIEFDECK_SMTP_URL: url(honest.port) };
    expect((await run('good send', args(), { env })).code).toBe(0);
    expect(honest.received).toHaveLength(2);
    expect((await run('dry run', args('--dry-run', '--force'), { env })).code).toBe(0);
    expect((await run('forced --json', args('--force', '--json'), { env })).code).toBe(0);
    const outbox = await out();
    expect((await run('outbox', outbox.args())).code).toBe(0);
    expect(readdirSync(path.join(outbox.opts.outDir, 'outbox'))).toHaveLength(1);
  });

  it("an unreachable server: every retry's error", async () => {
    const { opts } = await out();
    const [r] = await sendDecks([SLUG], opts, {
      config: { mail: { from: 'desk@example.org', smtp: url(1), requireTLS: false, maxBytes: 1e7 } },
      env: {},
      retry: fast,
      onProgress: (e) => captured.push({ what: 'progress', text: JSON.stringify(e) }),
    });
    expect(r.status).toBe('failed');
    captured.push({ what: 'unreachable outcome', text: JSON.stringify(r) });
  });

  it('schedule: runs.log for a malformed URL and for an echoing server', async () => {
    for (const smtp of [MALFORMED(honest.port)[0], url(plainEcho.port)]) {
      const p = await tempProject([SLUG]);
      cleanups.push(p.cleanup);
      folders.push(p.dir);
      writeFileSync(
        path.join(p.dir, 'briefdeck.config.yaml'),
        `mail:\n  from: desk@example.org\n  smtp: ${JSON.stringify(smtp)}\n`,
      );
      const r = await run(`schedule ${smtp.length}`, ['schedule', '--once'], { cwd: p.dir });
      expect(r.code).toBe(1);
      const log = readFileSync(path.join(p.opts.outDir, 'runs.log'), 'utf8');
      expect(JSON.parse(log).stages.find((s: { name: string }) => s.name === 'send')).toMatchObject({ ok: false });
    }
  });

  it('nothing produced above holds the password in any form (grep of every output folder and every captured stream)', () => {
    expect(captured.length).toBeGreaterThan(40);
    const files = folders.flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name)),
    );
    expect(files.some((f) => f.endsWith('sent.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('runs.log'))).toBe(true);
    expect(files.some((f) => f.endsWith('.eml'))).toBe(true);
    const found = [
      ...captured.flatMap((c) => leaks(c.text, PASS, [USER]).map((l) => `${c.what}: ${l}`)),
      // Config files written by this test hold the password on purpose; everything else is briefdeck's.
      ...files
        .filter((f) => !f.endsWith('briefdeck.config.yaml'))
        .flatMap((f) => leaks(readFileSync(f).toString('latin1'), PASS, [USER]).map((l) => `${f}: ${l}`)),
    ];
    expect(found).toEqual([]);
  });
});
