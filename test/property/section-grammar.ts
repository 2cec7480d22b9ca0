import fc from 'fast-check';

/**
 * Whole sections from a grammar of what a section can hold (issue 18): lists nested up to 8 levels mixing bullets
 * and numbers, loose and tight; fenced and indented code blocks (with blank lines) inside list items and quotes;
 * tables with empty, escaped and ragged cells; headings and HTML inside lists; emphasis, links and images; odd
 * characters (tabs, VT, FF, U+2028/9, NUL and C0, lone surrogates, combining marks, RTL, emoji) and words longer
 * than a line.
 */
const ODD = [
  '\t',
  '\u000b',
  '\u000c',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u0001',
  '\u001f',
  '\ud800',
  '\udc00',
  'e\u0301',
  'العربية',
  'עברית',
  '中文字',
  'かな',
  '👩‍👩‍👧',
  '🇺🇳',
  '&amp;',
  '&copy;',
  '\\*',
  '\\|',
  '\\_',
  '<',
  '"',
  "'",
  'İ',
];
const WORDS = ['sanctions', 'alliance', 'treaty', 'ministry', 'network', 'oversight', 'corridor', 'maritime'];

const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.integer({ min: 40, max: 300 }).map((n) => 'x'.repeat(n)) },
);
const styled = fc.oneof(
  { weight: 10, arbitrary: word },
  { weight: 2, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 2, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `~~${w}~~`) },
  { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((w) => `\`${w}\``) },
  { weight: 1, arbitrary: fc.tuple(word, fc.nat(99)).map(([w, n]) => `[${w}](https://example.org/${n})`) },
  { weight: 1, arbitrary: fc.constant('<span>html</span>') },
  { weight: 1, arbitrary: fc.constant('<br>') },
  { weight: 1, arbitrary: fc.constant('**unclosed') },
);
/** One line of inline text (no line break Markdown would see). */
export const inline = fc.array(styled, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' ').trim() || 'x');

const codeLines = fc.array(fc.oneof(inline, fc.constant('')), { minLength: 1, maxLength: 5 });
const fenced = codeLines.map((ls) => ['```', ...ls.map((l) => l.replace(/`/g, "'")), '```']);
const indentedCode = codeLines.map((ls) => ['', ...ls.map((l) => (l === '' ? '' : `    ${l.trim() || 'x'}`)), '']);
const cell = fc.oneof({ weight: 4, arbitrary: inline }, { weight: 1, arbitrary: fc.constant('') });
const table = fc
  .tuple(
    fc.array(cell, { minLength: 1, maxLength: 4 }),
    fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
  )
  .map(([head, rows]) => [
    `| ${head.map((c) => c.replace(/\|/g, '\\|') || ' ').join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
  ]);
// images/map.png exists in the generated deck (section-property.ts); a missing image is an error, so it is rare.
const image = fc.oneof(
  { weight: 6, arbitrary: inline.map((t) => `![${t.replace(/[[\]\\]/g, '')}](images/map.png)`) },
  { weight: 1, arbitrary: fc.constant('![](nowhere.svg "title")') },
);

const indent = (lines: string[], n: number) => lines.map((l) => (l === '' ? '' : `${' '.repeat(n)}${l}`));

const { list } = fc.letrec<{ list: string[]; item: string[] }>((tie) => ({
  item: fc
    .tuple(
      inline,
      fc.array(
        fc.oneof(
          // Past 8 levels of lists, fast-check takes the first (not recursive) choice.
          { maxDepth: 7, depthIdentifier: 'list' },
          { weight: 2, arbitrary: fenced },
          { weight: 3, arbitrary: tie('list') },
          { weight: 2, arbitrary: indentedCode },
          { weight: 1, arbitrary: inline.map((t) => [`## ${t}`]) },
          { weight: 1, arbitrary: fc.constant(['<div>html in a list</div>']) },
          { weight: 1, arbitrary: inline.map((t) => [t]) },
        ),
        { maxLength: 2, depthIdentifier: 'list' },
      ),
    )
    .map(([first, kids]) => [first, ...kids.flatMap((k) => ['', ...k])]),
  list: fc
    .tuple(
      fc.array(tie('item'), { minLength: 1, maxLength: 4, depthIdentifier: 'list' }),
      fc.boolean(),
      fc.constantFrom('-', '*', '+', '1.', '1)'),
    )
    .map(([items, loose, marker]) =>
      items.flatMap((lines, i) => {
        const m = marker.endsWith('.') || marker.endsWith(')') ? `${i + 1}${marker.slice(1)}` : marker;
        const pad = m.length + 1;
        return [...(loose && i > 0 ? [''] : []), `${m} ${lines[0]}`, ...indent(lines.slice(1), pad)];
      }),
    ),
}));

const boundedList = list;

const quote = fc
  .oneof(
    inline.map((t) => [t]),
    fenced,
    indentedCode,
    boundedList,
  )
  .map((ls) => ls.map((l) => (l === '' ? '>' : `> ${l}`)));

const block = fc.oneof(
  { weight: 4, arbitrary: inline.map((t) => [t]) },
  { weight: 4, arbitrary: boundedList },
  { weight: 2, arbitrary: fenced },
  { weight: 1, arbitrary: indentedCode },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: quote },
  { weight: 1, arbitrary: inline.map((t) => [`### ${t}`]) },
  { weight: 1, arbitrary: image.map((i) => [i]) },
);

/** A whole section file: a heading, then blocks separated by blank lines. */
export const section = fc
  .tuple(fc.constantFrom(...WORDS), fc.array(block, { minLength: 1, maxLength: 6 }))
  .map(([title, blocks]) => `# ${title}\n\n${blocks.map((b) => b.join('\n')).join('\n\n')}\n`);
