import PptxGenJS from 'pptxgenjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { repairChart } from '../../src/render/package/chart-parts.js';
import { readZip } from '../../src/util/zip.js';
import { chartProblems } from '../helpers/chart-check.js';
import { formatValidation, validatePptx } from '../helpers/ooxml.js';
import { checkPackage } from '../helpers/package-check.js';
import { pptxgenjsZip } from '../helpers/pptxgenjs-zip.js';
import { parseXml } from '../helpers/xml.js';

/*
 * The chart parts pptxgenjs 4.0.1 writes have known PowerPoint repair triggers. Each is made here in raw pptxgenjs
 * output, the package check is shown to catch it, and the package stage's repair is shown to remove it.
 */
const LABELS = ['2021', '2022', '2023'];
const BOX = { x: 1, y: 1, w: 8, h: 4 };

async function raw(add: (p: PptxGenJS, s: PptxGenJS.Slide) => void): Promise<Uint8Array> {
  const p = new PptxGenJS();
  add(p, p.addSlide());
  return pptxgenjsZip(p);
}

const chartXml = (bytes: Uint8Array) =>
  readZip(bytes)
    .filter((e) => /^ppt\/charts\/chart\d+\.xml$/.test(e.name))
    .map((e) => ({ name: e.name, xml: new TextDecoder().decode(e.data) }));
const chartLines = (bytes: Uint8Array) => checkPackage(bytes).filter((l) => l.startsWith('ppt/charts/'));
const afterRepair = (bytes: Uint8Array) =>
  chartXml(bytes).flatMap(({ name, xml }) => chartProblems(name, parseXml(repairChart(xml, name), name)));

describe('pptxgenjs chart repair triggers, caught by the package check and repaired', () => {
  let bar: Uint8Array;
  let combo: Uint8Array;
  let pie: Uint8Array;
  let colours: Uint8Array;
  beforeAll(async () => {
    bar = await raw((p, s) =>
      s.addChart(p.ChartType.bar, [{ name: 'Russia', labels: LABELS, values: [12, 41, 67] }], {
        ...BOX,
        barDir: 'col',
      }),
    );
    combo = await raw((p, s) =>
      s.addChart(
        [
          { type: p.ChartType.bar, data: [{ name: 'one', labels: LABELS, values: [1, 2, 3] }], options: {} },
          { type: p.ChartType.line, data: [{ name: 'two', labels: LABELS, values: [3, 2, 1] }], options: {} },
        ] as unknown as PptxGenJS.CHART_NAME,
        BOX as unknown as PptxGenJS.OptsChartData[],
      ),
    );
    pie = await raw((p, s) =>
      s.addChart(
        p.ChartType.pie,
        [{ name: 'Share', labels: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], values: [1, 2, 3, 4, 5, 6, 7, 8] }],
        { ...BOX, chartColors: ['FF0000', '00FF00'] },
      ),
    );
    colours = await raw((p, s) =>
      s.addChart(
        p.ChartType.line,
        ['A', 'B', 'C'].map((name) => ({ name, labels: LABELS, values: [1, null as unknown as number, 3] })),
        { ...BOX, chartColors: ['accent1', 'accent2'], valGridLine: { color: 'bg2', style: 'solid', size: 1 } },
      ),
    );
  });

  it('#1534: a 2D bar chart lists a third axis id that names no axis (and fails dml-chart.xsd)', async () => {
    expect(chartLines(bar)).toEqual([
      expect.stringMatching(/^ppt\/charts\/chart\d+\.xml: barChart lists axis \d+, not written$/),
      expect.stringMatching(/barChart lists 3 axes, expected 2$/),
    ]);
    const schema = formatValidation(await validatePptx(bar));
    expect(schema).toMatch(/ppt\/charts\/chart\d+\.xml\n.*axId/);
    expect(afterRepair(bar)).toEqual([]);
  });

  it('#1013: a combination chart repeats the orphan axis in every group', () => {
    const lines = chartLines(combo);
    expect(lines.filter((l) => /(barChart|lineChart) lists axis \d+, not written/.test(l))).toHaveLength(2);
    expect(afterRepair(combo)).toEqual([]);
  });

  it('#588: fewer colours than slices or series give slices and series the same colour', () => {
    expect(chartLines(pie).some((l) => /slices \d and \d share the colour/.test(l))).toBe(true);
    const lines = chartLines(colours);
    expect(lines).toContainEqual(expect.stringMatching(/series 0 and 2 share the colour `schemeClr accent1`/));
    expect(afterRepair(pie)).toEqual([]);
    // Past the six accents a colour repeats in a darker shade, still by reference.
    const repaired = repairChart(chartXml(pie)[0].xml, 'pie');
    expect(repaired).toContain('<a:schemeClr val="accent1"><a:lumMod val="60000"/></a:schemeClr>');
  });

  it('a scheme name written as hex, and an empty value for a missing figure', () => {
    const lines = chartLines(colours);
    expect(lines).toContainEqual(expect.stringMatching(/colour `bg2` is not hex/));
    expect(lines).toContainEqual(expect.stringMatching(/point 1 has an empty value/));
    expect(afterRepair(colours)).toEqual([]);
  });
});
