import type PptxGenJS from 'pptxgenjs';
import type { Run } from '../model/article.js';
import type { Paragraph, TextFrame } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { BULLET_INDENT, INSET } from '../plan/geometry.js';
import { pptxMargin } from '../plan/measure/text-box.js';
import { xmlSafe } from './units.js';

type TextProps = PptxGenJS.TextProps;
type TextPropsOptions = PptxGenJS.TextPropsOptions;

/**
 * Paragraphs → pptxgenjs runs. Paragraph options go on the first run only
 * (pptxgenjs starts a paragraph at every run with `bullet`), and paragraphs
 * end with `breakLine`. The post-pass removes the extra `<a:pPr>` pptxgenjs
 * writes before later runs.
 */
export function paragraphsToRuns(ps: readonly Paragraph[], theme: Theme, base: TextPropsOptions = {}): TextProps[] {
  const out: TextProps[] = [];
  ps.forEach((p, i) => {
    const runs: Run[] = p.runs.length > 0 ? p.runs : [{ text: '' }];
    runs.forEach((r, j) => {
      const options: TextPropsOptions = { ...base, ...runStyle(r, theme) };
      if (j === 0) Object.assign(options, paragraphOptions(p, ps, i));
      if (j > 0 && r.breakBefore) options.softBreakBefore = true;
      if (j === runs.length - 1 && i < ps.length - 1) options.breakLine = true;
      out.push({ text: xmlSafe(r.text), options });
    });
  });
  return out;
}

function runStyle(r: Run, theme: Theme): TextPropsOptions {
  const o: TextPropsOptions = {};
  if (r.bold) o.bold = true;
  if (r.italic) o.italic = true;
  if (r.strike) o.strike = 'sngStrike';
  if (r.code) o.fontFace = theme.fonts.mono;
  if (r.href) {
    o.hyperlink = { url: r.href };
    o.color = theme.colors.link;
  }
  return o;
}

function paragraphOptions(p: Paragraph, all: readonly Paragraph[], i: number): TextPropsOptions {
  if (p.bullet === 'none') return { bullet: false };
  const o: TextPropsOptions = { indentLevel: p.level };
  if (p.bullet === 'disc') o.bullet = { indent: BULLET_INDENT };
  else o.bullet = { type: 'number', indent: BULLET_INDENT, numberStartAt: runStart(all, i) };
  return o;
}

/**
 * PowerPoint numbers consecutive auto-numbered paragraphs of one level from
 * the `startAt` of the run: give every paragraph of a run the run's first
 * number, so a list continued from the previous slide starts where it left off.
 */
function runStart(all: readonly Paragraph[], i: number): number {
  const level = all[i].level;
  let k = i;
  while (k > 0) {
    const prev = all[k - 1];
    if (prev.level > level) k--;
    else if (prev.level === level && prev.bullet === 'number') k--;
    else break;
  }
  while (all[k].level !== level || all[k].bullet !== 'number') k++;
  return all[k].number ?? 1;
}

/** Options every measured text box shares: the planner's insets, spacing and a fixed size. */
export function frameOptions(f: TextFrame, theme: Theme, face: string): TextPropsOptions & PptxGenJS.TextPropsOptions {
  const color = f.color === 'muted' ? theme.colors.muted : f.color === 'accent' ? theme.colors.accent : f.color === 'title' ? theme.colors.title : theme.colors.text;
  return {
    fontFace: face,
    fontSize: f.fontSize,
    color,
    italic: f.italic,
    align: f.align ?? 'left',
    valign: 'top',
    margin: pptxMargin(INSET),
    lineSpacingMultiple: theme.lineSpacing,
    paraSpaceAfter: theme.paragraphSpacing,
    fit: 'none',
    wrap: true,
  };
}
