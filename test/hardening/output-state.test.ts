/**
 * Everything under output/ is untrusted input: a gzip bomb planted as a
 * version record, a truncated history, a send log record without its
 * attachments and a tampered export record are each named in a warning (or,
 * for the send log, a clear error) and never crash a command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readExportState, stateFile } from '../../src/export/export-state.js';
import { recordFile, versionsDir } from '../../src/history/version-store.js';
import { sha256 } from '../../src/util/hash.js';
import { takeStateProblems } from '../../src/util/state-problems.js';
import { CLI, runCli } from '../helpers/cli.js';
import { makeContent } from '../helpers/decks.js';

const built = () => {
  const c = makeContent({ d: { files: { '01-a.md': '# Alpha\n\n- first point\n' } } });
  const flags = ['--content', c.content, '--out', c.out];
  const b = runCli(['build', 'd', ...flags]);
  expect(b.status, b.stderr).toBe(0);
  return { c, flags, version: sha256(readFileSync(path.join(c.out, 'd.pptx'))) };
};

describe('output state is untrusted', () => {
  it('a 2 MB version record that unpacks to 2 GiB is a warning naming it, in under 300 MB', () => {
    const { c, flags, version } = built();
    // 32 gzip members of 64 MiB of zeros each: one gzip file (members concatenate) of about 2 MB.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 32 }, () => member));
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    const file = recordFile(c.out, 'd', version);
    writeFileSync(file, bomb);
    // GNU time reports the child's peak resident memory in KB.
    const r = spawnSync('/usr/bin/time', ['-f', 'peak-kb=%M', process.execPath, CLI, 'diff', 'd', ...flags], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`Ignoring \`${file}\`, which unpacks to more than 32 MB`);
    expect(r.stderr).toContain('version-record-ignored');
    expect(r.stderr).not.toMatch(/internal error|FATAL/);
    const peak = Number(/peak-kb=(\d+)/.exec(r.stderr)?.[1]);
    expect(peak).toBeGreaterThan(0);
    expect(peak / 1024).toBeLessThan(300);
  }, 180_000);

  it('a truncated history says so, is kept aside, and the history starts again', () => {
    const { c, flags } = built();
    const history = path.join(versionsDir(c.out, 'd'), 'history.json');
    const text = readFileSync(history, 'utf8');
    writeFileSync(history, text.slice(0, text.length / 2));
    writeFileSync(path.join(c.content, 'd', '01-a.md'), '# Alpha\n\n- second point\n');
    const r = runCli(['build', 'd', ...flags]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/history\.json`, which is not JSON \(truncated\?\).*starts again with this build/);
    expect(r.stderr).toContain('history-restarted');
    expect(readFileSync(`${history}.damaged`, 'utf8')).toBe(text.slice(0, text.length / 2));
    expect(JSON.parse(readFileSync(history, 'utf8')).versions).toHaveLength(1);
    // diff reads the damaged history as "none" and says which file it ignored.
    writeFileSync(history, '{"format":1,"deck":"d","versions":[{"version":3}]}');
    const d = runCli(['diff', 'd', ...flags]);
    expect(d.stderr).toContain(`Ignoring \`${history}\`, which has an unexpected shape (versions.0.version:`);
    expect(d.status).not.toBe(70);
  }, 120_000);

  it('a send log record without attachments is an error naming the file and the field, not a crash', () => {
    const { c, flags, version } = built();
    const sent = path.join(c.out, 'sent.json');
    writeFileSync(
      sent,
      JSON.stringify({
        format: 1,
        sends: [{ deck: 'd', version, via: 'outbox', messageId: '<x@y>', accepted: { 'a@example.org': 'x' } }],
      }),
    );
    const r = runCli(['diff', 'd', '--last-sent', ...flags]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`Unexpected content in \`${sent}\` (sends.0.attachments:`);
    expect(r.stderr).not.toMatch(/internal error|TypeError/);
  }, 120_000);

  it('a tampered export record is ignored with a warning: the deck is exported again', async () => {
    const { c } = built();
    const file = stateFile(c.out, 'd');
    takeStateProblems();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ version: 1, slides: 'many', pdf: { file: '/etc/passwd' } }));
    expect(existsSync(file)).toBe(true);
    expect(await readExportState(c.out, 'd')).toBeUndefined();
    const [p] = takeStateProblems();
    expect(p.code).toBe('export-record-ignored');
    expect(p.message).toContain(`Ignoring \`${file}\`, which has an unexpected shape (slides:`);
    writeFileSync(file, '{"version":1,"sli');
    expect(await readExportState(c.out, 'd')).toBeUndefined();
    expect(takeStateProblems()[0].message).toContain('is not JSON (truncated?)');
  }, 120_000);
});
