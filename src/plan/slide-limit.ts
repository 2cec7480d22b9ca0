import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';

/**
 * The most slides the sections of one deck may make. A briefing runs to tens of slides; a deck of thousands is
 * pasted data nobody can present, and building it is the one cost that grows without bound (1.6 MB of one-line
 * quotes made 23,353 slides: 26 s and 1.9 GB to write a 39 MB file). Planning stops at the block that passes the
 * limit, so a runaway section costs one block's planning past it, not a render.
 */
export const MAX_DECK_SLIDES = 1000;

export function tooManySlides(at: Position): Diagnostic {
  return diagnostic(
    'error',
    'too-many-slides',
    at,
    `Too many slides: the sections would make more than ${MAX_DECK_SLIDES.toLocaleString('en')} slides by here, expected at most ${MAX_DECK_SLIDES.toLocaleString('en')} in one deck`,
    'split the article into several decks, or move long material (data, transcripts) to an appendix linked from the deck',
  );
}
