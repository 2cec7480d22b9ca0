import CSL, { type Engine } from 'citeproc';
import { closest } from 'fastest-levenshtein';
import type { Article, Run, Section } from '../model/article.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Citation } from '../model/sources.js';
import { sectionRuns } from '../model/walk-runs.js';
import { htmlText, htmlToRuns } from './html-to-runs.js';
import type { CitationInputs } from './load-citation-inputs.js';

type CiteRun = Run & { cite: Citation };

/**
 * Format an article's citations with citeproc-js in the chosen style and locale: each citation's run gets its text
 * (`(Smith and Doe 2020, 12)`; `@key says` gives `Smith and Doe (2020) says`), and the article gets the reference
 * list of the cited entries in the style's order. An unknown key is an error at the citation, naming the nearest
 * known key. Without a bibliography, citations stay as written (a bracketed one is a warning). Returns a new article.
 */
export function applyCitations(
  article: Article,
  inputs?: CitationInputs,
): { article: Article; diagnostics: Diagnostic[] } {
  // Most decks cite nothing: looked for before the sections are copied (a copy of a 1.6 MB section took a second).
  if (!article.sections.some((s) => sectionRuns(s).some((r) => r.cite !== undefined)))
    return { article, diagnostics: [] };
  const sections = structuredClone(article.sections) as Section[];
  const cites = sections.flatMap(sectionRuns).filter((r): r is CiteRun => r.cite !== undefined);
  if (!inputs) {
    const first = cites.find((c) => !c.cite.inText);
    const diagnostics = first
      ? [
          diagnostic(
            'warning',
            'citation-without-bibliography',
            first.cite.position,
            `Unexpected citation \`${first.text}\` with no bibliography: it is shown as written`,
            'name a `.bib` or CSL `.json` file in deck.yaml, e.g. `bibliography: sources.bib`',
          ),
        ]
      : [];
    return { article, diagnostics };
  }
  const byId = new Map(inputs.entries.map((e) => [e.id, e.item] as const));
  const diagnostics: Diagnostic[] = [];
  for (const c of cites)
    for (const it of c.cite.items) {
      if (byId.has(it.key)) continue;
      const near = byId.size > 0 ? closest(it.key, [...byId.keys()]) : undefined;
      const guess = near ? `: did you mean \`${near}\`?` : '';
      diagnostics.push(
        diagnostic(
          'error',
          'citation-unknown-key',
          c.cite.position,
          `Unknown citation key \`${it.key}\`, expected a key of \`${inputs.file}\`${guess}`,
          near ? `write \`@${near}\`, or add \`${it.key}\` to the bibliography` : 'add the entry to the bibliography',
        ),
      );
    }
  if (diagnostics.length > 0) return { article, diagnostics };
  try {
    const engine = engineFor(inputs, byId);
    engine.updateItems([...new Set(cites.flatMap((c) => c.cite.items.map((i) => i.key)))]);
    for (const c of cites) c.text = formatCitation(engine, c.cite);
    const bib = engine.makeBibliography();
    const ids = bib ? (bib[0].entry_ids ?? []) : [];
    const references = bib ? bib[1].map((html, i) => ({ id: ids[i]?.[0] ?? String(i), runs: htmlToRuns(html) })) : [];
    return { article: { ...article, sections, references }, diagnostics };
  } catch (e) {
    // citeproc-js throws on a style it cannot use (not CSL, a missing macro): that is the style file's problem.
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const problem = diagnostic(
      'error',
      'csl-style-invalid',
      inputs.stylePosition,
      `Unusable CSL style: citeproc-js says \`${why.slice(0, 200)}\``,
      'check that the file is a CSL 1.0 style (citationstyles.org), or remove `csl:` to use Chicago author-date',
    );
    return { article, diagnostics: [problem] };
  }
}

function formatCitation(engine: Engine, cite: Citation): string {
  const items = cite.items.map((i) => ({
    id: i.key,
    ...locatorOf(i.locator),
    ...(i.prefix ? { prefix: `${i.prefix} ` } : {}),
    ...(i.suffix ? { suffix: `, ${i.suffix}` } : {}),
    ...(i.suppressAuthor ? { 'suppress-author': true } : {}),
  }));
  if (!cite.inText) return htmlText(engine.makeCitationCluster(items));
  // pandoc's `@key`: the author in the sentence, the rest of the citation after it.
  const author = htmlText(engine.makeCitationCluster([{ id: items[0].id, 'author-only': true }]));
  const rest = htmlText(engine.makeCitationCluster([{ ...items[0], 'suppress-author': true }]));
  return `${author} ${rest}`;
}

/** pandoc's locator labels (`p. 12`, `chap. 3`): CSL's label and the number. */
const LABELS: Record<string, string> = {
  p: 'page',
  pp: 'page',
  page: 'page',
  pages: 'page',
  chap: 'chapter',
  ch: 'chapter',
  chapter: 'chapter',
  sec: 'section',
  section: 'section',
  para: 'paragraph',
  paragraph: 'paragraph',
  vol: 'volume',
  volume: 'volume',
  fig: 'figure',
  figure: 'figure',
  n: 'note',
  note: 'note',
  l: 'line',
  line: 'line',
  art: 'article',
  no: 'issue',
};

function locatorOf(locator: string | undefined): { locator?: string; label?: string } {
  if (!locator) return {};
  const m = /^([a-z]+)\.?\s*(.+)$/i.exec(locator);
  const label = m ? LABELS[m[1].toLowerCase()] : undefined;
  return label ? { locator: m![2], label } : { locator, label: 'page' };
}

/** Engines by style and locale: building one reads the whole style, so a long-lived process (watch) keeps a few. */
const engines = new Map<string, { engine: Engine; items: { current: Map<string, Record<string, unknown>> } }>();

function engineFor(inputs: CitationInputs, byId: Map<string, Record<string, unknown>>): Engine {
  const key = `${inputs.lang}\u0000${inputs.style}`;
  let e = engines.get(key);
  if (!e) {
    const items = { current: byId };
    const sys = {
      retrieveLocale: (lang: string) => (lang.split('-')[0] === inputs.lang.split('-')[0] ? inputs.locale : undefined),
      retrieveItem: (id: string) => items.current.get(id)!,
    };
    e = { engine: new CSL.Engine(sys, inputs.style, inputs.lang, true), items };
    if (engines.size >= 4) engines.delete(engines.keys().next().value!);
    engines.set(key, e);
  }
  e.items.current = byId;
  return e.engine;
}
