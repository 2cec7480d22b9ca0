import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeXML } from 'entities';
import { writeFileAtomic } from '../util/atomic-write.js';
import { escapeHtml } from '../util/html.js';
import { formatUtc } from '../util/time.js';
import { deckHistory, type DeckHistory } from '../history/deck-history.js';
import { historyHtml } from '../history/history-html.js';
import { readVersion } from '../history/version-store.js';
import { formatDiagnostic } from '../util/format-diagnostic.js';
import { plural } from '../util/plural.js';
import { readBuildRecord } from './build-record.js';
import { OUTLINE } from './contact-sheet.js';
import { readExportState } from './export-state.js';
import { sha256 } from '../util/hash.js';
import { readZipEntry } from '../util/zip.js';

/** One deck as the gallery shows it. Paths are relative to the output folder, with `/`. */
export interface GalleryEntry {
  slug: string;
  title: string;
  builtAt: Date;
  pptx: string;
  slides?: number;
  warnings?: number;
  /** The current build's warnings, as `check` prints them (from its version record), so the page can show them. */
  warningLines?: string[];
  pdf?: string;
  contactSheet?: string;
  /** True when the PDF or the thumbnails were made from an earlier build of the .pptx. */
  stale?: boolean;
  /** Each slide's image (`<deck>/slides/01.png` …), when exported. */
  thumbnails?: string[];
  /**
   * Slides (1-based) that changed since the previous build, outlined; only when the thumbnails show the current build.
   */
  changedSlides?: number[];
  /** What changed since the previous build, and the version history (output/versions/). */
  history?: DeckHistory;
}

/** Scan `outDir` for decks and write `outDir/index.html`. Returns its path. */
export async function writeGallery(outDir: string, now = new Date()): Promise<string> {
  const file = path.join(outDir, 'index.html');
  await writeFileAtomic(file, galleryHtml(await galleryEntries(outDir), now));
  return file;
}

/** Every `<deck>.pptx` in `outDir` with what exists of its exports (only files that exist are linked). */
export async function galleryEntries(outDir: string): Promise<GalleryEntry[]> {
  const names = (await readdir(outDir)).filter((f) => f.endsWith('.pptx') && !f.startsWith('.')).sort();
  const entries: GalleryEntry[] = [];
  for (const name of names) {
    const slug = name.slice(0, -'.pptx'.length);
    const pptxPath = path.join(outDir, name);
    const [info, bytes] = await Promise.all([stat(pptxPath), readFile(pptxPath)]);
    const state = await readExportState(outDir, slug);
    const hash = sha256(bytes);
    const built = await readBuildRecord(outDir, slug, hash);
    const exists = async (rel: string | undefined) =>
      rel &&
      (await stat(path.join(outDir, rel)).then(
        () => true,
        () => false,
      ))
        ? rel
        : undefined;
    const history = await deckHistory(outDir, slug);
    const record = history.latest && (await readVersion(outDir, slug, history.latest.to.version));
    const pngs = state?.png?.files;
    const thumbnails = pngs && (await Promise.all(pngs.map(exists))).every(Boolean) ? pngs : undefined;
    entries.push({
      slug,
      title: (await pptxTitle(bytes)) ?? slug,
      builtAt: built?.builtAt ?? info.mtime,
      pptx: name,
      slides: state?.slides,
      warnings: built?.warnings ?? state?.warnings,
      warningLines: record?.warnings?.map(formatDiagnostic),
      pdf: await exists(`${slug}.pdf`),
      contactSheet: await exists(state?.png?.contactSheet),
      stale: [state?.pdf, state?.png].some((a) => a && a.pptxSha256 !== hash),
      thumbnails,
      changedSlides: thumbnails && state?.png?.pptxSha256 === hash ? history.latest?.diff.slides : undefined,
      history,
    });
  }
  return entries;
}

/** The gallery page: static, relative links, one column on a phone. Pure. */
export function galleryHtml(entries: readonly GalleryEntry[], now: Date): string {
  const cards = entries.map(card).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Briefing decks</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; padding: 1rem; background: #f4f4f4; color: #222; line-height: 1.4; }
  main { max-width: 1260px; margin: 0 auto; }
  .decks { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 560px), 1fr)); gap: 1rem; }
  article { background: #fff; border-radius: 8px; padding: 1rem; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  h2 { font-size: 1.15rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
  img { display: block; width: 100%; height: auto; margin: .5rem 0; border: 1px solid #ddd; }
  .meta { color: #555; font-size: .9rem; margin: 0; }
  .links a { display: inline-block; margin: .25rem .75rem .25rem 0; padding: .4rem .8rem; border-radius: 4px; background: #1f4e79; color: #fff; text-decoration: none; }
  .none { color: #777; font-style: italic; }
  .stale { color: #8a4b00; background: #fff4e0; padding: .25rem .5rem; border-radius: 4px; }
  .slides { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .5rem; margin: .5rem 0; }
  .slides figure { margin: 0; }
  .slides img { margin: 0; }
  .slides figcaption { font-size: .8rem; color: #555; text-align: center; }
  .slides .changed img { outline: 4px solid ${OUTLINE.color}; outline-offset: -2px; }
  .slides .changed figcaption { color: ${OUTLINE.color}; font-weight: 600; }
  h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
  .changes { padding-left: 1.2rem; margin: .25rem 0; font-size: .9rem; }
  .history ol { padding-left: 1.2rem; margin: .25rem 0; font-size: .9rem; }
  del { background: #ffe3e3; color: #8b0000; }
  ins { background: #d3f9d8; color: #0b5e1d; text-decoration: none; }
</style>
</head>
<body>
<main>
<h1>Briefing decks</h1>
<p class="meta">${entries.length} deck${entries.length === 1 ? '' : 's'} · page written ${escapeHtml(formatDate(now))}</p>
<div class="decks">
${cards || '<p class="none">No decks built yet: run <code>briefdeck build</code>.</p>'}
</div>
</main>
</body>
</html>
`;
}

function card(e: GalleryEntry): string {
  const facts = [
    e.slides === undefined ? undefined : `${e.slides} slide${e.slides === 1 ? '' : 's'}`,
    `built ${formatDate(e.builtAt)}`,
    e.warnings === undefined ? undefined : `${e.warnings} warning${e.warnings === 1 ? '' : 's'}`,
  ].filter(Boolean);
  const sheet = e.thumbnails
    ? thumbnailsHtml(e.thumbnails, e.changedSlides ?? [])
    : e.contactSheet
      ? `<a href="${href(e.contactSheet)}"><img src="${href(e.contactSheet)}" alt="${escapeHtml(`Slides of ${e.title}`)}"></a>`
      : '<p class="none">No thumbnails yet: run <code>briefdeck export --png</code>.</p>';
  const links = [
    `<a href="${href(e.pptx)}" download>PowerPoint (.pptx)</a>`,
    e.pdf ? `<a href="${href(e.pdf)}">PDF</a>` : undefined,
    e.thumbnails && e.contactSheet ? `<a href="${href(e.contactSheet)}">Contact sheet</a>` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return `<article id="${escapeHtml(e.slug)}">
<h2>${escapeHtml(e.title)}</h2>
<p class="meta">${escapeHtml(facts.join(' · '))}</p>
${warningsHtml(e.warningLines)}${e.stale ? '<p class="stale">The PDF or thumbnails are from an earlier build: run <code>briefdeck export</code>.</p>\n' : ''}${sheet}
<p class="links">${links}</p>
${e.history ? historyHtml(e.history) : ''}
</article>`;
}

/** The warnings themselves, folded under their count: a count alone gives the reader nothing to act on. */
function warningsHtml(lines: readonly string[] | undefined): string {
  if (!lines?.length) return '';
  const items = lines.map((l) => `<li><code>${escapeHtml(l)}</code></li>`).join('');
  return `<details class="warnings"><summary>${plural(lines.length, 'warning')}</summary><ul>${items}</ul></details>\n`;
}

/** One figure per slide; the slides that changed since the previous build are outlined and say so. */
function thumbnailsHtml(files: readonly string[], changed: readonly number[]): string {
  const figures = files.map((f, i) => {
    const n = i + 1;
    const hit = changed.includes(n);
    return `<figure data-slide="${n}"${hit ? ' class="changed"' : ''}><a href="${href(f)}"><img src="${href(f)}" alt="Slide ${n}${hit ? ' (changed)' : ''}"></a><figcaption>${n}${hit ? ' · changed' : ''}</figcaption></figure>`;
  });
  return `<div class="slides">\n${figures.join('\n')}\n</div>`;
}

export { escapeHtml };

/** A relative URL for a path under the output folder (each segment percent-encoded, then HTML-escaped). */
const href = (rel: string): string => escapeHtml(rel.split('/').map(encodeURIComponent).join('/'));

const formatDate = formatUtc;

async function pptxTitle(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const entry = readZipEntry(bytes, 'docProps/core.xml');
    const core = entry && new TextDecoder().decode(entry);
    const m = core && /<dc:title>([^<]*)<\/dc:title>/.exec(core);
    return m && m[1].trim() ? decodeXML(m[1].trim()) : undefined;
  } catch {
    return undefined;
  }
}
