import PptxGenJS from 'pptxgenjs';
import type { Deck } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { assemblePackage } from './package/assemble.js';
import PartCollector from './package/part-collector.js';
import { renderSlide } from './renderers.js';
import type { TextFrame } from '../model/text-frame.js';
import { esc, xmlSafe } from './package/xml.js';

/** The one layout pptxgenjs is given: the package stage points every slide at its planned layout instead. */
const STAND_IN = 'briefdeck';

/**
 * Slide model → .pptx bytes. The only module that touches pptxgenjs: every
 * frame was planned and measured; pptxgenjs draws the slides, then the
 * package stage gives the deck its theme, master and layouts, repairs what
 * pptxgenjs writes wrong and makes the bytes reproducible.
 */
export async function deckToPptx(deck: Deck, theme: Theme): Promise<Uint8Array> {
  const { parts, frames } = await deckToPptxgenjsParts(deck, theme);
  return assemblePackage(parts, deck, theme, frames);
}

/** What pptxgenjs writes for the deck, part by part, before the package stage; and each slide's frames. */
export async function deckToPptxgenjsParts(
  deck: Deck,
  theme: Theme,
): Promise<{ parts: Map<string, string | Uint8Array>; frames: TextFrame[][] }> {
  const pptx = new PptxGenJS();
  // In exact inches: 960 × 540 pt is PowerPoint's 16:9 (12192000 × 6858000 EMU).
  pptx.defineLayout({ name: 'BRIEFDECK', width: deck.size.w / 72, height: deck.size.h / 72 });
  pptx.layout = 'BRIEFDECK';
  pptx.title = xmlSafe(deck.info.title);
  if (deck.info.subtitle) pptx.subject = xmlSafe(deck.info.subtitle);
  pptx.author = xmlSafe(deck.info.author ?? deck.info.organization ?? 'briefdeck');
  // pptxgenjs writes `company` into docProps/app.xml without escaping it.
  if (deck.info.organization) pptx.company = esc(deck.info.organization);
  pptx.defineSlideMaster({ title: STAND_IN, objects: [] });

  // pptxgenjs finds sections by name, so two sections of one name must differ.
  const taken = new Set<string>();
  let label: string | undefined;
  let current = '';
  const ctx = { theme, chrome: deck.chrome, language: deck.info.language };
  const frames: TextFrame[][] = [];
  for (const s of deck.slides) {
    const wanted = s.section ?? (s.kind === 'closing' ? 'Closing' : 'Overview');
    if (wanted !== label) {
      label = wanted;
      current = xmlSafe(wanted);
      for (let n = 2; taken.has(current); n++) current = `${xmlSafe(wanted)} (${n})`;
      taken.add(current);
      pptx.addSection({ title: current });
    }
    const slide = pptx.addSlide({ masterName: STAND_IN, sectionTitle: current });
    frames.push(renderSlide(slide, s, ctx));
  }
  const written: unknown = await pptx.write({ outputType: 'uint8array' });
  // pptxgenjs's JSZip is our part collector (scripts/aliases.mjs); a zip here means the alias was lost.
  if (!(written instanceof PartCollector))
    throw new Error(
      'briefdeck bug: pptxgenjs wrote a zip, not parts: it was bundled without the `jszip` alias of scripts/aliases.mjs',
    );
  return { parts: written.parts, frames };
}
