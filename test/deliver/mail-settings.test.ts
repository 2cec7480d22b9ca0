import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mailSettings } from '../../src/deliver/mail-settings.js';
import { errorText, redact, secretForms } from '../../src/deliver/redact.js';
import { DeliveryError } from '../../src/model/errors.js';
import { leaks } from './leaks.js';

const PASS = 'S3cret/Pa:ss@w#rd?x';
const settingsFrom = (url: string) => mailSettings({}, { BRIEFDECK_SMTP_URL: url });
/** Every printable form of a value: what a log line, an error or `--json` could show. */
const printed = (v: unknown) =>
  [
    String(v),
    JSON.stringify(v),
    inspect(v, { depth: 10, showHidden: true, getters: true }),
    format('%o %O %j', v, v, v),
  ].join('\n');

describe('SMTP URLs of every form: parsed once, never printable with the password', () => {
  const good: [
    string,
    { host: string; port: number; secure: boolean; user?: string; pass?: string; display: string },
  ][] = [
    [
      `smtp://desk:${PASS}@mail.example.org:2525`,
      {
        host: 'mail.example.org',
        port: 2525,
        secure: false,
        user: 'desk',
        pass: PASS,
        display: 'smtp://mail.example.org:2525',
      },
    ],
    [
      'smtp://user:S3cret/Pass@host:2525',
      { host: 'host', port: 2525, secure: false, user: 'user', pass: 'S3cret/Pass', display: 'smtp://host:2525' },
    ],
    [
      `smtp://desk:${encodeURIComponent(PASS)}@mail.example.org`,
      {
        host: 'mail.example.org',
        port: 587,
        secure: false,
        user: 'desk',
        pass: PASS,
        display: 'smtp://mail.example.org',
      },
    ],
    [
      'smtp://desk:half%2Fencoded/Pass@h',
      { host: 'h', port: 587, secure: false, user: 'desk', pass: 'half/encoded/Pass', display: 'smtp://h' },
    ],
    [
      'smtps://desk@example.org:Pw-465-secret@mail.example.org',
      {
        host: 'mail.example.org',
        port: 465,
        secure: true,
        user: 'desk@example.org',
        pass: 'Pw-465-secret',
        display: 'smtps://mail.example.org',
      },
    ],
    [
      'smtp://only-user@mail.example.org',
      { host: 'mail.example.org', port: 587, secure: false, user: 'only-user', display: 'smtp://mail.example.org' },
    ],
    [
      'smtp://u:ipv6-secret@[::1]:2525',
      { host: '::1', port: 2525, secure: false, user: 'u', pass: 'ipv6-secret', display: 'smtp://[::1]:2525' },
    ],
    [
      'SMTP://u:Upper-secret@Mail.Example.org:25/?requireTLS=true',
      {
        host: 'Mail.Example.org',
        port: 25,
        secure: false,
        user: 'u',
        pass: 'Upper-secret',
        display: 'smtp://Mail.Example.org:25',
      },
    ],
  ];
  for (const [url, want] of good) {
    it(`parses \`${url.replace(/:[^@]*@/, ':…@')}\``, () => {
      const s = settingsFrom(url);
      const { pass, ...shown } = want;
      expect(s.smtp?.toJSON()).toMatchObject(shown);
      expect(s.smtp?.password()).toBe(pass);
      if (pass) {
        expect(leaks(printed(s), pass)).toEqual([]);
        expect(leaks(printed(s.smtp), pass)).toEqual([]);
        expect(leaks(printed({ ...s }), pass)).toEqual([]);
        expect(s.redact(`the server said ${url} and ${pass}`)).not.toContain(pass);
      }
    });
  }
  it('takes requireTLS from the query', () =>
    expect(settingsFrom('smtp://h:25/?requireTLS=true').smtp?.requireTLS).toBe(true));

  const bad: [string, string, string, RegExp][] = [
    [
      'bad % escape in the password (was URIError, exit 70)',
      'smtp://desk:50%off-secret@mail.example.org',
      '50%off-secret',
      /a `%` in the password does not start an escape/,
    ],
    [
      '% escapes that are not UTF-8',
      'smtp://desk:secret%E0%A4x@mail.example.org',
      'secret%E0%A4x',
      /escapes in the password do not decode to UTF-8/,
    ],
    [
      'bad % escape in the user',
      'smtp://de%zzsk:ok-secret-1@mail.example.org',
      'ok-secret-1',
      /a `%` in the user name/,
    ],
    [
      'a forgotten @ (the password would be read as the port)',
      'smtp://desk:Forgot-the-at',
      'Forgot-the-at',
      /the host \(after the last `@`\) is not `host` or `host:port`/,
    ],
    [
      'a port out of range',
      'smtp://desk:port-secret@mail.example.org:99999',
      'port-secret',
      /the port is not a number from 1 to 65535/,
    ],
    ['no host', 'smtp://desk:nohost-secret@', 'nohost-secret', /the host is missing/],
    ['not a URL at all', 'desk:plain-secret mail.example.org', 'plain-secret', /does not start with `smtp:\/\/`/],
    [
      'an unknown scheme',
      'http://desk:http-secret@mail.example.org',
      'http-secret',
      /Unexpected scheme `http:` in BRIEFDECK_SMTP_URL, expected `smtp:` or `smtps:`/,
    ],
    ['spaces in the host', 'smtp://desk:space-secret@mail example.org', 'space-secret', /the host/],
  ];
  for (const [what, url, secret, message] of bad) {
    it(`refuses ${what} with a DeliveryError that does not quote it`, () => {
      let err: unknown;
      try {
        settingsFrom(url);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DeliveryError);
      expect((err as Error).message).toMatch(message);
      expect(leaks(printed(err) + String((err as Error).stack), secret)).toEqual([]);
    });
  }
});

describe('redaction covers what a server may echo', () => {
  it('AUTH PLAIN (`\\0user\\0pass` in base64) for user names of every length, and AUTH LOGIN (user and password each in base64)', () => {
    for (const user of ['a', 'ab', 'abc', 'desk', 'desk1', 'briefdeck']) {
      const forms = secretForms(PASS, user);
      const plain = Buffer.from(`\0${user}\0${PASS}`).toString('base64');
      const login = Buffer.from(PASS).toString('base64');
      const reply = `535 5.7.8 Authentication credentials invalid: AUTH PLAIN ${plain} / AUTH LOGIN ${Buffer.from(user).toString('base64')} ${login}`;
      const out = errorText(new Error(reply), (t) => redact(t, forms));
      expect(leaks(out, PASS), `user ${user}: ${out}`).toEqual([]);
      expect(out).toMatch(/^535 5\.7\.8 Authentication credentials invalid: AUTH PLAIN \*\*\*/);
    }
  });

  it('the password inside any base64 blob, at every byte alignment', () => {
    const forms = secretForms(PASS, 'desk');
    for (const pre of ['', 'x', 'xy', 'xyz', 'header:']) {
      const blob = Buffer.from(`${pre}${PASS}trailer`).toString('base64');
      expect(leaks(redact(`echo ${blob}`, forms), PASS), pre).toEqual([]);
    }
  });

  it('URL passwords with reserved characters in free text', () => {
    expect(redact('connect smtp://me:S3cret/Pa@ss@host:587 failed')).toBe('connect smtp://me:***@host:587 failed');
    expect(redact('smtp://me:p%40ss@host:587')).toBe('smtp://me:***@host:587');
  });
});
