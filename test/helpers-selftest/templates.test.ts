/**
 * Self-test of the template fixtures (test/helpers/templates.ts,
 * broken-templates.ts): each is what it claims to be, read back from the
 * bytes, the cache converts once, and test/fixtures/TEMPLATES.md matches the
 * files (UPDATE=1 rewrites its measured part).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import {
  BROKEN_TEMPLATES,
  writeBrokenTemplates,
  type BrokenTemplate,
  type BrokenTemplateName,
} from '../helpers/broken-templates.js';
import { checkPackage } from '../helpers/package-check.js';
import { isBodyType, PRESENTATION_TYPE, readTemplateStructure } from '../helpers/template-structure.js';
import {
  installTemplate,
  realTemplates,
  TEMPLATE_NAMES,
  TEMPLATE_TOOLS,
  templateCacheBuilds,
  type TemplateFixture,
  type TemplateName,
} from '../helpers/templates.js';
import { measuredMarkdown, withMeasured } from '../helpers/templates-doc.js';
import { haveTools } from '../helpers/tools.js';

const ok = haveTools(...TEMPLATE_TOOLS);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const tmp = (p: string) => mkdtempSync(path.join(tmpdir(), p));

describe.skipIf(!ok)('real template fixtures', () => {
  let all: TemplateFixture[];
  const t = (name: TemplateName) => all.find((f) => f.name === name)!;
  beforeAll(async () => {
    all = await realTemplates();
  });

  it('are every listed template, each a zip whose presentation part has its format’s content type', () => {
    expect(all.map((f) => f.name)).toEqual([...TEMPLATE_NAMES]);
    for (const f of all) {
      expect(path.isAbsolute(f.file)).toBe(true);
      expect(path.extname(f.file)).toBe(`.${f.format}`);
      const parts = unzipSync(readFileSync(f.file));
      const override = /<Override PartName="\/ppt\/presentation\.xml" ContentType="([^"]+)"/.exec(
        text(parts['[Content_Types].xml']),
      )?.[1];
      expect(override, f.name).toBe(PRESENTATION_TYPE[f.format]);
      expect(f.contentType).toBe(override);
    }
  });

  it('come from two authoring tools, as their app.xml says', () => {
    for (const f of all) {
      const app = text(unzipSync(readFileSync(f.file))['docProps/app.xml']);
      expect(app, f.name).toMatch(
        f.tool === 'PowerPoint'
          ? /<Application>Microsoft [^<]*PowerPoint<\/Application>/
          : /<Application>LibreOffice\//,
      );
      if (f.tool === 'LibreOffice') expect(existsSync(f.source)).toBe(true);
    }
    expect(new Set(all.map((f) => f.tool))).toEqual(new Set(['LibreOffice', 'PowerPoint']));
  });

  it('Focus has 4 masters of 12 LibreOffice-named layouts each, and sample slides, in both formats', () => {
    for (const name of ['Focus.pptx', 'Focus.potx'] as const) {
      const f = t(name);
      expect(f.masters).toHaveLength(4);
      expect(f.layouts).toHaveLength(48);
      expect(f.masters.map((m) => m.layouts.length)).toEqual([12, 12, 12, 12]);
      expect(f.sampleSlides.length).toBeGreaterThan(0);
      expect(f.layouts.map((l) => l.name)).toContain('Title, Content');
      expect(f.fonts).toContain('DejaVu Sans');
      // LibreOffice's quirk the template reader must survive: content placeholders are a bare <p:ph/>.
      const content = f.layouts.find((l) => l.name === 'Title, Content')!.placeholders.find((p) => p.type === 'obj')!;
      expect(content).toMatchObject({ idx: 0, idxWritten: false });
    }
    const { contentType: _a, file: _b, format: _c, name: _d, ...pptx } = t('Focus.pptx');
    const { contentType: _e, file: _f, format: _g, name: _h, ...potx } = t('Focus.potx');
    expect(potx).toEqual(pptx);
  });

  it('Blueprint_Plans has pictures in ppt/media, used as master backgrounds', () => {
    const f = t('Blueprint_Plans.pptx');
    expect(f.media.length).toBeGreaterThan(0);
    const parts = unzipSync(readFileSync(f.file));
    for (const m of f.media) expect([...parts[m].subarray(0, 4)], m).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(f.masters.filter((m) => m.decoration.background === 'picture')).toHaveLength(4);
    expect(f.sampleSlides.length).toBeGreaterThan(0);
  });

  it('Nature_Illustration is 4:3, the others 16:9', () => {
    expect(t('Nature_Illustration.pptx').slideSize).toEqual({ cx: 10080625, cy: 7559675 });
    for (const f of all)
      expect(f.slideSize.cx / f.slideSize.cy, f.name).toBeCloseTo(f.name.startsWith('Nature') ? 4 / 3 : 16 / 9, 3);
    expect(t('Nature_Illustration.pptx').media.length).toBeGreaterThan(0);
  });

  it('DNA is a .potx with one master in Arial and Times New Roman; Vivid names Source Sans Pro, which is not installed', () => {
    expect(t('DNA.potx')).toMatchObject({
      format: 'potx',
      contentType: PRESENTATION_TYPE.potx,
      fonts: ['Arial', 'Times New Roman'],
    });
    expect(t('DNA.potx').masters).toHaveLength(1);
    expect(t('Vivid.pptx').fonts).toContain('Source Sans Pro');
    // Vivid is the "font cannot be measured" case only while no such font is installed.
    expect(execFileSync('fc-list', [':family=Source Sans Pro'], { encoding: 'utf8' }).trim()).toBe('');
  });

  it('pandoc’s reference document has 1 master, 11 layouts with PowerPoint’s names, and idx on every content placeholder', () => {
    const f = t('pandoc-reference.pptx');
    expect(f.tool).toBe('PowerPoint');
    expect(f.masters).toHaveLength(1);
    expect(f.layouts.map((l) => l.name)).toEqual([
      'Title Slide',
      'Title and Content',
      'Section Header',
      'Two Content',
      'Comparison',
      'Title Only',
      'Blank',
      'Content with Caption',
      'Picture with Caption',
      'Title and Vertical Text',
      'Vertical Title and Text',
    ]);
    const content = f.layouts[1].placeholders.find((p) => p.type === 'obj')!;
    expect(content).toMatchObject({ idx: 1, idxWritten: true, inherited: true });
    expect(f.masters[0].txStyles).toEqual({ titlePt: 33, bodyPt: 24 });
  });

  it('installTemplate copies a fixture in as <name>.<format>, with its sidecar', () => {
    const themes = tmp('themes-');
    const a = installTemplate(t('Focus.potx'), themes);
    const b = installTemplate(t('pandoc-reference.pptx'), themes, 'acme', 'banner:\n  text: OFFICIAL\n');
    expect(a).toEqual({ theme: 'Focus', file: path.join(themes, 'Focus.potx') });
    expect(b).toEqual({ theme: 'acme', file: path.join(themes, 'acme.pptx'), sidecar: path.join(themes, 'acme.yaml') });
    expect(readFileSync(b.file).equals(readFileSync(t('pandoc-reference.pptx').file))).toBe(true);
    expect(readFileSync(b.sidecar!, 'utf8')).toBe('banner:\n  text: OFFICIAL\n');
    expect(readdirSync(themes).sort()).toEqual(['Focus.potx', 'acme.pptx', 'acme.yaml']);
  });

  it('test/fixtures/TEMPLATES.md describes the files as they are (UPDATE=1 rewrites it)', () => {
    const doc = path.join(ROOT, 'test', 'fixtures', 'TEMPLATES.md');
    const now = readFileSync(doc, 'utf8');
    const want = withMeasured(now, measuredMarkdown(all));
    if (process.env.UPDATE) writeFileSync(doc, want);
    else expect(now, 'run `UPDATE=1 npx vitest run test/helpers-selftest/templates.test.ts`').toBe(want);
  });
});

describe.skipIf(!ok)('the fixture cache', () => {
  it('converts once, even for concurrent callers, and then only reads', async () => {
    const cacheRoot = tmp('tpl-cache-');
    const before = templateCacheBuilds();
    const [a, b] = await Promise.all([
      realTemplates({ cacheRoot, memo: false }),
      realTemplates({ cacheRoot, memo: false }),
    ]);
    expect(templateCacheBuilds() - before).toBe(1);
    expect(b.map((f) => f.file)).toEqual(a.map((f) => f.file));
    const stamp = a.map((f) => [statSync(f.file).ino, statSync(f.file).mtimeMs]);

    const again = await realTemplates({ cacheRoot, memo: false });
    expect(templateCacheBuilds() - before).toBe(1);
    expect(again.map((f) => [statSync(f.file).ino, statSync(f.file).mtimeMs])).toEqual(stamp);
    // One finished folder, no lock and no half-built folder left behind.
    expect(readdirSync(cacheRoot)).toEqual([path.basename(path.dirname(a[0].file))]);
  }, 120_000);
});

describe.skipIf(!ok)('broken templates', () => {
  let themes: string;
  let broken: Record<BrokenTemplateName, BrokenTemplate>;
  const bytes = (n: BrokenTemplateName) => readFileSync(broken[n].path);
  beforeAll(async () => {
    themes = tmp('broken-');
    broken = await writeBrokenTemplates(themes);
  });

  it('are written under their file names, and the theme name is the file name without extension', () => {
    expect(readdirSync(themes).sort()).toEqual(
      Object.values(BROKEN_TEMPLATES)
        .map((b) => b.file)
        .sort(),
    );
    for (const b of Object.values(broken)) expect(path.parse(b.file).name).toBe(b.theme);
  });

  it('not-a-deck.pptx is plain text, not a zip', () => {
    expect(text(bytes('not-a-deck'))).toMatch(/^Brand guidelines/);
    expect(() => unzipSync(bytes('not-a-deck'))).toThrow();
  });

  it('memo.pptx and letter.docx are the same real Word document, which pandoc reads', () => {
    expect(bytes('memo').equals(bytes('letter'))).toBe(true);
    const parts = unzipSync(bytes('memo'));
    expect(Object.keys(parts)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(text(parts['[Content_Types].xml'])).toContain(
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"',
    );
    expect(execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', broken.memo.path], { encoding: 'utf8' }).trim()).toBe(
      'Memo: the brand colours are blue and white.',
    );
  });

  it('truncated.pptx is the first half of a real template, and does not unzip', async () => {
    const whole = readFileSync((await realTemplates()).find((f) => f.name === 'Focus.pptx')!.file);
    expect(bytes('truncated').length).toBe(Math.floor(whole.length / 2));
    expect(bytes('truncated').equals(whole.subarray(0, bytes('truncated').length))).toBe(true);
    expect([...bytes('truncated').subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(() => unzipSync(bytes('truncated'))).toThrow();
  });

  it('locked.pptx is an OLE compound file holding EncryptedPackage, as an encrypted OOXML file is', () => {
    const b = bytes('locked');
    expect(b.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
    const names = [0, 1, 2].map((i) =>
      b.subarray(1024 + 128 * i, 1024 + 128 * i + b.readUInt16LE(1024 + 128 * i + 64) - 2).toString('utf16le'),
    );
    expect(names).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    expect(() => unzipSync(b)).toThrow();
    const file = spawnSync('file', ['-b', broken.locked.path], { encoding: 'utf8' });
    if (file.status === 0) expect(file.stdout).toMatch(/CDFV2 Encrypted/); // libmagic's own reading, where `file` is installed
  });

  for (const from of ['pandoc-reference.pptx', 'Focus.pptx'] as const) {
    it(`no-body.pptx (from ${from}) has no body, content or subtitle placeholder in any master or layout, and is otherwise intact`, async () => {
      const dir = tmp('nobody-');
      const nb = (await writeBrokenTemplates(dir, ['no-body'], { noBodyFrom: from }))['no-body'];
      const source = (await realTemplates()).find((f) => f.name === from)!;
      const s = readTemplateStructure(readFileSync(nb.path));
      const bodies = [...s.masters, ...s.layouts].flatMap((p) => p.placeholders.filter((ph) => isBodyType(ph.type)));
      expect(bodies).toEqual([]);
      expect(
        [...source.masters, ...source.layouts].flatMap((p) => p.placeholders.filter((ph) => isBodyType(ph.type)))
          .length,
      ).toBeGreaterThan(10);
      // Titles, footers, names, order and every part survive; the package is as consistent as before.
      expect(
        s.layouts.map((l) => [l.name, l.placeholders.filter((p) => !isBodyType(p.type)).map((p) => p.type)]),
      ).toEqual(
        source.layouts.map((l) => [l.name, l.placeholders.filter((p) => !isBodyType(p.type)).map((p) => p.type)]),
      );
      expect(
        s.layouts.filter((l) => l.placeholders.some((p) => p.type === 'title' || p.type === 'ctrTitle')).length,
      ).toBeGreaterThan(5);
      expect(Object.keys(unzipSync(readFileSync(nb.path)))).toEqual(Object.keys(unzipSync(readFileSync(source.file))));
      expect(checkPackage(readFileSync(nb.path))).toEqual(checkPackage(readFileSync(source.file)));
    });
  }
});
