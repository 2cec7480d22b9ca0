import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/build.js';
import { loadImages } from '../../src/content/load-images.js';
import { runCli } from '../helpers/cli.js';
import { REPO_THEMES, deckOpts, makeContent } from '../helpers/decks.js';

/** A noisy picture (so its compressed data spans many blocks), as PNG and JPEG, and each cut to 60% of its bytes. */
let png: Buffer;
let jpeg: Buffer;
beforeAll(async () => {
  const w = 640;
  const h = 400;
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + (i >> 9)) % 251;
  png = await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .png()
    .toBuffer();
  jpeg = await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg()
    .toBuffer();
});
const cut = (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6));
const flipped = (b: Buffer) =>
  Buffer.from(b.map((x, i) => (i > b.length / 2 && i < b.length / 2 + 200 ? x ^ 0x5a : x)));
const md = (src: string) => `# Picture of ${src}\n\n![a picture](${src})\n`;

describe('images are verified (a broken picture is an error, not a black box in the PDF)', () => {
  it('a truncated PNG and a truncated JPEG are errors naming the file, and nothing is written', async () => {
    const c = makeContent({
      pics: {
        files: {
          '01-png.md': md('images/cut.png'),
          '02-jpg.md': md('images/cut.jpg'),
          '03-bad.md': md('images/bad.jpg'),
          'images/cut.png': cut(png),
          'images/cut.jpg': cut(jpeg),
          'images/bad.jpg': flipped(jpeg),
        },
      },
    });
    // Their headers are intact: sharp's metadata() (all the old check read for images this small) finds nothing wrong.
    expect((await sharp(cut(png)).metadata()).width).toBe(640);
    const r = runCli(['build', '--content', c.content, '--themes', REPO_THEMES, '--out', c.out], { cwd: c.root });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /content\/pics\/01-png\.md:3:1 error Unreadable image `images\/cut\.png` \(`images\/cut\.png`\): .*libpng read error .*\[image-unreadable\]/,
    );
    expect(r.stderr).toMatch(
      /content\/pics\/02-jpg\.md:3:1 error Unreadable image `images\/cut\.jpg` .*premature end of JPEG image .*\[image-unreadable\]/,
    );
    expect(r.stderr).toMatch(/content\/pics\/03-bad\.md:3:1 error Unreadable image `images\/bad\.jpg`/);
    expect(existsSync(path.join(c.out, 'pics.pptx'))).toBe(false);
  });

  it('the intact files build (the same bytes, copied unchanged)', async () => {
    const c = makeContent({
      pics: {
        files: {
          '01-png.md': md('images/a.png'),
          '02-jpg.md': md('images/a.jpg'),
          'images/a.png': png,
          'images/a.jpg': jpeg,
        },
      },
    });
    const r = await checkDeck('pics', deckOpts(c));
    expect(r.diagnostics).toEqual([]);
    const images = r.deck!.slides.flatMap((s) => (s.kind === 'image' ? [s.image] : []));
    expect(images.map((i) => Buffer.from(i.data).equals(i.mime === 'image/png' ? png : jpeg))).toEqual([true, true]);
  });

  it('an 8000-px-wide SVG is rasterised to the size it takes on the slide (2400 px across), not refused; its bytes stay on the asset', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="2000"><rect width="8000" height="2000" fill="#0B3D91"/></svg>';
    const tall =
      '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="32"><rect width="16" height="32" fill="#C8102E"/></svg>';
    const c = makeContent({
      svg: { files: { '01-wide.md': md('wide.svg'), '02-tall.md': md('tall.svg'), 'wide.svg': svg, 'tall.svg': tall } },
    });
    const r = await checkDeck('svg', deckOpts(c));
    expect(r.diagnostics).toEqual([]);
    const { images } = await loadImages(r.article!);
    expect(images.get('wide.svg')).toMatchObject({ mime: 'image/png', width: 2400, height: 600 });
    // A 16-unit icon is drawn as large as the body allows (its height: 380 of 888 pt across 2400 px), not as 16 px.
    expect(images.get('tall.svg')).toMatchObject({ width: 514, height: 1027 });
    expect(Buffer.from(images.get('wide.svg')!.svg!).toString()).toBe(svg);
    expect(images.get('wide.svg')!.data.subarray(1, 4)).toEqual(new Uint8Array(Buffer.from('PNG')));
  });

  it('a reference inside an SVG that cannot load is a warning naming it', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">
      <defs><linearGradient id="g"/></defs><rect width="200" height="100" fill="url(#g)"/>
      <image href="sibling.png" width="50" height="50"/><image xlink:href="data:image/png;base64,AAAA" width="1" height="1"/>
      <use href="parts.svg#arrow"/><a href="https://example.org"><text>link</text></a></svg>`;
    const c = makeContent({ svg: { files: { '01-a.md': md('chart.svg'), 'chart.svg': svg, 'sibling.png': png } } });
    const r = await checkDeck('svg', deckOpts(c));
    expect(
      r.diagnostics.map((d) => `${d.severity} ${d.code} ${path.basename(d.position.file)}:${d.position.line}`),
    ).toEqual(['warning svg-external-ref 01-a.md:3']);
    expect(r.diagnostics[0].message).toBe(
      'Unexpected references `sibling.png`, `parts.svg#arrow` inside SVG `chart.svg`: an SVG is drawn on its own, so they will be missing from the picture',
    );
    expect(r.deck).toBeDefined();
  });

  it('a malformed `%` escape in an image path is a missing image, not a crash', async () => {
    const c = makeContent({ pct: { files: { '01-a.md': md('images/50%zz.png') } } });
    const r = runCli(['check', '--content', c.content, '--themes', REPO_THEMES], { cwd: c.root });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/01-a\.md:3:1 error Missing `content\/pct\/images\/50%zz\.png`/);
    expect(readFileSync(path.join(c.content, 'pct', '01-a.md'), 'utf8')).toContain('%zz');
  });
});
