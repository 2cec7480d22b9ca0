/**
 * A template brings nothing from outside itself: linked pictures, external
 * hyperlinks, OLE objects and macros reached from its master are dropped with
 * one warning, and a deck built on it holds no external target and no binary
 * part, so exporting it fetches nothing. And every part of a template is
 * parsed under limits: a DOCTYPE, a truncation or a million nested elements
 * is `template-corrupt` naming the part, quickly, never an internal error.
 */
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build.js';
import { exportDecks } from '../../src/export/export-decks.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { readZip } from '../../src/util/zip.js';
import { runCli } from '../helpers/cli.js';
import { makeContent, REPO_THEMES } from '../helpers/decks.js';
import { checkPackage } from '../helpers/package-check.js';
import { realTemplate, TEMPLATE_TOOLS } from '../helpers/templates.js';
import { haveTools } from '../helpers/tools.js';

const tools = haveTools(...TEMPLATE_TOOLS);
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MASTER = 'ppt/slideMasters/slideMaster1.xml';
const MASTER_RELS = 'ppt/slideMasters/_rels/slideMaster1.xml.rels';

describe.skipIf(!tools)('what a template may not bring', () => {
  let themes: string;
  let reference: Record<string, Uint8Array>;
  let server: Server;
  const requests: string[] = [];
  const write = (name: string, files: Zippable) => {
    writeFileSync(path.join(themes, `${name}.pptx`), zipSync(files));
    return name;
  };
  const edited = (edits: Record<string, string | ((old: string) => string)>): Zippable => {
    const files: Zippable = { ...reference };
    for (const [part, edit] of Object.entries(edits))
      files[part] = strToU8(typeof edit === 'string' ? edit : edit(strFromU8(reference[part])));
    return files;
  };

  beforeAll(async () => {
    themes = path.join(mkdtempSync(path.join(tmpdir(), 'outside-')), 'themes');
    mkdirSync(themes);
    cpSync(path.join(REPO_THEMES, 'fonts'), path.join(themes, 'fonts'), { recursive: true });
    reference = unzipSync(readFileSync((await realTemplate('pandoc-reference.pptx')).file));
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.end();
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
  }, 120_000);
  afterAll(() => server?.close());

  /** The reference template with a master that links a local file, a tracking picture, a UNC share, an OLE object and a macro project. */
  const hostile = () => {
    const port = (server.address() as AddressInfo).port;
    const rel = (id: string, type: string, target: string, external = false) =>
      `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
    const nv = (id: number, name: string) => `<p:cNvPr id="${id}" name="${name}"/>`;
    const shapes = [
      // A picture whose only image is a linked local file.
      `<p:pic><p:nvPicPr>${nv(901, 'Local file')}<p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:link="rId90"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`,
      // A shape filled with a tracking picture, carrying a hyperlink to a UNC share.
      `<p:sp><p:nvSpPr>${nv(902, 'Beacon')}<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="914400" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:blipFill><a:blip r:link="rId91"/><a:stretch><a:fillRect/></a:stretch></a:blipFill></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"><a:hlinkClick r:id="rId92"/></a:rPr><a:t>Share</a:t></a:r></a:p></p:txBody></p:sp>`,
      // An OLE object in a graphic frame.
      `<p:graphicFrame><p:nvGraphicFramePr>${nv(903, 'Object')}<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="1828800" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole"><p:oleObj r:id="rId93" progId="Package"><p:embed/></p:oleObj></a:graphicData></a:graphic></p:graphicFrame>`,
    ].join('');
    return edited({
      [MASTER_RELS]: (x) =>
        x.replace(
          '</Relationships>',
          `${[
            rel('rId90', 'image', 'file:///etc/hostname', true),
            rel('rId91', 'image', `http://127.0.0.1:${port}/track.png`, true),
            rel('rId92', 'hyperlink', '\\\\evil.example\\share', true),
            rel('rId93', 'oleObject', '../embeddings/oleObject1.bin'),
            rel('rId94', 'vbaProject', '../vbaProject.bin'),
          ].join('')}</Relationships>`,
        ),
      [MASTER]: (x) => x.replace('</p:spTree>', `${shapes}</p:spTree>`),
      '[Content_Types].xml': (x) =>
        x.replace(
          '<Default Extension="xml"',
          '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/><Default Extension="xml"',
        ),
      'ppt/embeddings/oleObject1.bin': 'MZ not really a program',
      'ppt/vbaProject.bin': 'Attribute VB_Name = "Evil"',
    });
  };

  it('drops external links, OLE objects and macros with one warning, and the deck holds none of them', async () => {
    write('hostile', hostile());
    const t = await loadTheme(themes, 'hostile');
    expect(t.theme).toBeDefined();
    const warnings = t.diagnostics.filter((d) => d.code === 'template-outside-dropped');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].severity).toBe('warning');
    for (const named of ['file:///etc/hostname', '/track.png', 'evil.example', 'oleObject1.bin', 'vbaProject.bin'])
      expect(warnings[0].message).toContain(named);

    const c = makeContent({ brief: { files: { '01-a.md': '# A\n\n- b\n' } } });
    const r = await buildDeck('brief', { contentDir: c.content, themesDir: themes, outDir: c.out, theme: 'hostile' });
    expect(r.pptx).toBeDefined();
    const entries = readZip(r.pptx!);
    const names = entries.map((e) => e.name);
    expect(names.filter((n) => /\.bin$/i.test(n))).toEqual([]);
    const text = (n: string) => new TextDecoder().decode(entries.find((e) => e.name === n)!.data);
    // No relationship anywhere leaves the package, and nothing names the dropped targets.
    for (const rels of names.filter((n) => n.endsWith('.rels'))) {
      expect(text(rels), rels).not.toMatch(
        /TargetMode="External"[^>]*Target="(file:|https?:|\\\\)|Target="(file:|https?:\/\/127|\\\\)/,
      );
      expect(text(rels), rels).not.toMatch(/oleObject|vbaProject|etc\/hostname|evil\.example/);
    }
    // The picture and the OLE frame are gone, the beacon's fill is empty, and its text stays without the link.
    const master = text(MASTER);
    expect(master).not.toContain('Local file');
    expect(master).not.toContain('p:oleObj');
    expect(master).toContain('Beacon');
    expect(master).not.toMatch(/r:(link|id)="rId9[0-4]"/);
    expect(master).toContain('<a:t>Share</a:t>');
    // Content types name only what the deck holds.
    const types = text('[Content_Types].xml');
    expect(types).not.toMatch(/Extension="bin"|vbaProject|oleObject/);
    expect(checkPackage(r.pptx!)).toEqual([]);
  }, 120_000);

  it.runIf(haveTools('soffice', 'pdftoppm', 'pdfinfo'))(
    'exports that deck without a single request to a listener on loopback',
    async () => {
      write('beacon', hostile());
      const c = makeContent({ brief: { files: { '01-a.md': '# A\n\n- b\n' } } });
      const opts = { contentDir: c.content, themesDir: themes, outDir: c.out, theme: 'beacon' };
      expect((await buildDeck('brief', opts)).pptx).toBeDefined();
      requests.length = 0;
      const [outcome] = await exportDecks(['brief'], opts, { pdf: true, png: true });
      expect(outcome.error).toBeUndefined();
      expect(requests).toEqual([]);
    },
    180_000,
  );

  const refused = async (name: string, says: RegExp) => {
    const started = performance.now();
    const r = await loadTheme(themes, name);
    expect(r.theme, name).toBeUndefined();
    expect(
      r.diagnostics.map((d) => d.code),
      name,
    ).toEqual(['template-corrupt']);
    expect(r.diagnostics[0].message, name).toMatch(says);
    return performance.now() - started;
  };

  it('refuses a DOCTYPE or a truncation in the package’s own parts as a corrupt template, not an internal error', async () => {
    const doctype = '<!DOCTYPE x [<!ENTITY a "aaaa">]>';
    write('ct-doctype', edited({ '[Content_Types].xml': (x) => x.replace('<Types', `${doctype}<Types`) }));
    await refused('ct-doctype', /`\[Content_Types\]\.xml` has a DOCTYPE/);
    write('rels-doctype', edited({ '_rels/.rels': (x) => x.replace('<Relationships', `${doctype}<Relationships`) }));
    await refused('rels-doctype', /`_rels\/\.rels` has a DOCTYPE/);
    write('ct-cut', edited({ '[Content_Types].xml': (x) => x.slice(0, x.length / 2) }));
    await refused('ct-cut', /`\[Content_Types\]\.xml` is not well-formed/);
    write('rels-cut', edited({ '_rels/.rels': (x) => x.slice(0, x.length - 20) }));
    await refused('rels-cut', /`_rels\/\.rels` is not well-formed/);
    // A DOCTYPE in a layout, too.
    write(
      'layout-doctype',
      edited({ 'ppt/slideLayouts/slideLayout2.xml': (x) => x.replace('<p:sldLayout', `${doctype}<p:sldLayout`) }),
    );
    await refused('layout-doctype', /slideLayout2\.xml` has a DOCTYPE/);
    const c = makeContent({ brief: { files: { '01-a.md': '# A\n\n- b\n' } } });
    const cli = runCli(['check', '--content', c.content, '--themes', themes, '--theme', 'ct-doctype']);
    expect(cli.status).toBe(1);
    expect(cli.stderr + cli.stdout).toMatch(/template-corrupt/);
  }, 120_000);

  it('refuses a layout of 1.7 million nested elements, and one of too many, naming the part', async () => {
    const depth = 1_700_000;
    const deep = `<?xml version="1.0"?><p:sldLayout xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">${'<p:x>'.repeat(depth)}${'</p:x>'.repeat(depth)}</p:sldLayout>`;
    write('deep', edited({ 'ppt/slideLayouts/slideLayout2.xml': deep }));
    expect(readFileSync(path.join(themes, 'deep.pptx')).length).toBeLessThan(1024 * 1024);
    await refused('deep', /slideLayout2\.xml` nests elements more than 256 deep/);
    const wide = `<?xml version="1.0"?><p:sldLayout xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">${'<p:x/>'.repeat(120_000)}</p:sldLayout>`;
    write('wide', edited({ 'ppt/slideLayouts/slideLayout2.xml': wide }));
    await refused('wide', /slideLayout2\.xml` has more than 100,000 elements/);
  }, 120_000);
});
