/**
 * `npm run bench -- templates DIR`: build the content decks and the stress
 * deck on every .pptx/.potx in DIR (issue 19's sweep over real templates)
 * and print one line per template: built or refused (and why), slides per
 * deck (and the stress deck's ratio to briefing-light's), words the
 * LibreOffice render proof finds hidden (missing from their page), outside
 * the slide or drawn over other words, and the lowest table text/fill
 * contrast (`warned` when the template allows no readable pair).
 * Without DIR it reports nothing. Templates are never copied into the repo.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDeck, type BuildResult } from '../src/build.js';
import { PACKAGE_ROOT } from '../src/util/package-root.js';
import { contrastRatio } from '../src/util/contrast.js';
import { stressDeck } from '../test/fixtures/stress-deck.js';
import { layoutFaults, missingCharacters } from '../test/helpers/layout-proof.js';
import { pdfWords, pptxToPdfs } from '../test/helpers/pdf.js';
import { readPptx } from '../test/helpers/pptx.js';
import type { Report } from './harness.js';

const CONTENT = ['russia-north-korea-treaty', 'us-policy-response'];

export default async function templates(report: Report): Promise<void> {
  const dir = process.argv.slice(2).find((a) => existsSync(a) && statSync(a).isDirectory());
  if (!dir) {
    report({ name: 'templates: no DIR given (npm run bench -- templates DIR)', unit: 'count', value: 0 });
    return;
  }
  const files = readdirSync(dir)
    .filter((f) => /\.(pptx|potx)$/i.test(f))
    .sort();
  const root = mkdtempSync(path.join(tmpdir(), 'briefdeck-templates-bench-'));
  const themes = path.join(root, 'themes');
  const content = path.join(root, 'content');
  mkdirSync(themes);
  cpSync(path.join(PACKAGE_ROOT, 'themes', 'fonts'), path.join(themes, 'fonts'), { recursive: true });
  cpSync(path.join(PACKAGE_ROOT, 'themes', 'briefing-light.yaml'), path.join(themes, 'briefing-light.yaml'));
  for (const slug of CONTENT)
    cpSync(path.join(PACKAGE_ROOT, 'content', slug), path.join(content, slug), { recursive: true });
  mkdirSync(path.join(content, 'stress'));
  writeFileSync(path.join(content, 'stress', 'deck.yaml'), stressDeck.yaml);
  for (const [name, text] of Object.entries(stressDeck.files)) writeFileSync(path.join(content, 'stress', name), text);
  const slugs = [...CONTENT, 'stress'];
  const build = (theme: string, slug: string) =>
    buildDeck(slug, { contentDir: content, themesDir: themes, outDir: path.join(root, 'out', theme), theme });
  const baseline = (await build('briefing-light', 'stress')).deck?.slides.length ?? 0;

  const rows: { file: string; results: BuildResult[]; refused?: string }[] = [];
  for (const [i, file] of files.entries()) {
    const theme = `t${String(i).padStart(3, '0')}`;
    // A folder of symlinks to the corpus (how a subset is picked) is copied as the files themselves.
    cpSync(path.join(dir, file), path.join(themes, `${theme}${path.extname(file).toLowerCase()}`), {
      dereference: true,
    });
    const results: BuildResult[] = [];
    let refused: string | undefined;
    for (const slug of slugs) {
      const r = await build(theme, slug);
      const error = r.diagnostics.find((d) => d.severity === 'error');
      if (!r.pptx) {
        refused = error ? `${error.code}: ${error.message.slice(0, 90)}` : 'not built';
        break;
      }
      results.push(r);
    }
    rows.push({ file, results, refused });
  }
  // One LibreOffice run for every deck built.
  const built = rows.flatMap((row) => row.results.filter((r) => r.file));
  const pdfDir = path.join(root, 'pdf');
  mkdirSync(pdfDir);
  const named = built.map((r, k) => {
    const copy = path.join(pdfDir, `${k}.pptx`);
    cpSync(r.file!, copy);
    return copy;
  });
  const pdfs = named.length > 0 ? pptxToPdfs(named, pdfDir, 60_000 + named.length * 10_000) : [];
  const proof = new Map<BuildResult, { hidden: number; faults: number; first: string[] }>();
  for (const [k, r] of built.entries()) {
    const pages = pdfWords(pdfs[k]);
    const view = await readPptx(r.pptx!);
    let hidden = 0;
    let faults = 0;
    const first: string[] = [];
    const size = r.deck!.size;
    const layoutWords = new Set([r.deck!.info.footer, r.deck!.info.classification ?? ''].join(' ').split(/\s+/));
    view.slides.forEach((s, i) => {
      const page = pages[i] ?? [];
      const missing = missingCharacters(page, s);
      const found = layoutFaults(page, { size, footerTop: size.h, layoutWords });
      hidden += missing.length;
      faults += found.length;
      if (missing) first.push(`slide ${i + 1}: hidden “${missing.slice(0, 40)}”`);
      if (found.length > 0) first.push(`slide ${i + 1}: ${found.slice(0, 3).join(', ')}`);
    });
    proof.set(r, { hidden, faults, first });
  }

  console.log(
    '| template | result | slides (treaty / us / stress, ×light) | hidden chars | outside/overlapping | table contrast |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  let ok = 0;
  for (const row of rows) {
    if (row.refused) {
      console.log(`| ${row.file} | refused | ${row.refused} | | | |`);
      continue;
    }
    ok++;
    const counts = row.results.map((r) => r.deck!.slides.length);
    const stress = counts[counts.length - 1];
    const ps = row.results.map((r) => proof.get(r)!);
    const c = row.results[0].theme!.colors;
    const warned = row.results[0].diagnostics.some((d) => d.code === 'template-table-contrast');
    const ratio = Math.min(
      contrastRatio(c.text, c.tableBand),
      contrastRatio(c.tableHeaderText, c.tableHeaderBackground),
    );
    const notes = [
      ...new Set(
        row.results.flatMap((r) =>
          r.diagnostics
            .filter((d) => d.severity === 'warning' && /^(stand-in-font|template-)/.test(d.code))
            .map((d) => d.code),
        ),
      ),
    ];
    console.log(
      `| ${row.file} | built${notes.length ? ` (${notes.join(', ')})` : ''} | ${counts.join(' / ')} (${(stress / baseline).toFixed(2)}×) | ${ps.reduce((a, p) => a + p.hidden, 0)} | ${ps.reduce((a, p) => a + p.faults, 0)} | ${ratio.toFixed(2)}:1${warned ? ' warned' : ''} |`,
    );
  }
  // Where the proof failed, the first faults of each deck: enough to find the cause without re-running.
  for (const row of rows)
    for (const [k, r] of row.results.entries()) {
      const first = proof.get(r)?.first ?? [];
      if (first.length > 0) console.log(`${row.file} (${slugs[k]}): ${first.slice(0, 4).join('; ')}`);
    }
  report({ name: `templates built of ${files.length}`, unit: 'count', value: ok });
  report({ name: 'stress deck on briefing-light (slides)', unit: 'count', value: baseline });
}
