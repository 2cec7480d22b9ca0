import { describe, expect, it } from 'vitest';
import { parseChartNumber } from '../../src/content/chart-number.js';
import { markdownToBlocks } from '../../src/content/markdown-to-blocks.js';
import type { TableBlock } from '../../src/model/article.js';

const TABLE = [
  '| Year | Russia | DPRK | Third-country |',
  '|------|-------:|-----:|--------------:|',
  '| 2021 |     12 |   30 |             4 |',
  '| 2022 |  1,200 |      |           (9) |',
  '| 2023 |     67 |   35 |            −22 |',
].join('\n');

const parse = (md: string) => markdownToBlocks(md, 'content/d/01-a.md', 1);
const tableOf = (md: string) => parse(md).blocks.find((b): b is TableBlock => b.type === 'table')!;

describe('figures as analysts write them', () => {
  it.each([
    ['1,200', 1200, ''],
    ['1 200', 1200, ''],
    ['1\u202f200.5', 1200.5, ''],
    ['12.5%', 12.5, '%'],
    ['$3.4bn', 3.4, '$bn'],
    ['−5', -5, ''],
    ['-5', -5, ''],
    ['(5)', -5, ''],
    ['($1,200)', -1200, '$'],
    ['0.25', 0.25, ''],
    ['.5', 0.5, ''],
    ['+7', 7, ''],
    ['40 kt', 40, 'kt'],
  ])('%s is %d %s', (cell, value, unit) => {
    expect(parseChartNumber(cell)).toEqual({ value, unit });
  });

  it('an empty cell is a missing value', () => {
    expect(parseChartNumber('  ')).toEqual({ value: null, unit: '' });
  });

  it.each(['n/a', '1,20', '12,5', '1.2.3', '--5', '(−5)', 'about 5', '5 apples', '$'])('%s is not a number', (cell) => {
    expect(parseChartNumber(cell)).toHaveProperty('error');
  });
});

describe('the caption line below a table', () => {
  it('after a blank line: a chart with its kind, series, categories and values', () => {
    const r = parse(
      `${TABLE}\n\n: Designations per year, by target {chart=column unit="cases" y-title="Designations"}\n`,
    );
    expect(r.diagnostics).toEqual([]);
    const t = r.blocks[0] as TableBlock;
    expect(r.blocks).toHaveLength(1);
    expect(t.caption?.text).toBe('Designations per year, by target');
    expect(t.chart).toEqual({
      kind: 'column',
      title: 'Designations per year, by target',
      categories: ['2021', '2022', '2023'],
      series: [
        { name: 'Russia', values: [12, 1200, 67] },
        { name: 'DPRK', values: [30, null, 35] },
        { name: 'Third-country', values: [4, -9, -22] },
      ],
      unit: 'cases',
      yTitle: 'Designations',
      xTitle: 'Year',
    });
  });

  it('right under the last row: the caption is not taken as one more row', () => {
    const t = tableOf(`${TABLE}\n: Designations {chart=line}\n`);
    expect(t.rows).toHaveLength(3);
    expect(t.rowPositions).toHaveLength(3);
    expect(t.chart?.kind).toBe('line');
    expect(t.caption?.text).toBe('Designations');
  });

  it('without chart= it is the table caption, and the table stays a table', () => {
    const t = tableOf(`${TABLE}\n\n: Designations per year\n`);
    expect(t.caption).toMatchObject({ text: 'Designations per year', attrs: {} });
    expect(t.chart).toBeUndefined();
  });

  it('a paragraph after a table that is not a caption stays a paragraph', () => {
    const r = parse(`${TABLE}\n\nThe figures rose.\n`);
    expect(r.blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
    expect((r.blocks[0] as TableBlock).caption).toBeUndefined();
  });

  it('the unit comes from the cells when the caption has none', () => {
    const md = '| Quarter | Share |\n|---|---|\n| Q1 | 12.5% |\n| Q2 | 14% |\n\n: Share {chart=pie}\n';
    expect(tableOf(md).chart).toMatchObject({ unit: '%', series: [{ name: 'Share', values: [12.5, 14] }] });
  });

  it('x-title= names the category axis in place of the first column’s header', () => {
    expect(tableOf(`${TABLE}\n\n: D {chart=bar x-title="Calendar year"}\n`).chart?.xTitle).toBe('Calendar year');
  });

  it('an unknown attribute is a warning at its value; the chart is still drawn', () => {
    const r = parse(`${TABLE}\n\n: D {chart=bar colour=red}\n`);
    expect(r.diagnostics.map((d) => `${d.position.line}:${d.position.column} ${d.severity} ${d.code}`)).toEqual([
      '7:23 warning chart-attribute',
    ]);
    expect((r.blocks[0] as TableBlock).chart?.kind).toBe('bar');
  });

  it('a malformed attribute list is an error at its column', () => {
    const r = parse(`${TABLE}\n\n: D {chart=bar "oops"}\n`);
    expect(r.diagnostics.map((d) => `${d.position.line}:${d.position.column} ${d.severity} ${d.code}`)).toEqual([
      '7:16 error caption-attributes',
    ]);
  });

  it('scatter takes the first column as numbers', () => {
    const md = '| Tonnes | Price |\n|---|---|\n| 1,000 | 5 |\n| 2,500 | 7 |\n\n: Price by volume {chart=scatter}\n';
    expect(tableOf(md).chart).toMatchObject({ kind: 'scatter', xValues: [1000, 2500] });
  });
});

describe('errors at the cell or attribute that is wrong', () => {
  const at = (md: string) =>
    parse(md).diagnostics.map((d) => `${d.position.line}:${d.position.column} ${d.severity} ${d.code}`);

  it('a cell that is not a number, naming the cell and what was expected', () => {
    const md = TABLE.replace('|   35 |', '|  n/a |');
    const r = parse(`${md}\n\n: Designations {chart=column}\n`);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'chart-not-a-number',
      position: { line: 5, column: 20 },
    });
    expect(r.diagnostics[0].message).toContain('`n/a` in DPRK · 2023');
    expect(r.diagnostics[0].message).toContain('expected a number');
    expect((r.blocks[0] as TableBlock).chart).toBeUndefined();
  });

  it('mixed units in one series', () => {
    const md = '| Q | Share |\n|---|---|\n| Q1 | 12.5% |\n| Q2 | $14 |\n\n: Share {chart=column}\n';
    expect(at(md)).toEqual(['4:8 error chart-mixed-units']);
  });

  it('a unit that differs from the caption’s', () => {
    const md = '| Q | Share |\n|---|---|\n| Q1 | 12.5% |\n| Q2 | 14 |\n\n: Share {chart=column unit="$"}\n';
    expect(at(md)).toEqual(['3:8 error chart-mixed-units']);
  });

  it('no series', () => {
    expect(at('| Year |\n|---|\n| 2021 |\n\n: Years {chart=bar}\n')).toEqual(['5:3 error chart-no-series']);
  });

  it('an unknown kind, at its value', () => {
    const r = parse(`${TABLE}\n\n: Designations {chart=columns}\n`);
    expect(r.diagnostics.map((d) => `${d.position.line}:${d.position.column} ${d.code}`)).toEqual(['7:23 chart-kind']);
    expect(r.diagnostics[0].message).toContain('`stacked-column`');
  });

  it('more than 12 series or 60 categories is a warning, and the chart is still drawn', () => {
    const head = `| K | ${Array.from({ length: 13 }, (_, i) => `S${i}`).join(' | ')} |`;
    const rows = Array.from({ length: 61 }, (_, r) => `| c${r} | ${Array(13).fill('1').join(' | ')} |`);
    const md = [head, `|---|${Array(13).fill('---').join('|')}|`, ...rows, '', ': Many {chart=line}', ''].join('\n');
    const r = parse(md);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([
      'warning chart-too-many-series',
      'warning chart-too-many-categories',
    ]);
    expect((r.blocks[0] as TableBlock).chart?.series).toHaveLength(13);
  });
});
