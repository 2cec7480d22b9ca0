import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deckRule } from '../content/load-deck.js';
import { decodeSource } from '../input/decode-source.js';
import { readInput } from '../input/read-input.js';
import type { Article } from '../model/article.js';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import { displayPath } from '../util/display-path.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { bibtexToCsl } from './bibtex-to-csl.js';
import type { CslEntry } from './csl-item.js';
import { cslJsonToCsl } from './csl-json.js';

/** What formatting a deck's citations needs: its bibliography, a CSL style and a CSL locale. */
export interface CitationInputs {
  /** The bibliography as shown in diagnostics. */
  file: string;
  entries: CslEntry[];
  style: string;
  /** Where the style was named (`csl:` in deck.yaml), for its problems. */
  stylePosition: Position;
  locale: string;
  /** The locale's language tag (`en-US`). */
  lang: string;
}

/** Shipped with briefdeck (csl/LICENSE.md): the default style and the locales. */
export const CSL_DIR = path.join(PACKAGE_ROOT, 'csl');
export const SHIPPED_LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR'] as const;

/**
 * Read the files deck.yaml names for citations, through the input rule (inside the deck folder, a regular file, a
 * bounded size), each problem at its deck.yaml line: `bibliography:` (BibTeX or CSL JSON), `csl:` (else Chicago
 * author-date), and the shipped locale for `language:` (the same language's, else en-US, with a warning).
 */
export async function loadCitationInputs(
  article: Article,
): Promise<{ inputs?: CitationInputs; diagnostics: Diagnostic[] }> {
  const { meta } = article;
  if (!meta.bibliography) return { diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const keyAt = (k: string): Position => article.metaPositions[k] ?? { file: article.metaFile, line: 1, column: 1 };
  const read = async (rel: string, what: string): Promise<{ text: string; file: string } | undefined> => {
    const full = path.resolve(article.dir, rel);
    const r = await readInput(full, deckRule(article.dir, what), keyAt(what));
    if (!r.ok) {
      diagnostics.push(r.diagnostic);
      return undefined;
    }
    const file = displayPath(full);
    const decoded = decodeSource(r.bytes, file);
    diagnostics.push(...decoded.diagnostics);
    return decoded.text === undefined ? undefined : { text: decoded.text, file };
  };
  const bib = await read(meta.bibliography, 'bibliography');
  const style = meta.csl
    ? (await read(meta.csl, 'csl'))?.text
    : await readFile(path.join(CSL_DIR, 'styles', 'chicago-author-date.csl'), 'utf8');
  if (!bib || style === undefined) return { diagnostics };
  const parsed = /\.json$/i.test(meta.bibliography)
    ? cslJsonToCsl(bib.text, bib.file)
    : bibtexToCsl(bib.text, bib.file);
  diagnostics.push(...parsed.diagnostics, ...duplicates(parsed.entries));
  const wanted = meta.language ?? 'en-US';
  const lang =
    SHIPPED_LOCALES.find((l) => l.toLowerCase() === wanted.toLowerCase()) ??
    SHIPPED_LOCALES.find((l) => l.split('-')[0] === wanted.split('-')[0].toLowerCase()) ??
    'en-US';
  if (lang.split('-')[0] !== wanted.split('-')[0].toLowerCase())
    diagnostics.push(
      diagnostic(
        'warning',
        'citation-locale-missing',
        keyAt('language'),
        `No citation locale for \`${wanted}\`: citations and references use ${lang}'s terms ` +
          `(shipped: ${SHIPPED_LOCALES.join(', ')})`,
      ),
    );
  const locale = await readFile(path.join(CSL_DIR, 'locales', `locales-${lang}.xml`), 'utf8');
  const stylePosition = keyAt(meta.csl ? 'csl' : 'bibliography');
  return { inputs: { file: bib.file, entries: parsed.entries, style, stylePosition, locale, lang }, diagnostics };
}

function duplicates(entries: readonly CslEntry[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of entries) {
    if (seen.has(e.id))
      out.push(
        diagnostic(
          'warning',
          'bibliography-duplicate-key',
          e.position,
          `Unexpected second entry \`${e.id}\`: the first one is used`,
        ),
      );
    seen.add(e.id);
  }
  return out;
}
