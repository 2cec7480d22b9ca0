import PptxGenJS from 'pptxgenjs';
import type { Deck } from '../../src/model/deck.js';
import type { TextFrame } from '../../src/model/text-frame.js';
import type { Theme } from '../../src/model/theme.js';
import { renderSlide } from '../../src/render/renderers.js';
import { readPptx } from './pptx.js';
import { NS, attr, childElements, descendants, firstChild, parseXml, textContent, type XmlElement } from './xml.js';

/** A paragraph as a reader sees it: its level and its text, `<a:br/>` (or a planned break) as "\n". */
export interface SeenParagraph {
  level: number;
  text: string;
}

/**
 * Each slide's planned text frames, in the order the renderer writes them (renderSlide on a scratch pptxgenjs
 * presentation: the frames are the plan's, nothing of pptxgenjs's output is used), as paragraphs.
 */
export function plannedParagraphs(deck: Deck, theme: Theme): SeenParagraph[][][] {
  const pptx = new PptxGenJS();
  const ctx = { theme, chrome: deck.chrome, language: deck.info.language };
  return deck.slides.map((s) => renderSlide(pptx.addSlide(), s, ctx).map(frameParagraphs));
}

/** A frame without paragraphs is written as one empty paragraph (a `txBody` needs one `<a:p>`). */
const frameParagraphs = (f: TextFrame): SeenParagraph[] =>
  (f.paragraphs.length > 0 ? f.paragraphs : [{ runs: [], level: 0, bullet: 'none' as const }]).map((p) => ({
    level: p.level,
    text: p.runs.map((r, j) => (j > 0 && r.breakBefore ? '\n' : '') + r.text).join(''),
  }));

/**
 * Each slide's written text shapes (`p:sp` with a `p:txBody`, in shape-tree order, the slide number placeholder
 * left out), as paragraphs read back from the XML.
 */
export async function writtenParagraphs(pptx: Uint8Array): Promise<SeenParagraph[][][]> {
  const view = await readPptx(pptx);
  return view.slides.map((slide) => {
    const root = parseXml(slide.xml, slide.file);
    const tree = descendants(root, NS.p, 'spTree')[0];
    return childElements(tree, NS.p, 'sp')
      .filter((sp) => firstChild(sp, NS.p, 'txBody') && !isSlideNumber(sp))
      .map((sp) => childElements(firstChild(sp, NS.p, 'txBody')!, NS.a, 'p').map(seen));
  });
}

function seen(p: XmlElement): SeenParagraph {
  const pPr = firstChild(p, NS.a, 'pPr');
  let text = '';
  for (const c of p.children) {
    if (typeof c === 'string') continue;
    if (c.ns === NS.a && c.local === 'r') text += descendants(c, NS.a, 't').map(textContent).join('');
    else if (c.ns === NS.a && c.local === 'br') text += '\n';
  }
  return { level: Number(pPr ? (attr(pPr, 'lvl') ?? 0) : 0), text };
}

function isSlideNumber(sp: XmlElement): boolean {
  const ph = descendants(sp, NS.p, 'ph')[0];
  return !!ph && attr(ph, 'type') === 'sldNum';
}
