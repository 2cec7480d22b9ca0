/**
 * pptxgenjs runs, under the tests as in the CLI, with the modules
 * scripts/aliases.mjs swaps: its parts go to our collector.
 */
import pptxgen from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import PartCollector from '../../src/render/package/part-collector.js';

describe('pptxgenjs with the aliases of scripts/aliases.mjs', () => {
  it('writes its parts to the collector, in the order it wrote them', async () => {
    const p = new pptxgen();
    p.addSlide().addText('one', { x: 1, y: 1, w: 3, h: 1 });
    const written: unknown = await p.write({ outputType: 'uint8array' });
    expect(written).toBeInstanceOf(PartCollector);
    const names = [...(written as PartCollector).parts.keys()];
    expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    expect(names).toContain('ppt/slides/slide1.xml');
  });
});
