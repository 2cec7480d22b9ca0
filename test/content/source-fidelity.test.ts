/**
 * Source fidelity: the sample decks (shipped in `content/`, copied as fixtures to `test/fixtures/decks/`) must carry
 * the authors' articles word for word.
 *
 * For each deck, the section files are read in name order, the Markdown structure that was
 * added when the article was split into sections is taken out again, and the remaining
 * whitespace-separated words must equal the words of the original article (a copy lives in
 * `test/fixtures/articles/`). Spelling, capitalisation, punctuation, missing spaces after
 * commas, curly apostrophes and the author's stray `**` all count: a tool that rewrites an
 * author's text is not trusted.
 *
 * What counts as added structure (and is stripped from the deck side only):
 * - YAML front matter, if a section file has any;
 * - the `# ` marker of each section's heading line, and the whole `# Introduction` heading of
 *   the first section (the article's opening paragraph has no heading of its own);
 * - the `**…**` around a bullet's lead-in (`- **Military collaboration:** …`) — only at the
 *   start of a bullet, so the author's stray `**` elsewhere survives;
 * - the leading `|` of a table row, and table separator rows (on both sides, since the
 *   article writes them `---|---|` and the deck `| --- | --- |`).
 *
 * The article's own plain-text structure is the same in both and so is compared, not
 * stripped: `- ` bullet markers and the inner and trailing table pipes (cell boundaries).
 * A paragraph turned into a bullet, or a word moved to another table cell, fails the test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT_DIR = path.join(ROOT, 'test', 'fixtures', 'decks');
const ARTICLES_DIR = path.join(ROOT, 'test', 'fixtures', 'articles');

/** Deck folder → the article it is made from. */
const DECKS: Record<string, string> = {
  'russia-north-korea-treaty': 'russia-north-korea-treaty.txt',
  'us-policy-response': 'us-policy-response.txt',
};

/** Same pattern the deck loader uses for section files. */
const SECTION_FILE = /^\d{2,}-[a-z0-9][a-z0-9-]*\.md$/;
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;
const HEADING = /^# (?=\S)/;
const INTRODUCTION_HEADING = '# Introduction';
/** `- **Lead-in:** text` → `- Lead-in: text` (the colon is inside the bold). */
const BOLD_LEAD_IN = /^- \*\*([^*]+?:)\*\*(?=\s)/;
const DECK_TABLE_SEPARATOR = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/;
const ARTICLE_TABLE_SEPARATOR = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$/;

interface Section {
  name: string;
  text: string;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function readSections(deck: string): Section[] {
  const dir = path.join(CONTENT_DIR, deck);
  return readdirSync(dir)
    .filter((name) => SECTION_FILE.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

function bodyLines(text: string): string[] {
  return text.replace(FRONT_MATTER, '').split(/\r?\n/);
}

function firstNonBlank(lines: string[]): number {
  return lines.findIndex((l) => l.trim() !== '');
}

/** A section file with the added Markdown taken out again. */
function stripAddedMarkdown(section: Section, isFirst: boolean): string {
  const lines = bodyLines(section.text);
  const headingAt = firstNonBlank(lines);
  return lines
    .flatMap((line, i) => {
      if (i === headingAt) {
        if (isFirst && line.trimEnd() === INTRODUCTION_HEADING) return [];
        return [line.replace(HEADING, '')];
      }
      if (DECK_TABLE_SEPARATOR.test(line)) return [];
      if (line.startsWith('|')) return [line.slice(1)];
      return [line.replace(BOLD_LEAD_IN, '- $1')];
    })
    .join('\n');
}

function articleText(file: string): string {
  return readFileSync(path.join(ARTICLES_DIR, file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => !ARTICLE_TABLE_SEPARATOR.test(line))
    .join('\n');
}

describe.each(Object.entries(DECKS))('content/%s', (deck, article) => {
  const sections = readSections(deck);

  it('has section files', () => {
    expect(sections.length).toBeGreaterThan(1);
  });

  it('starts every section file with a `# ` heading', () => {
    for (const section of sections) {
      const lines = bodyLines(section.text);
      const first = lines[firstNonBlank(lines)] ?? '';
      expect(first, section.name).toMatch(HEADING);
    }
  });

  it('opens with the added `# Introduction` and otherwise uses the author’s heading lines', () => {
    const sourceLines = new Set(readFileSync(path.join(ARTICLES_DIR, article), 'utf8').split(/\r?\n/));
    sections.forEach((section, i) => {
      const lines = bodyLines(section.text);
      const heading = lines[firstNonBlank(lines)]?.trimEnd() ?? '';
      if (i === 0) expect(heading, section.name).toBe(INTRODUCTION_HEADING);
      else expect(sourceLines.has(heading.replace(HEADING, '')), `${section.name}: ${heading}`).toBe(true);
    });
  });

  it(`keeps every word of ${article}, in order`, () => {
    const deckWords = words(sections.map((s, i) => stripAddedMarkdown(s, i === 0)).join('\n'));
    const sourceWords = words(articleText(article));
    expect(deckWords).toEqual(sourceWords);
  });
});
