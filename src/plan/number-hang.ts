import type { LevelStyle, Paragraph } from '../model/text-frame.js';

/**
 * Widths in em that no common face exceeds: a figure (tabular figures are
 * about 0.55 em; Verdana's are 0.64 em), the period after it, and the gap
 * PowerPoint leaves before the text.
 */
const FIGURE_EM = 0.64;
const PERIOD_EM = 0.36;
const GAP_EM = 0.4;

/**
 * The levels with room for their numbers: a numbered level whose hang is
 * narrower than its widest number (`10.` in a ten-item agenda) plus a gap
 * hangs further, its text moved right by as much, so a number never runs
 * into its text ("1.Introduction"). Levels without numbers are unchanged.
 */
export function withNumberRoom(levels: LevelStyle[], paragraphs: readonly Paragraph[]): LevelStyle[] {
  const widest = new Map<number, number>();
  paragraphs.forEach((p, i) => {
    if (p.bullet !== 'number') return;
    const level = Math.min(p.level, levels.length - 1);
    const n = p.number ?? i + 1;
    widest.set(level, Math.max(widest.get(level) ?? 0, n));
  });
  if (widest.size === 0) return levels;
  return levels.map((l, k) => {
    const n = widest.get(k);
    if (n === undefined) return l;
    const need = (String(Math.max(1, n)).length * FIGURE_EM + PERIOD_EM + GAP_EM) * l.size;
    const hang = -l.indent;
    if (hang >= need) return l;
    const more = Math.round((need - hang) * 100) / 100;
    return { ...l, marL: l.marL + more, indent: l.indent - more };
  });
}
