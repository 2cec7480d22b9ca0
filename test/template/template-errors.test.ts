/**
 * Templates that cannot be built on are refused before anything is written,
 * each as `themes/<file>: error …` with the fix, by `build` and by
 * `check --theme`: a text file and a Word document named .pptx, a .docx, a
 * truncated zip, an encrypted file, a template without a body placeholder,
 * while one whose fonts cannot be measured exactly builds on stand-ins, with a warning.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/util/display-path.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { writeBrokenTemplates, type BrokenTemplateName } from '../helpers/broken-templates.js';
import { runCli } from '../helpers/cli.js';
import { makeContent, REPO_THEMES } from '../helpers/decks.js';
import { installTemplate, realTemplate, TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';

const tools = haveTools(...TEMPLATE_TOOLS);

/** What each broken file is refused as: the code, and words the message must say. */
const REFUSED: Record<BrokenTemplateName, [code: string, file: string, says: RegExp]> = {
  'not-a-deck': ['template-not-presentation', 'not-a-deck.pptx', /a text file/],
  memo: [
    'template-not-presentation',
    'memo.pptx',
    /Unexpected Word document, expected a PowerPoint presentation or template/,
  ],
  letter: [
    'template-unsupported',
    'letter.docx',
    /Unexpected Word document \(\.docx\), expected a PowerPoint template/,
  ],
  truncated: ['template-corrupt', 'truncated.pptx', /truncated or corrupt/],
  locked: ['template-encrypted', 'locked.pptx', /encrypted/],
  'no-body': ['template-no-body-layout', 'no-body.pptx', /without a layout holding a title and a body placeholder/],
};

describe.skipIf(!tools)('templates briefdeck refuses', () => {
  let root: string;
  let themes: string;
  let content: ReturnType<typeof makeContent>;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'broken-templates-'));
    themes = path.join(root, 'themes');
    mkdirSync(themes);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
    cpSync(path.join(REPO_THEMES, 'briefing-light.yaml'), path.join(themes, 'briefing-light.yaml'));
    await writeBrokenTemplates(themes);
    installTemplate(await realTemplate('Vivid.pptx'), themes, 'vivid');
    content = makeContent({ brief: { files: { '01-a.md': '# Situation\n\n- One point.\n' } } });
  }, 120_000);

  for (const [name, [code, file, says]] of Object.entries(REFUSED)) {
    it(`refuses ${file} as themes/${file}, with a fix`, async () => {
      const r = await loadTheme(themes, name);
      expect(r.theme).toBeUndefined();
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.code)).toEqual([code]);
      expect(errors[0].position).toEqual({ file: displayPath(path.join(themes, file)), line: 0, column: 0 });
      expect(errors[0].message).toMatch(says);
      expect(errors[0].fix).toBeTruthy();
    });
  }

  it('writes nothing when a deck’s template is refused, and keeps the previous deck', () => {
    const out = path.join(root, 'out');
    expect(
      runCli(['build', '--content', content.content, '--themes', themes, '--out', out, '--theme', 'briefing-light'])
        .status,
    ).toBe(0);
    const before = readFileSync(path.join(out, 'brief.pptx'));
    const mtime = statSync(path.join(out, 'brief.pptx')).mtimeMs;
    const r = runCli(['build', '--content', content.content, '--themes', themes, '--out', out, '--theme', 'memo']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${displayPath(path.join(themes, 'memo.pptx'))}: error Unexpected Word document`);
    expect(readFileSync(path.join(out, 'brief.pptx')).equals(before)).toBe(true);
    expect(statSync(path.join(out, 'brief.pptx')).mtimeMs).toBe(mtime);
  });

  it('check --theme reports a template’s problems once, before the decks', () => {
    const r = runCli(['check', '--content', content.content, '--themes', themes, '--theme', 'no-body']);
    expect(r.status).toBe(1);
    expect(r.stderr.match(/template-no-body-layout/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/✗ theme no-body {2}unusable/);
  });

  it('measures each font it cannot measure exactly with a stand-in, warns naming it, and is exact once mapped', async () => {
    const r = await loadTheme(themes, 'vivid');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.theme?.template).toBeDefined();
    const fonts = r.diagnostics.filter((d) => d.code === 'stand-in-font');
    expect(fonts.map((d) => /`([^`]+)`/.exec(d.message)![1]).sort()).toEqual([
      'Source Sans Pro',
      'Source Sans Pro Black',
      'Source Sans Pro Light',
    ]);
    for (const d of fonts) {
      expect(d.severity).toBe('warning');
      expect(d.position.file).toMatch(/vivid\.pptx$/);
      expect(d.message).toMatch(/measured with .*standing in for/);
      expect(d.fix).toMatch(/fonts:/);
    }
    // The sidecar's map is the last exact step: with it, the template measures exactly and nothing is said.
    const map = ['Source Sans Pro', 'Source Sans Pro Black', 'Source Sans Pro Light']
      .map((f) => `  "${f}": fonts/Carlito-Regular.ttf`)
      .join('\n');
    writeFileSync(path.join(themes, 'vivid.yaml'), `fonts:\n${map}\n`);
    const mapped = await loadTheme(themes, 'vivid');
    expect(mapped.diagnostics.filter((d) => d.code === 'stand-in-font')).toEqual([]);
    expect(mapped.theme?.template).toBeDefined();
  });

  it('build builds on a stand-in font, and --strict fails on its warning', () => {
    const out = path.join(root, 'out-standin');
    rmSync(path.join(themes, 'vivid.yaml'), { force: true });
    const args = ['build', '--content', content.content, '--themes', themes, '--out', out, '--theme', 'vivid'];
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning Unexpected font `Source Sans Pro`/);
    expect(existsSync(path.join(out, 'brief.pptx'))).toBe(true);
    expect(runCli([...args, '--strict', '--force']).status).toBe(1);
  });
});
