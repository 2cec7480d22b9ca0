/**
 * `briefdeck build` + `briefdeck export` through the real CLI, then the
 * gallery page in real headless Chromium (one LibreOffice run in this file).
 */
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryHtml } from '../../src/export/gallery.js';
import { runCli } from '../helpers/cli.js';
import { FIXTURE_DECKS } from '../helpers/decks.js';
import { haveTools } from '../helpers/tools.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const tools = haveTools('soffice', 'pdftoppm', 'pdfinfo', 'chromium');

describe.runIf(tools)('briefdeck export and the gallery page', () => {
  let out: string;
  let browser: Browser;
  let exported: ReturnType<typeof runCli>;

  let content: string;

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'briefdeck-gallery-'));
    // Two builds of the treaty deck (a bullet and a table cell edited in between), one of the other deck.
    content = path.join(out, 'content');
    cpSync(FIXTURE_DECKS, content, { recursive: true });
    const built = runCli(['build', '--content', content, '--out', out]);
    expect(built.status, built.stderr).toBe(0);
    const file = path.join(content, 'russia-north-korea-treaty', '02-russia-and-north-koreas-treaty.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('joint military exercises', 'joint naval exercises')
        .replace('Increased military spending', 'Increased naval spending'),
    );
    const rebuilt = runCli(['build', '--content', content, '--out', out]);
    expect(rebuilt.stdout, rebuilt.stderr).toContain('1 deck built, 1 up to date, 0 failed');
    exported = runCli(['export', '--content', content, '--out', out]);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('`briefdeck export` with no flags exports PDF and PNGs for every deck', () => {
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/✓ russia-north-korea-treaty {2}exported {2}PDF · 16 thumbnails · contact sheet/);
    expect(exported.stdout).toMatch(/✓ us-policy-response {2}exported {2}PDF · 15 thumbnails · contact sheet/);
    expect(exported.stdout).toContain(`2 decks exported, 0 up to date, 0 failed → ${path.join(out, 'index.html')}`);
  });

  it('loads in Chromium with every deck, every image loaded and every link pointing at a file that exists', async () => {
    const page = await browser.newPage();
    const response = await page.goto(pathToFileURL(path.join(out, 'index.html')).href, { waitUntil: 'load' });
    expect(response?.ok()).toBe(true);
    expect(await page.title()).toBe('Briefing decks');
    const cards = await page.$$eval('article', (as) => as.map((a) => ({ id: a.id, text: a.textContent ?? '' })));
    expect(cards.map((c) => c.id)).toEqual(['russia-north-korea-treaty', 'us-policy-response']);
    expect(cards[0].text).toMatch(/16 slides · built \d{4}-\d\d-\d\d \d\d:\d\d UTC · \d+ warnings?/);
    expect(cards[1].text).toMatch(/15 slides · built/);
    // The sample deck keeps its real-world warnings: the page lists them, not just their count.
    const listed = await page.$$eval('#russia-north-korea-treaty details.warnings li', (ls) => ls.length);
    const counted = Number(/· (\d+) warnings?/.exec(cards[0].text)?.[1]);
    expect(counted).toBeGreaterThan(0);
    expect(listed).toBe(counted);
    const images = await page.$$eval('img', (is) =>
      is.map((i) => ({ src: i.src, complete: i.complete, naturalWidth: i.naturalWidth })),
    );
    expect(images).toHaveLength(16 + 15); // one thumbnail per slide
    for (const img of images) expect(img, img.src).toMatchObject({ complete: true, naturalWidth: 1280 });
    const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as unknown as { href: string }).href));
    expect(links.length).toBe(16 + 15 + 2 * 3); // each thumbnail, and .pptx, .pdf and contact sheet per deck
    for (const link of links) {
      expect(link.startsWith('file://'), `${link} is relative to the page`).toBe(true);
      expect(existsSync(fileURLToPath(link)), link).toBe(true);
    }
    expect(links.filter((l) => l.endsWith('.pdf'))).toHaveLength(2);
    expect(links.filter((l) => l.endsWith('.pptx'))).toHaveLength(2);
    expect(links.filter((l) => l.endsWith('/contact-sheet.png'))).toHaveLength(2);
    await page.close();
  });

  it('outlines the slides that changed since the previous build, and lists both versions in the history', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href, { waitUntil: 'load' });
    // What a reader sees: which thumbnails have the outline drawn (computed style, not just a class).
    // A string, because this project's TypeScript has no DOM types.
    const outlined = async (deck: string) =>
      (await page.evaluate(
        `[...document.querySelectorAll('#${deck} .slides figure')].filter((f) => getComputedStyle(f.querySelector('img')).outlineStyle === 'solid').map((f) => Number(f.dataset.slide))`,
      )) as number[];
    expect(await outlined('russia-north-korea-treaty')).toEqual([4, 5]);
    expect(await outlined('us-policy-response')).toEqual([]);
    const alts = await page.$$eval('#russia-north-korea-treaty .slides img', (is) =>
      is.map((i) => i.getAttribute('alt')),
    );
    expect(alts.slice(2, 6)).toEqual(['Slide 3', 'Slide 4 (changed)', 'Slide 5 (changed)', 'Slide 6']);
    const changed = await page.$eval('#russia-north-korea-treaty .what-changed', (e) => e.textContent ?? '');
    expect(changed).toContain('updated: 1 bullet · 1 table row');
    expect(changed).toContain('Military collaboration: …joint militarynaval exercises…');
    expect(changed).toContain('Japan · Potential Shift post-Treaty');
    const history = await page.$$eval('#russia-north-korea-treaty .history li', (ls) =>
      ls.map((l) => l.textContent ?? ''),
    );
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC [0-9a-f]{12} updated: 1 bullet · 1 table row$/);
    expect(history[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC [0-9a-f]{12} first version$/);
    expect(
      await page.$$eval('#us-policy-response .history li', (ls) =>
        ls.map((l) => (l.textContent ?? '').replace(/^.* UTC [0-9a-f]{12} /, '')),
      ),
    ).toEqual(['first version']);
    await page.close();
  });

  it('is readable on a phone: no sideways scrolling, the thumbnails fit the screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href, { waitUntil: 'load' });
    // A string, because this project's TypeScript has no DOM types.
    const m = (await page.evaluate(`({
      scrollWidth: document.documentElement.scrollWidth,
      imgBoxes: [...document.images].map((i) => { const r = i.getBoundingClientRect(); return { width: r.width, right: r.right }; }),
      fontSize: parseFloat(getComputedStyle(document.body).fontSize),
    })`)) as { scrollWidth: number; imgBoxes: { width: number; right: number }[]; fontSize: number };
    expect(m.scrollWidth).toBeLessThanOrEqual(390);
    expect(m.imgBoxes).toHaveLength(31);
    for (const b of m.imgBoxes) expect(b.width).toBeGreaterThan(90);
    for (const b of m.imgBoxes) expect(b.right).toBeLessThanOrEqual(390);
    expect(m.fontSize).toBeGreaterThanOrEqual(16);
    await page.close();
  });

  it('a second `briefdeck export` finds both decks up to date', () => {
    const r = runCli(['export', '--content', content, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('0 decks exported, 2 up to date, 0 failed');
  });

  it('`briefdeck build --pdf --png` exports through the same path: unchanged decks keep their files', () => {
    const pdf = path.join(out, 'us-policy-response.pdf');
    const before = statSync(pdf);
    const r = runCli(['build', '--pdf', '--png', '--content', content, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('export failed');
    const after = statSync(pdf);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('without soffice on PATH: a clear error with the install command, no stack trace, earlier exports kept', () => {
    const r = runCli(['export', '--pdf', '--force', '--content', content, '--out', out], {
      env: { PATH: path.join(out, 'no-tools-here') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'Missing `soffice`, expected it on PATH: install it with `sudo apt-get install -y libreoffice-impress`',
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(path.join(out, 'us-policy-response.pdf'))).toBe(true);
  });

  it('decks that were never built: one clear line each, exit 1, no stack trace', () => {
    const empty = path.join(out, 'never-built');
    const r = runCli(['export', '--pdf', '--out', empty]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `✗ us-policy-response  export failed: Missing \`${path.join(empty, 'us-policy-response.pptx')}\`, expected a built deck: run \`briefdeck build us-policy-response\` first`,
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('`briefdeck export --json` reports each deck', () => {
    const r = runCli(['export', '--png', '--json', '--content', content, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      decks: { slug: string; skipped: boolean; pngs: string[] }[];
      failed: number;
    };
    expect(json.failed).toBe(0);
    expect(json.decks.map((d) => [d.slug, d.skipped, d.pngs.length])).toEqual([
      ['russia-north-korea-treaty', true, 16],
      ['us-policy-response', true, 15],
    ]);
  });
});

describe('galleryHtml', () => {
  const entry = {
    slug: 'a"b',
    title: '<script>alert(1)</script> & "Q"',
    builtAt: new Date('2026-01-02T03:04:05Z'),
    pptx: 'a"b.pptx',
    slides: 1,
    warnings: 0,
    pdf: 'a"b.pdf',
    contactSheet: 'a"b/contact sheet.png',
  };

  it('escapes text and attributes and percent-encodes links', () => {
    const html = galleryHtml([entry], new Date('2026-01-03T00:00:00Z'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('<h2>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Q&quot;</h2>');
    expect(html).toContain('href="a%22b.pptx"');
    expect(html).toContain('src="a%22b/contact%20sheet.png"');
    expect(html).toContain('1 slide · built 2026-01-02 03:04 UTC · 0 warnings');
  });

  it('shows the warnings themselves, escaped, folded under their count', () => {
    const line = 'deck/01-a.md:3:1 warning Spelling <b> [spelling]';
    const html = galleryHtml([{ ...entry, warnings: 1, warningLines: [line] }], new Date());
    expect(html).toContain('<details class="warnings"><summary>1 warning</summary>');
    expect(html).toContain('<li><code>deck/01-a.md:3:1 warning Spelling &lt;b&gt; [spelling]</code></li>');
    expect(galleryHtml([entry], new Date())).not.toContain('<details class="warnings">');
  });

  it('links only what exists: no PDF link and a hint when a deck has no exports', () => {
    const html = galleryHtml(
      [{ ...entry, pdf: undefined, contactSheet: undefined, slides: undefined, warnings: undefined }],
      new Date(),
    );
    expect(html).not.toContain('.pdf');
    expect(html).not.toContain('<img');
    expect(html).toContain('briefdeck export --png');
    expect(html).not.toContain('earlier build');
  });

  it('per-slide thumbnails, the changed ones outlined, and the history, escaped', () => {
    const history = {
      latest: {
        diff: {
          deck: 'a',
          from: 'f'.repeat(64),
          to: 'e'.repeat(64),
          changes: [
            { type: 'row' as const, action: 'added' as const, section: 'S', table: '<T>', key: 'K&', slides: [2] },
          ],
          slides: [2],
        },
        from: { version: 'f'.repeat(64) },
        to: { version: 'e'.repeat(64) },
      },
      versions: [{ version: 'e'.repeat(64), builtAt: '2026-01-02T03:04:05.000Z', summary: 'updated: 1 table row' }],
    };
    const html = galleryHtml(
      [{ ...entry, thumbnails: ['a"b/slides/01.png', 'a"b/slides/02.png'], changedSlides: [2], history }],
      new Date(),
    );
    expect(html).toContain(
      '<figure data-slide="1"><a href="a%22b/slides/01.png"><img src="a%22b/slides/01.png" alt="Slide 1"></a><figcaption>1</figcaption></figure>',
    );
    expect(html).toContain('<figure data-slide="2" class="changed">');
    expect(html).toContain('<strong>Table row added</strong>: &lt;T&gt; · K&amp; <span class="where">(slide 2)</span>');
    expect(html).toContain(
      '<li><time datetime="2026-01-02T03:04:05.000Z">2026-01-02 03:04 UTC</time> <code>eeeeeeeeeeee</code> updated: 1 table row</li>',
    );
    expect(html).toContain('href="a%22b/contact%20sheet.png">Contact sheet</a>');
  });

  it('says when exports were made from an earlier build of the .pptx', () => {
    expect(galleryHtml([{ ...entry, stale: true }], new Date())).toContain(
      'The PDF or thumbnails are from an earlier build',
    );
  });
});
