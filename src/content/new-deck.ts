/**
 * The files of a new deck (`briefdeck new <slug>`), as data: a deck.yaml whose every key says what it does, and two
 * sections that show the elements an author uses most (bullets with a lead-in, a table, speaker notes). They pass
 * `check` with no warning, so the first problem an author sees is one of their own.
 */
export interface NewDeck {
  slug: string;
  /** `YYYY-MM-DD`: today, in the deck. */
  date: string;
  /** The theme deck.yaml names, and the ones there are (for its comment). */
  theme: string;
  themes: readonly string[];
}

export function newDeckFiles(d: NewDeck): Record<string, string> {
  const title = titleOf(d.slug);
  const others = d.themes.filter((t) => t !== d.theme);
  const themeNote = others.length ? `a theme in themes/ (also: ${others.join(', ')})` : 'a theme in themes/';
  return {
    'deck.yaml': [
      `# ${title}: the deck's settings. Only \`title\` is required; delete what you do not need.`,
      ...commented([
        [`title: "${title}"`, "the title slide, the file's title and the default mail subject"],
        ['subtitle: "What this briefing is for"', 'under the title on the title slide'],
        [`date: "${d.date}"`, 'YYYY-MM-DD, quoted: on the title slide, in every footer and the mail subject'],
        ['author: "Your name or unit"', 'on the title slide'],
        ['organization: "Your organisation"', 'in every footer'],
        [`theme: ${d.theme}`, themeNote],
        ['classification: UNCLASSIFIED', 'a banner at the top and bottom of every slide; delete the line for none'],
        ['language: en-GB', 'the language of the text: spelling, screen readers, how dates are written'],
        ['# email:', 'whom `briefdeck send` mails the deck to (uncomment to use)'],
        ['#   to: [briefing-list@example.org]', 'one address or a list'],
        ['#   cc: [analysts@example.org]', 'optional'],
        ['#   subject: "Weekly brief"', 'optional; else the title'],
      ]),
      '',
    ].join('\n'),
    '01-key-points.md': [
      '---',
      'notes: |',
      '  Front matter like this is optional. `notes` adds speaker notes to the',
      "  section's slides: what to say, not what to show.",
      '---',
      '# Key points',
      '',
      'A paragraph is not shown on the slide. It goes into the speaker notes of the slide it',
      'leads into, so the briefer has the full argument while the audience sees the points.',
      '',
      'What this briefing covers:',
      '',
      '- **Situation:** one line on what has happened and why it matters now.',
      '- **Assessment:** what we think will happen next.',
      '  - A nested point keeps its place under its parent.',
      '- **Recommendation:** what we propose, and who should act.',
      '',
    ].join('\n'),
    '02-figures.md': [
      '# Figures',
      '',
      'A pipe table becomes a native PowerPoint table. A long one continues on further',
      'slides with its header row repeated, and never runs off the slide.',
      '',
      'The figures at a glance:',
      '',
      '| Measure | Last quarter | This quarter | Change |',
      '| --- | ---: | ---: | :---: |',
      '| Exports | 120 | 135 | Up |',
      '| Imports | 98 | 91 | Down |',
      '| Reserves | 40 | 40 | Flat |',
      '',
    ].join('\n'),
  };
}

/** `key: value` lines with their comments lined up in one column. */
function commented(lines: [string, string][]): string[] {
  const width = Math.max(...lines.map(([l]) => l.length)) + 2;
  return lines.map(([l, c]) => `${l.padEnd(width)}# ${c}`);
}

/** `weekly-brief` → `Weekly Brief`. */
export function titleOf(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
