import type PptxGenJS from 'pptxgenjs';
import type { Run } from '../model/article.js';
import type { Insets, Paragraph, TextFrame } from '../model/text-frame.js';
import type { Theme } from '../model/theme.js';
import { colorRef, hexOf } from './colors.js';
import { splitByLanguage } from './language.js';
import { place } from './units.js';
import { emu, esc as escapeAttr, xmlSafe } from './package/xml.js';

type TextProps = PptxGenJS.TextProps;
type TextPropsOptions = PptxGenJS.TextPropsOptions;

/** A text frame as pptxgenjs takes it: the runs and the text box options. */
export interface FrameText {
  runs: TextProps[];
  options: TextPropsOptions & PptxGenJS.PositionProps;
}

/**
 * The one place a planned text frame is written: its box, insets, anchor,
 * autofit, size, colour, alignment, line and paragraph spacing, and per
 * paragraph its bullet and indent, exactly as `measureFrame` measured them.
 * Colours are written as theme colours where the theme has them, and the
 * face is left to the theme when it is the theme's (placeholders and text
 * boxes inherit it), so a briefer who changes the theme in PowerPoint
 * restyles the deck. A frame that fills a placeholder is marked for the
 * package stage, which turns the shape into it (pptxgenjs's own placeholders
 * take the layout's geometry over the planned one). Runs are tagged with
 * their language by script, the deck's `language` for Latin text. The
 * renderer and every test deck write frames through this.
 */
export function frameToText(f: TextFrame, theme: Theme, language: string): FrameText {
  const level = f.levels[0];
  const options: FrameText['options'] = {
    ...place(f.box),
    ...(f.face === f.inheritedFace ? {} : { fontFace: f.face }),
    fontSize: level.size,
    color: colorRef(f.ink ?? hexOf(f.color, theme), theme),
    italic: f.italic,
    bold: f.bold,
    align: f.align,
    valign: f.anchor,
    margin: pptxMargin(f.insets),
    lineSpacingMultiple: level.lineSpacing,
    paraSpaceAfter: level.spaceAfter,
    ...(level.spaceBefore ? { paraSpaceBefore: level.spaceBefore } : {}),
    fit: f.autofit === 'shrink' ? 'shrink' : 'none',
    wrap: true,
  };
  return { runs: paragraphsToRuns(f.paragraphs, f, theme, language), options };
}

/**
 * How the renderer names a frame's shape (`__briefdeck-frame:3`, the slide's
 * fourth frame) for the package stage, which turns it into its placeholder
 * and writes its paragraph properties (pptxgenjs can write neither: its
 * placeholders take the layout's geometry over the planned one, and it
 * derives every level's margin from one indent).
 */
export const FRAME_MARK = '__briefdeck-frame:';

/**
 * Insets as pptxgenjs's text `margin` array. pptxgenjs 4.0.1 reads the array
 * as [left, right, bottom, top] (`lIns = margin[0]`, `rIns = margin[1]`,
 * `bIns = margin[2]`, `tIns = margin[3]`), in points.
 */
export const pptxMargin = (i: Insets): [number, number, number, number] => [i.left, i.right, i.bottom, i.top];

/**
 * Paragraphs → pptxgenjs runs. Paragraph options go on the first run only
 * (pptxgenjs starts a paragraph at every run with `bullet`), and paragraphs
 * end with `breakLine`. The post-pass removes the extra `<a:pPr>` pptxgenjs
 * writes before later runs.
 */
export function paragraphsToRuns(
  ps: readonly Paragraph[],
  f: Pick<TextFrame, 'levels' | 'monoFace'>,
  theme: Theme,
  language: string,
  base: TextPropsOptions = {},
): TextProps[] {
  const out: TextProps[] = [];
  ps.forEach((p, i) => {
    // A run in two scripts is written as two runs, each tagged with its language.
    const runs = (p.runs.length > 0 ? p.runs : [{ text: '' }]).flatMap((r) =>
      splitByLanguage(r.text, language).map((piece, k): Run & { lang: string } => ({
        ...r,
        text: piece.text,
        lang: piece.lang,
        ...(k > 0 ? { breakBefore: false } : {}),
      })),
    );
    const st = f.levels[Math.min(p.level, f.levels.length - 1)];
    // A level of another size than the first (a template's second level) carries its size on its runs.
    const sized = st && f.levels[0] && st.size !== f.levels[0].size ? { fontSize: st.size } : {};
    runs.forEach((r, j) => {
      const options: TextPropsOptions = { ...base, ...sized, ...runStyle(r, f.monoFace, theme), lang: r.lang };
      if (j === 0) Object.assign(options, paragraphOptions(p, ps, i, f));
      if (j > 0 && r.breakBefore) options.softBreakBefore = true;
      if (j === runs.length - 1 && i < ps.length - 1) options.breakLine = true;
      out.push({ text: xmlSafe(r.text), options });
    });
  });
  return out;
}

function runStyle(r: Run, monoFace: string, theme: Theme): TextPropsOptions {
  const o: TextPropsOptions = {};
  if (r.bold) o.bold = true;
  if (r.italic) o.italic = true;
  if (r.strike) o.strike = 'sngStrike';
  if (r.code) o.fontFace = monoFace;
  if (r.superscript) o.superscript = true;
  if (r.href) {
    o.hyperlink = { url: r.href };
    o.color = colorRef(theme.colors.link, theme);
  }
  return o;
}

/**
 * pptxgenjs's paragraph options (the package stage writes the real `a:pPr`, `paragraphPropsXml`; these keep its runs
 * grouped into the same paragraphs).
 */
function paragraphOptions(
  p: Paragraph,
  all: readonly Paragraph[],
  i: number,
  f: Pick<TextFrame, 'levels'>,
): TextPropsOptions {
  if (p.bullet === 'none') return { bullet: false };
  const st = f.levels[Math.min(p.level, f.levels.length - 1)];
  const hang = -st.indent;
  const o: TextPropsOptions = { indentLevel: p.level };
  if (p.bullet === 'disc') o.bullet = { indent: hang };
  else o.bullet = { type: 'number', indent: hang, numberStartAt: runStart(all, i) };
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

const ALGN = { left: 'l', center: 'ctr', right: 'r' } as const;
const hex = (ch: string) => `&#x${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')};`;

/**
 * Each paragraph's `a:pPr`, from the level style it was measured with: its
 * alignment, level, left margin and hanging indent, line spacing, spacing
 * before and after, and bullet (character, number with its start, or none;
 * a paragraph without a bullet starts at the inset). The package stage puts
 * these in place of pptxgenjs's, which cannot give each level its own margin.
 */
export function paragraphPropsXml(f: TextFrame): string[] {
  return f.paragraphs.map((p, i) => {
    const st = f.levels[Math.min(p.level, f.levels.length - 1)];
    const lvl = p.level > 0 ? ` lvl="${p.level}"` : '';
    const margins = p.bullet === 'none' ? ' indent="0" marL="0"' : ` marL="${emu(st.marL)}" indent="${emu(st.indent)}"`;
    const spacing =
      `<a:lnSpc><a:spcPct val="${Math.round(st.lineSpacing * 100000)}"/></a:lnSpc>` +
      (st.spaceBefore > 0 ? `<a:spcBef><a:spcPts val="${Math.round(st.spaceBefore * 100)}"/></a:spcBef>` : '') +
      (st.spaceAfter > 0 ? `<a:spcAft><a:spcPts val="${Math.round(st.spaceAfter * 100)}"/></a:spcAft>` : '');
    const bullet =
      p.bullet === 'none'
        ? '<a:buNone/>'
        : p.bullet === 'disc'
          ? `<a:buSzPct val="${Math.round((st.bulletSize ?? 1) * 100000)}"/>${st.bulletFont ? `<a:buFont typeface="${escapeAttr(st.bulletFont)}"/>` : ''}<a:buChar char="${hex(st.bulletChar)}"/>`
          : `<a:buSzPct val="100000"/><a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="${runStart(f.paragraphs, i)}"/>`;
    return `<a:pPr algn="${ALGN[f.align]}"${lvl}${margins}>${spacing}${bullet}</a:pPr>`;
  });
}
