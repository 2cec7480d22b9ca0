import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { markdownToBlocks } from '../../src/content/markdown-to-blocks.js';
import { CHART_KINDS } from '../../src/model/chart.js';
import type { TableBlock } from '../../src/model/article.js';
import { ROOT } from '../helpers/cli.js';

it('every example in docs/charts.md is a chart that parses without a problem, one per kind', () => {
  const doc = readFileSync(path.join(ROOT, 'docs', 'charts.md'), 'utf8');
  const examples = [...doc.matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1]);
  const kinds = examples.map((md) => {
    const r = markdownToBlocks(md, 'docs/charts.md', 1);
    expect(r.diagnostics, md).toEqual([]);
    const t = r.blocks.find((b): b is TableBlock => b.type === 'table');
    expect(t?.chart, md).toBeDefined();
    return t!.chart!.kind;
  });
  expect(kinds.slice(1)).toEqual([...CHART_KINDS]);
});
