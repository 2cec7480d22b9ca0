import PptxGenJS from 'pptxgenjs';
import type { Deck } from '../model/deck.js';
import type { Theme } from '../model/theme.js';
import { defineLayouts, LAYOUT } from './layouts.js';
import { normalizePptx } from './post-pass.js';
import { renderSlide } from './renderers.js';
import { escapeXml, xmlSafe } from './units.js';

/**
 * Slide model → .pptx bytes. The only module that touches pptxgenjs: every
 * size and position was decided by the planner; this draws them, then the
 * post-pass repairs pptxgenjs's schema errors and makes the bytes stable.
 */
export async function deckToPptx(deck: Deck, theme: Theme): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  // In exact inches: 960 × 540 pt is PowerPoint's 16:9 (12192000 × 6858000 EMU).
  pptx.defineLayout({ name: 'BRIEFDECK', width: deck.size.w / 72, height: deck.size.h / 72 });
  pptx.layout = 'BRIEFDECK';
  pptx.theme = { headFontFace: theme.fonts.heading, bodyFontFace: theme.fonts.body };
  pptx.title = xmlSafe(deck.info.title);
  if (deck.info.subtitle) pptx.subject = xmlSafe(deck.info.subtitle);
  pptx.author = xmlSafe(deck.info.author ?? deck.info.organization ?? 'briefdeck');
  // pptxgenjs writes `company` into docProps/app.xml without escaping it.
  if (deck.info.organization) pptx.company = escapeXml(deck.info.organization);
  defineLayouts(pptx, theme, deck.chrome);

  // pptxgenjs finds sections by name, so two sections of one name must differ.
  const taken = new Set<string>();
  let label: string | undefined;
  let current = '';
  for (const s of deck.slides) {
    const wanted = s.section ?? (s.kind === 'closing' ? 'Closing' : 'Overview');
    if (wanted !== label) {
      label = wanted;
      current = xmlSafe(wanted);
      for (let n = 2; taken.has(current); n++) current = `${xmlSafe(wanted)} (${n})`;
      taken.add(current);
      pptx.addSection({ title: current });
    }
    const slide = pptx.addSlide({ masterName: s.kind === 'title' ? LAYOUT.title : LAYOUT.content, sectionTitle: current });
    renderSlide(slide, s, theme);
  }
  const raw = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return normalizePptx(raw, deck.info.timestamp);
}
