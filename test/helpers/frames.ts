import path from 'node:path';
import type { Run } from '../../src/model/article.js';
import type { Paragraph, TextFrame } from '../../src/model/text-frame.js';
import type { Theme } from '../../src/model/theme.js';
import { textFrame, type FrameOptions } from '../../src/plan/frames.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { ROOT } from './cli.js';

/** A shipped theme, with fonts and spacing changed for a test. */
export async function theme(
  name = 'briefing-light',
  change: { face?: string; lineSpacing?: number; paragraphSpacing?: number } = {},
): Promise<Theme> {
  const r = await loadTheme(path.join(ROOT, 'themes'), name);
  if (!r.theme) throw new Error(`cannot load ${name}: ${JSON.stringify(r.diagnostics)}`);
  const t = r.theme;
  return {
    ...t,
    fonts: change.face ? { ...t.fonts, heading: change.face, body: change.face } : t.fonts,
    lineSpacing: change.lineSpacing ?? t.lineSpacing,
    paragraphSpacing: change.paragraphSpacing ?? t.paragraphSpacing,
  };
}

export const para = (...runs: (string | Run)[]): Paragraph => ({
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
  level: 0,
  bullet: 'none',
});
export const bullet = (level: number, ...runs: (string | Run)[]): Paragraph => ({
  ...para(...runs),
  level,
  bullet: 'disc',
});

/** A frame the planner would make: `width` wide, as tall as `height` (unbounded by default). */
export function frame(t: Theme, paragraphs: Paragraph[], width: number, o: FrameOptions, height = Infinity): TextFrame {
  return textFrame(t, paragraphs, { x: 0, y: 0, w: width, h: height }, o);
}
