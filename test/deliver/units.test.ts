import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/model/errors.js';
import { mailSettings } from '../../src/deliver/mail-settings.js';
import { subjectOf } from '../../src/deliver/message.js';
import { recipientGroups } from '../../src/deliver/recipient-groups.js';
import { changesSection, changesText, subjectMark, type WhatChanged } from '../../src/deliver/what-changed.js';
import type { DeckDiff } from '../../src/history/deck-diff.js';
import { receivedVersions } from '../../src/history/sent-versions.js';
import { redact, secretForms } from '../../src/deliver/redact.js';
import { deliverWithRetry, isTransient } from '../../src/deliver/retry.js';
import type { DeliveryReport } from '../../src/deliver/transport.js';
import { runCli } from '../helpers/cli.js';
import { SLUG, contentDir, removeTemps, tempDir, themesDir } from './deck-fixture.js';

afterAll(removeTemps);

describe('redact', () => {
  it('hides URL passwords and known secrets in any form', () => {
    expect(redact('connect smtp://me:p%40ss@host:587 failed')).toBe('connect smtp://me:***@host:587 failed');
    const b64 = Buffer.from('p@ss-word').toString('base64');
    expect(redact(`Invalid login for p@ss-word / ${b64}`, secretForms('p@ss-word'))).toBe(
      'Invalid login for *** / ***',
    );
    expect(redact('p%40ss-word', secretForms('p@ss-word'))).toBe('***');
  });
});

describe('mailSettings', () => {
  it('env beats the config file; without SMTP settings, the outbox', () => {
    expect(JSON.parse(JSON.stringify(mailSettings({}, {})))).toEqual({
      from: 'briefdeck <briefdeck@localhost>',
      fromAddress: 'briefdeck@localhost',
      maxBytes: 10 * 1024 * 1024,
    });
    const s = mailSettings(
      { mail: { from: 'Desk <d@x.org>', smtp: 'smtp://cfg:1@cfg.example:25', requireTLS: true, maxBytes: 5 } },
      { BRIEFDECK_SMTP_URL: 'smtps://u%40x:p%3Aw@mail.example.org' },
    );
    expect(s.smtp?.toJSON()).toEqual({
      host: 'mail.example.org',
      port: 465,
      secure: true,
      user: 'u@x',
      requireTLS: true,
      display: 'smtps://mail.example.org',
    });
    expect(s.smtp?.password()).toBe('p:w');
    expect(s.redact('said p:w and p%3Aw')).toBe('said *** and ***');
    expect(s.from).toBe('Desk <d@x.org>');
    expect(s.fromAddress).toBe('d@x.org');
    expect(mailSettings({}, { BRIEFDECK_SMTP_URL: 'smtp://h', BRIEFDECK_MAIL_FROM: 'A <a@b.c>' })).toMatchObject({
      from: 'A <a@b.c>',
      smtp: { port: 587, user: undefined },
    });
  });

  it('rejects a bad URL without echoing its password', () => {
    const bad = () => mailSettings({}, { BRIEFDECK_SMTP_URL: 'http://u:hunter22@host' });
    expect(bad).toThrow(DeliveryError);
    expect(bad).toThrow('Unexpected scheme `http:` in BRIEFDECK_SMTP_URL, expected `smtp:` or `smtps:`');
  });
});

describe('retry', () => {
  it('classifies 4xx and connection errors as transient, 5xx and auth as permanent', () => {
    expect(isTransient({ responseCode: 421 })).toBe(true);
    expect(isTransient({ responseCode: 451 })).toBe(true);
    expect(isTransient({ responseCode: 550 })).toBe(false);
    expect(isTransient({ code: 'EAUTH', responseCode: 535 })).toBe(false);
    expect(isTransient({ code: 'ECONNECTION' })).toBe(true);
    expect(isTransient({ code: 'ETIMEDOUT' })).toBe(true);
    expect(isTransient(new Error('bug'))).toBe(false);
  });

  it('backs off with the policy delays and gives up after them', async () => {
    const waits: number[] = [];
    let calls = 0;
    const r = await deliverWithRetry(
      ['a@x.org'],
      async () => {
        calls++;
        throw Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' });
      },
      { delaysMs: [10, 20, 40], sleep: async (ms) => void waits.push(ms) },
    );
    expect(calls).toBe(4);
    expect(waits).toEqual([10, 20, 40]);
    expect(r.failed).toEqual([
      { recipient: 'a@x.org', code: undefined, message: 'Connection timeout', transient: true },
    ]);
  });

  it('offers a retry only to the recipients not yet accepted, and records each acceptance', async () => {
    const offered: string[][] = [];
    const recorded: string[][] = [];
    const replies: DeliveryReport[] = [
      {
        accepted: ['a@x.org'],
        rejected: [
          { recipient: 'b@x.org', code: 452, message: '452 try later', transient: true },
          { recipient: 'c@x.org', code: 550, message: '550 no', transient: false },
        ],
      },
      { accepted: ['b@x.org'], rejected: [] },
    ];
    const r = await deliverWithRetry(
      ['a@x.org', 'b@x.org', 'c@x.org'],
      async (p) => (offered.push(p), replies.shift()!),
      { delaysMs: [1], sleep: async () => {} },
      { onAccepted: async (a) => void recorded.push(a) },
    );
    expect(offered).toEqual([['a@x.org', 'b@x.org', 'c@x.org'], ['b@x.org']]);
    expect(recorded).toEqual([['a@x.org'], ['b@x.org']]);
    expect(r.accepted).toEqual(['a@x.org', 'b@x.org']);
    expect(r.failed.map((f) => f.recipient)).toEqual(['c@x.org']);
  });
});

describe('subject', () => {
  it('carries the deck date once', () => {
    expect(subjectOf('Briefing', '2026-11-20')).toBe('Briefing (2026-11-20)');
    expect(subjectOf('Briefing 2026-11-20', '2026-11-20')).toBe('Briefing 2026-11-20');
    expect(subjectOf('Briefing')).toBe('Briefing');
  });

  it('marks an update with its first two kinds of change; a first version, an unchanged deck or an unknown baseline are not marked', () => {
    expect(subjectOf('Weekly brief', undefined, 'updated: 3 sections')).toBe('Weekly brief (updated: 3 sections)');
    expect(subjectOf('Weekly brief', '2026-11-20', 'updated: 3 sections')).toBe(
      'Weekly brief (2026-11-20, updated: 3 sections)',
    );
    const since = { version: 'a'.repeat(64), at: '2026-11-20T09:00:00.000Z' };
    const diff = (changes: DeckDiff['changes']): DeckDiff => ({
      deck: 'd',
      from: since.version,
      to: 'b'.repeat(64),
      changes,
      slides: [],
    });
    const section = (s: string): DeckDiff['changes'][number] => ({
      type: 'section',
      action: 'added',
      section: s,
      slides: [2],
    });
    const bullet: DeckDiff['changes'][number] = {
      type: 'text',
      action: 'added',
      role: 'bullet',
      section: 'A',
      text: 'x',
      slides: [3],
    };
    const notes: DeckDiff['changes'][number] = { type: 'notes', section: 'A', before: 'a', after: 'b', slides: [3] };
    expect(subjectMark({ since, diff: diff([section('A'), section('B'), section('C')]) })).toBe('updated: 3 sections');
    expect(subjectMark({ since, diff: diff([section('A'), bullet, notes]) })).toBe('updated: 1 section · 1 bullet · …');
    expect([subjectMark({}), subjectMark({ since, diff: diff([]) }), subjectMark({ since })]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('the "what changed" section', () => {
  it('says first version, unchanged, or not known (the version a reader has is no longer kept)', () => {
    const since = { version: 'a'.repeat(64), at: '2026-11-20T09:15:00.000Z' };
    const text = (w: WhatChanged) => changesText(w, changesSection(w, 'd', 'D'));
    expect(text({})).toEqual(['What changed', '  first version: you have not received this deck before']);
    expect(
      text({ since, diff: { deck: 'd', from: since.version, to: 'b'.repeat(64), changes: [], slides: [] } }),
    ).toEqual([
      'What changed since the version you received on 2026-11-20 09:15 UTC',
      '  unchanged: the slides say the same as in the version you received; only the file was rebuilt',
    ]);
    expect(text({ since })).toEqual([
      'What changed since the version you received on 2026-11-20 09:15 UTC',
      '  not known: the version you received (aaaaaaaaaaaa) is older than the versions kept (`history.keep`)',
    ]);
  });
});

describe('recipient groups', () => {
  it("one group per version last accepted, in the order of each group's first recipient; new recipients together", () => {
    const received = new Map([
      ['a@x.org', { version: 'v1', at: '2026-11-20T09:00:00Z' }],
      ['c@x.org', { version: 'v2', at: '2026-11-21T09:00:00Z' }],
      ['d@x.org', { version: 'v1', at: '2026-11-19T09:00:00Z' }],
    ]);
    expect(recipientGroups(['B@x.org', 'A@x.org', 'c@x.org', 'e@x.org', 'D@x.org'], received)).toEqual([
      { recipients: ['B@x.org', 'e@x.org'] },
      // Accepted at different times: the group says the earliest.
      { since: { version: 'v1', at: '2026-11-19T09:00:00Z' }, recipients: ['A@x.org', 'D@x.org'] },
      { since: { version: 'v2', at: '2026-11-21T09:00:00Z' }, recipients: ['c@x.org'] },
    ]);
    expect(received.get('a@x.org')!.at).toBe('2026-11-20T09:00:00Z'); // not modified
  });

  it('what a recipient received before the version being sent: that version itself does not count', () => {
    const rec = (version: string, accepted: Record<string, string>) => ({
      deck: 'd',
      version: `send-${version}`,
      via: 'outbox',
      messageId: '<x>',
      attachments: [{ filename: 'd.pptx', sha256: version, bytes: 1 }],
      accepted,
    });
    const log = {
      format: 1 as const,
      sends: [rec('v1', { 'a@x.org': '2026-11-20T09:00:00Z' }), rec('v2', { 'a@x.org': '2026-11-21T09:00:00Z' })],
    };
    expect(receivedVersions(log, 'd').get('a@x.org')?.version).toBe('v2');
    expect(receivedVersions(log, 'd', 'v2').get('a@x.org')?.version).toBe('v1');
  });
});

describe('check catches invalid addresses', () => {
  it('reports deck.yaml:line:col for a bad cc address', async () => {
    const dir = await tempDir('content');
    await cp(path.join(contentDir, SLUG), path.join(dir, SLUG), { recursive: true });
    const yaml = path.join(dir, SLUG, 'deck.yaml');
    await writeFile(
      yaml,
      (await readFile(yaml, 'utf8')).replace('cc: [analysts@example.org]', 'cc: [analysts.example.org]'),
    );
    const out = runCli(['check', SLUG, '--content', dir, '--themes', themesDir]);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/deck\.yaml:10:8 error .*`analysts\.example\.org` is not an email address/);
  });
});
