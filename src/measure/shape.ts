import * as hb from 'harfbuzzjs';
import type { ShapingFont } from './fonts.js';
import { missingGlyphEm } from './missing-glyph.js';
import { scriptRuns } from './script-runs.js';

/**
 * A text shaped in one font: its glyphs in logical order of their clusters,
 * each with the UTF-16 offset of the character it starts at and its advance
 * in font units (kerning included). Size-independent, so one shaping serves
 * every size the planner tries.
 */
export interface Shaped {
  readonly clusters: Int32Array;
  readonly advances: Float64Array;
  readonly unitsPerEm: number;
}

/** Shaped strings kept per font before the cache is dropped (bounds memory in long-lived processes). */
const MAX_CACHED = 20_000;
const cache = new Map<ShapingFont, Map<string, Shaped>>();
let cached = 0;
const buffer = new hb.Buffer();

/**
 * Shape `text` with HarfBuzz, the shaper LibreOffice uses, one script run at
 * a time (as LibreOffice itemizes text: no kerning across a change of
 * script), with the whole text as context. Two rules sit on top:
 * - a character the font has no glyph for is drawn by the renderer with a
 *   fallback font whose width we cannot know, so it is priced with the safe
 *   over-estimate of `missingGlyphEm`, never as .notdef's box;
 * - tabs, line feeds and carriage returns advance 0 here (the wrapper prices
 *   tab stops and forced breaks itself).
 */
export function shapeText(font: ShapingFont, text: string): Shaped {
  let byText = cache.get(font);
  if (!byText) cache.set(font, (byText = new Map()));
  const hit = byText.get(text);
  if (hit) return hit;
  const clusters: number[] = [];
  const advances: number[] = [];
  for (const run of scriptRuns(text)) {
    buffer.clearContents();
    buffer.addText(text, run.start, run.end - run.start);
    if (run.script) buffer.setScript(run.script);
    buffer.guessSegmentProperties();
    hb.shape(font.hbFont, buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    // Right-to-left runs come back in visual order; widths only need logical clusters.
    const reversed = infos.length > 1 && infos[0].cluster > infos[infos.length - 1].cluster;
    const at = (k: number) => (reversed ? infos.length - 1 - k : k);
    for (let k = 0; k < infos.length; k++) {
      const i = at(k);
      const cluster = infos[i].cluster;
      let advance = positions[i].xAdvance;
      if (infos[i].codepoint === 0) {
        // .notdef: price every character of the cluster once, for its first glyph.
        const first = k === 0 || infos[at(k - 1)].cluster !== cluster;
        let end = run.end;
        for (let j = k + 1; j < infos.length; j++) {
          if (infos[at(j)].cluster !== cluster) {
            end = infos[at(j)].cluster;
            break;
          }
        }
        advance = first ? missingWidth(text, cluster, end) * font.unitsPerEm : 0;
      }
      const c = text.charCodeAt(cluster);
      if (c === 9 || c === 10 || c === 13) advance = 0;
      clusters.push(cluster);
      advances.push(advance);
    }
  }
  const shaped: Shaped = {
    clusters: Int32Array.from(clusters),
    advances: Float64Array.from(advances),
    unitsPerEm: font.unitsPerEm,
  };
  if (++cached > MAX_CACHED) {
    for (const m of cache.values()) m.clear();
    cached = 0;
  }
  byText.set(text, shaped);
  return shaped;
}

function missingWidth(text: string, start: number, end: number): number {
  let em = 0;
  for (let k = start; k < end; ) {
    const cp = text.codePointAt(k)!;
    em += missingGlyphEm(cp);
    k += cp > 0xffff ? 2 : 1;
  }
  return em;
}
