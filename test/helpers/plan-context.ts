import path from 'node:path';
import type { Run, TableBlock } from '../../src/model/article.js';
import type { Theme } from '../../src/model/theme.js';
import type { PlanContext } from '../../src/plan/context.js';
import { layoutsOf } from '../../src/theme/layouts-of.js';
import { loadTheme } from '../../src/theme/load-theme.js';
import { ROOT } from './cli.js';

/** What the planner works in for a shipped theme: its layouts and fonts, no images, no banners. */
export async function planContext(
  name = 'briefing-light',
  change: (t: Theme) => Theme = (t) => t,
): Promise<PlanContext> {
  const r = await loadTheme(path.join(ROOT, 'themes'), name);
  if (!r.theme || !r.fonts) throw new Error(`cannot load ${name}: ${JSON.stringify(r.diagnostics)}`);
  const theme = change(r.theme);
  const layouts = layoutsOf(theme);
  return {
    theme,
    layouts,
    fonts: r.fonts,
    images: new Map(),
    safe: { top: 0, bottom: layouts.size.h },
    diagnostics: [],
  };
}

const at = { file: 'content/test/01-a.md', line: 3, column: 1 };
const cell = (text: string): Run[] => [{ text }];

/** A table block as the parser gives it: a header and body rows of plain text. */
export function tableBlock(header: string[], rows: string[][]): TableBlock {
  return {
    type: 'table',
    align: header.map(() => null),
    header: header.map(cell),
    rows: rows.map((r) => r.map(cell)),
    position: at,
    rowPositions: rows.map((_, i) => ({ ...at, line: at.line + 2 + i })),
  };
}
