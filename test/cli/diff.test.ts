/** `briefdeck diff` through the real CLI, over two builds of a content deck. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/util/hash.js';
import { runCli } from '../helpers/cli.js';
import { FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';

const DECK = 'russia-north-korea-treaty';
const SECTION = '02-russia-and-north-koreas-treaty.md';

describe('briefdeck diff', () => {
  let root: string;
  let flags: string[];
  let out: string;
  const versions: string[] = [];
  const pptxVersion = () => sha256(readFileSync(path.join(out, `${DECK}.pptx`)));

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'briefdeck-diff-cli-'));
    const content = path.join(root, 'content');
    out = path.join(root, 'output');
    cpSync(path.join(FIXTURE_DECKS, DECK), path.join(content, DECK), { recursive: true });
    // Keep 2 versions (from the config file), so a third build prunes the first.
    writeFileSync(path.join(root, 'briefdeck.config.yaml'), 'history:\n  keep: 2\n');
    flags = [
      '--content',
      content,
      '--themes',
      REPO_THEMES,
      '--out',
      out,
      '--config',
      path.join(root, 'briefdeck.config.yaml'),
    ];
    expect(runCli(['build', ...flags]).status).toBe(0);
    versions.push(pptxVersion());
    const file = path.join(content, DECK, SECTION);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('joint military exercises', 'joint naval exercises')
        .replace('Increased military spending', 'Increased naval spending'),
    );
    expect(runCli(['build', ...flags]).status).toBe(0);
    versions.push(pptxVersion());
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const expected = (v: string) => [
    `${DECK}: updated: 1 bullet · 1 table row`,
    expect.stringMatching(
      new RegExp(
        `^  from ${v.slice(0, 12)} \\(built \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC(, sent 2026-11-20 08:00 UTC)?\\) to ${versions[1].slice(0, 12)} \\(built \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)$`,
      ),
    ),
    '  Bullet changed · Russia and North Korea’s Treaty: Military collaboration: …joint military exercises → joint naval exercises… (slide 4)',
    '  Table row changed: Russia and North Korea’s Treaty · Japan · Potential Shift post-Treaty: "Increased military spending;…" → "Increased naval spending;…" (slide 5)',
    '  Slides with changes: 4, 5',
  ];

  it('with no baseline: the change since the previous build, in the briefer’s terms', () => {
    const r = runCli(['diff', DECK, ...flags]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(expected(versions[0]));
  });

  it('--json: the summary, the lines and the changes as data', () => {
    const r = runCli(['diff', '--json', ...flags]);
    expect(r.status, r.stderr).toBe(0);
    const [d] = JSON.parse(r.stdout).decks;
    expect(d).toMatchObject({
      deck: DECK,
      from: { version: versions[0] },
      to: { version: versions[1] },
      summary: 'updated: 1 bullet · 1 table row',
      slides: [4, 5],
    });
    expect(d.changes.map((c: { type: string }) => c.type)).toEqual(['text', 'cell']);
    expect(d.lines).toEqual(
      expected(versions[0])
        .slice(2)
        .map((l) => (typeof l === 'string' ? l.trim() : l)),
    );
  });

  it('--from a version prefix, and clear usage errors', () => {
    expect(
      runCli(['diff', DECK, '--from', versions[0].slice(0, 8), ...flags])
        .stdout.trimEnd()
        .split('\n'),
    ).toEqual(expected(versions[0]));
    const same = runCli(['diff', DECK, '--from', versions[1].slice(0, 6), ...flags]);
    expect(same.stdout.trim()).toMatch(new RegExp(`^${DECK}: unchanged since ${versions[1].slice(0, 12)} \\(built `));
    const unknown = runCli(['diff', DECK, '--from', 'abcdef12', ...flags]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      `Unknown version \`abcdef12\` of \`${DECK}\`, expected one of \`${versions[0].slice(0, 12)}\`, \`${versions[1].slice(0, 12)}\``,
    );
    const two = runCli(['diff', DECK, '--previous', '--last-sent', ...flags]);
    expect([two.status, two.stderr.trim()]).toEqual([
      2,
      'briefdeck diff: Unexpected `--previous` with `--last-sent`, expected at most one baseline',
    ]);
    expect(runCli(['diff', '--from', 'abcd', ...flags]).status).toBe(2);
  });

  it('--last-sent: the version whose .pptx a recipient last accepted (output/sent.json)', () => {
    const none = runCli(['diff', DECK, '--last-sent', ...flags]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain(
      `✗ ${DECK}  Unexpected \`--last-sent\` for \`${DECK}\`: no version of it was ever accepted by a recipient`,
    );
    const record = (pptx: string, at: string) => ({
      deck: DECK,
      version: sha256(`all attachments of ${pptx}`),
      via: 'outbox',
      messageId: `<${pptx.slice(0, 8)}@test>`,
      attachments: [
        { filename: `${DECK}.pdf`, sha256: sha256('pdf'), bytes: 3 },
        { filename: `${DECK}.pptx`, sha256: pptx, bytes: 1 },
      ],
      accepted: { 'a@example.org': at },
    });
    writeFileSync(
      path.join(out, 'sent.json'),
      JSON.stringify({
        format: 1,
        sends: [record(versions[0], '2026-11-20T08:00:00.000Z'), record(sha256('older'), '2026-11-01T08:00:00.000Z')],
      }),
    );
    const r = runCli(['diff', DECK, '--last-sent', ...flags]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(expected(versions[0]));
    expect(r.stdout).toContain('sent 2026-11-20 08:00 UTC');
  });

  it('a deck that was never built fails alone with the command that fixes it; history.keep prunes', () => {
    const empty = path.join(root, 'empty-output');
    const r = runCli(['diff', ...flags.slice(0, 4), '--out', empty]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `✗ ${DECK}  Missing \`${path.join(empty, `${DECK}.pptx`)}\`, expected a built deck: run \`briefdeck build ${DECK}\` first`,
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const file = path.join(root, 'content', DECK, SECTION);
    writeFileSync(file, readFileSync(file, 'utf8').replace('joint naval exercises', 'joint air exercises'));
    expect(runCli(['build', ...flags]).status).toBe(0);
    const records = readdirSync(path.join(out, 'versions', DECK)).filter((f) => f.endsWith('.json.gz'));
    expect(records.sort()).toEqual([`${versions[1]}.json.gz`, `${pptxVersion()}.json.gz`].sort());
  });
});
