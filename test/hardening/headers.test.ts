import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_THEMES, makeContent } from '../helpers/decks.js';

const SECTION = { '01-a.md': '# A\n\n- a point\n' };
const email = (extra = '') => `email:\n  to: [list@example.org]\n${extra}`;
/**
 * Raw characters that must never reach a terminal or a log: CR, ESC, other C0 (not LF/tab), DEL, C1, bidi overrides.
 */
const RAW_CONTROL = /[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function project(decks: Parameters<typeof makeContent>[0], config = '') {
  const c = makeContent(decks);
  if (config) writeFileSync(path.join(c.root, 'briefdeck.config.yaml'), config);
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli([...args, '--content', c.content, '--themes', REPO_THEMES, '--out', c.out], {
      cwd: c.root,
      env: { BRIEFDECK_SMTP_URL: '', BRIEFDECK_MAIL_FROM: '', ...env },
    });
  const outbox = () => (existsSync(path.join(c.out, 'outbox')) ? readdirSync(path.join(c.out, 'outbox')) : []);
  return { ...c, run, outbox };
}

/** Nothing a run printed may hold a raw control character, or a line an attacker wrote. */
function expectClean(r: { stdout: string; stderr: string }) {
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(RAW_CONTROL);
  expect(all.split('\n').filter((l) => /^(Bcc|X-Forged|forged)/i.test(l))).toEqual([]);
}

describe('every header value is validated (CR/LF in each source)', () => {
  it('mail.from in the config file: refused, nothing sent', () => {
    const p = project(
      { d: { yaml: `title: D\n${email()}`, files: SECTION } },
      'mail:\n  from: "Desk\\r\\nBcc: everyone@example.org <desk@example.org>"\n',
    );
    expect(p.run(['build']).status).toBe(0);
    const r = p.run(['send']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'briefdeck send: Invalid sender `Desk\\r\\nBcc: everyone@example.org <desk@example.org>` in `mail.from` in the config file: Unexpected U+000D (carriage return), expected one line of text without control characters',
    );
    expectClean(r);
    expect(p.outbox()).toEqual([]);
  });

  it('BRIEFDECK_MAIL_FROM: refused (it would have moved the envelope sender)', () => {
    const p = project({ d: { yaml: `title: D\n${email()}`, files: SECTION } });
    expect(p.run(['build']).status).toBe(0);
    const r = p.run(['send'], { BRIEFDECK_MAIL_FROM: 'Desk <desk@example.org>\nBcc: everyone@example.org' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /Invalid sender `Desk <desk@example\.org>\\nBcc: everyone@example\.org` in BRIEFDECK_MAIL_FROM: Unexpected U\+000A \(line feed\)/,
    );
    expectClean(r);
    expect(p.outbox()).toEqual([]);
    const two = p.run(['send'], { BRIEFDECK_MAIL_FROM: 'a@example.org, b@example.org' });
    expect(two.stderr).toContain('expected one address such as `Briefing Desk <desk@example.org>`');
  });

  it('deck.yaml email.subject, the title (the default subject) and the recipients: errors at their line', () => {
    const p = project({
      subj: { yaml: `title: S\n${email('  subject: "Weekly\\r\\nBcc: everyone@example.org"\n')}`, files: SECTION },
      title: { yaml: `title: "Brief\\nX-Forged: yes"\n${email()}`, files: SECTION },
      rcpt: { yaml: 'title: R\nemail:\n  to: ["list@example.org\\r\\nBcc: x@example.org"]\n', files: SECTION },
    });
    const r = p.run(['build']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /content\/subj\/deck\.yaml:4:12 error Invalid `email\.subject`: Unexpected U\+000D \(carriage return\), expected one line of text \(it is used in mail headers\)/,
    );
    expect(r.stderr).toMatch(/content\/title\/deck\.yaml:1:8 error Invalid `title`: Unexpected U\+000A \(line feed\)/);
    expect(r.stderr).toMatch(
      /content\/rcpt\/deck\.yaml:3:8 error Invalid `email\.to\.0`: `list@example\.org\\r\\nBcc: x@example\.org` is not an email address/,
    );
    expectClean(r);
    const s = p.run(['send']);
    expect(s.status).toBe(1);
    expectClean(s);
    expect(p.outbox()).toEqual([]);
  });

  it('deck folder names (they reach Message-IDs, headers and log lines): refused, and escaped wherever they are shown', () => {
    const evil = 'evil\r\nBcc: everyone@example.org\u001b[2J\u009b';
    const p = project({
      [evil]: { yaml: `title: E\n${email()}`, files: { ...SECTION, 'notes\r\nforged line.md': 'x' } },
      good: { yaml: `title: G\n${email()}`, files: SECTION },
    });
    const b = p.run(['build']);
    expect(b.status).toBe(1);
    expect(b.stderr).toContain(
      'content/evil\\r\\nBcc: everyone@example.org\\u001b[2J\\u009b:1:1 error Unexpected deck folder name `evil\\r\\nBcc: everyone@example.org\\u001b[2J\\u009b`',
    );
    expect(b.stdout).toContain('✗ evil\\r\\nBcc: everyone@example.org\\u001b[2J\\u009b  1 error  (nothing written)');
    expectClean(b);
    const s = p.run(['send']);
    expectClean(s);
    expect(p.outbox().map((f) => f.replace(/-[0-9a-f]{12}\.eml$/, ''))).toEqual(['good']);
    const eml = readFileSync(path.join(p.out, 'outbox', p.outbox()[0]), 'latin1');
    expect(eml).toMatch(/^Message-ID: <[0-9a-f]{32}\.good@localhost>\r$/m);

    // runs.log: one JSON line per run, whatever the names hold.
    const sched = p.run(['schedule', '--once']);
    expectClean(sched);
    const log = readFileSync(path.join(p.out, 'runs.log'), 'utf8');
    expect(log).not.toMatch(RAW_CONTROL);
    expect(log.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(log).failed).toEqual([evil]);
  });

  it('other text from files (a stray file name, a YAML key) is escaped in diagnostics', () => {
    const p = project({
      d: { yaml: 'title: D\n"bad\\rkey\\u001b[8m": 1\n', files: { ...SECTION, 'x\u001b]0;title\u0007.md': 'stray' } },
    });
    const r = p.run(['check']);
    expectClean(r);
    expect(r.stderr).toContain('Unknown key `bad\\rkey\\u001b[8m` in deck.yaml');
    expect(r.stderr).toContain('content/d/x\\u001b]0;title\\u0007.md:1:1 warning Unexpected Markdown file name');
  });
});
