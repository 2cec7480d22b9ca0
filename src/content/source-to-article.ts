import type { Article, DeckMeta, Section } from '../model/article.js';
import { didYouMean, withSuggestion } from '../util/did-you-mean.js';
import path from 'node:path';
import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import { decodeSource } from '../input/decode-source.js';
import { parseYamlWithSchema } from '../input/yaml-schema.js';
import { DeckMetaSchema, SectionFrontMatterSchema, deckMetaKeys, frontMatterKeys } from './deck-meta-schema.js';
import { splitFrontMatter } from './front-matter.js';
import { SECTION_FILE, displayPath, type DeckSource, type SourceFile } from './load-deck.js';
import { runsText } from '../model/article.js';
import { markdownToBlocks } from './markdown-to-blocks.js';
import { nestingProblems } from './nesting-limit.js';
import { withCalloutLabels } from './callout.js';
import { append } from '../util/append.js';

export interface ParseResult {
  /** Absent when the deck cannot be planned at all (no valid deck.yaml). */
  article?: Article;
  diagnostics: Diagnostic[];
}

/** Parse a deck folder's files into an article. Pure: the bytes were read by `loadDeckSource`. */
export function sourceToArticle(source: DeckSource): ParseResult {
  const diagnostics: Diagnostic[] = [...source.problems];
  if (source.refused) return { diagnostics };
  const { meta, positions } = parseMeta(source, diagnostics);
  for (const stray of source.strays) {
    diagnostics.push(
      diagnostic(
        'warning',
        'stray-markdown-file',
        { file: stray, line: 1, column: 1 },
        'Unexpected Markdown file name, expected `NN-slug.md`: this file is not part of the deck',
        'rename it, e.g. `07-outlook.md`',
      ),
    );
  }
  const sections: Section[] = [];
  for (const file of source.sections) {
    const section = parseSection(file, diagnostics);
    if (section) sections.push(section);
  }
  if (!meta) return { diagnostics };
  return {
    article: {
      slug: source.slug,
      dir: source.dir,
      meta,
      metaFile: source.meta!.file,
      metaPositions: positions,
      sectionFiles: source.sections.map((f) => f.file),
      sections: withCalloutLabels(sections, meta.callouts),
    },
    diagnostics,
  };
}

function parseMeta(source: DeckSource, ds: Diagnostic[]): { meta?: DeckMeta; positions: Record<string, Position> } {
  if (!source.meta) {
    const metaFile = displayPath(path.join(source.dir, 'deck.yaml'));
    // A deck.yaml the input rule refused was reported already.
    if (source.problems.some((d) => d.position.file === metaFile)) return { positions: {} };
    ds.push(
      diagnostic(
        'error',
        'deck-yaml-missing',
        { file: metaFile, line: 1, column: 1 },
        'Missing `deck.yaml`, expected one in every deck folder',
        'create it with at least `title: …`',
      ),
    );
    return { positions: {} };
  }
  const { text, diagnostics } = decodeSource(source.meta.bytes, source.meta.file);
  ds.push(...diagnostics);
  if (text === undefined) return { positions: {} };
  const r = parseYamlWithSchema(text, source.meta.file, DeckMetaSchema, { knownKeys: deckMetaKeys });
  ds.push(...r.diagnostics);
  for (const k of r.unknownKeys) {
    ds.push(
      diagnostic(
        'warning',
        'unknown-key',
        { file: source.meta.file, line: k.line, column: k.column },
        `Unknown key \`${k.key}\` in deck.yaml${withSuggestion(didYouMean(k.key, deckMetaKeys), `expected one of ${deckMetaKeys.map((x) => `\`${x}\``).join(', ')}`)}`,
      ),
    );
  }
  return { meta: r.value, positions: r.keyPositions };
}

function parseSection(file: SourceFile, ds: Diagnostic[]): Section | undefined {
  const { text, diagnostics } = decodeSource(file.bytes, file.file);
  ds.push(...diagnostics);
  if (text === undefined) return undefined;
  const fm = splitFrontMatter(text);
  let frontMatter: Record<string, unknown> = {};
  let frontMatterPositions: Section['frontMatterPositions'] = {};
  if (fm.yaml !== undefined) {
    const r = parseYamlWithSchema(fm.yaml, file.file, SectionFrontMatterSchema, {
      lineOffset: fm.yamlLine - 1,
      knownKeys: frontMatterKeys,
    });
    ds.push(...r.diagnostics);
    if (r.diagnostics.length > 0) return undefined;
    for (const k of r.unknownKeys) {
      ds.push(
        diagnostic(
          'warning',
          'unknown-key',
          { file: file.file, line: k.line, column: k.column },
          `Unknown front-matter key \`${k.key}\`${withSuggestion(didYouMean(k.key, frontMatterKeys), `expected one of ${frontMatterKeys.map((x) => `\`${x}\``).join(', ')}`)}`,
        ),
      );
    }
    frontMatter = (r.value ?? {}) as Record<string, unknown>;
    frontMatterPositions = r.keyPositions;
  }
  // Nesting no slide can show is refused before marked recurses into it (its stack would overflow first).
  const tooDeep = nestingProblems(fm.body, file.file, fm.bodyLine);
  if (tooDeep.length > 0) {
    ds.push(...tooDeep);
    return undefined;
  }
  const body = markdownToBlocks(fm.body, file.file, fm.bodyLine);
  append(ds, body.diagnostics);
  if (!body.title) {
    const first = body.blocks[0]?.position ?? { file: file.file, line: fm.bodyLine, column: 1 };
    ds.push(
      diagnostic(
        'error',
        'section-heading-missing',
        first,
        'Missing section heading, expected the file to start with `# Title`',
        'add a `# ` heading line as the first line after any front matter',
      ),
    );
    return undefined;
  }
  const slug = SECTION_FILE.exec(file.name)?.[2] ?? file.name;
  return {
    file: file.file,
    slug,
    // A footnote marker in the heading is not title text (its note is listed on the Sources slides).
    title: runsText(body.title.runs.filter((r) => !r.note)).trim(),
    titlePosition: body.title.position,
    frontMatter,
    frontMatterPositions,
    blocks: body.blocks,
    ...(body.footnotes.length > 0 ? { footnotes: body.footnotes } : {}),
  };
}
