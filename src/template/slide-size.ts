import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';

/**
 * The smallest slide a briefing can be set on: 4 × 2.25 in, a 16:9 slide
 * under a third of the usual 13.33 in. Below it every size shrinks past
 * reading: on Apache POI's SmartArt samples (1.97 × 1.18 in, 5 × 3 cm) body
 * text came out at 4 pt, footers at 1.8 pt, a 23-slide deck took 630 slides
 * and LibreOffice still could not draw every word.
 */
const MIN_W = 4 * 72;
const MIN_H = 2.25 * 72;

/** The error for a template whose slides are too small for a briefing, or undefined. */
export function slideTooSmall(size: { w: number; h: number }, at: Position): Diagnostic | undefined {
  if (size.w >= MIN_W && size.h >= MIN_H) return undefined;
  const inches = (pt: number) => `${+(pt / 72).toFixed(2)}`;
  return diagnostic(
    'error',
    'template-slide-too-small',
    at,
    `Unexpected slide size \`${inches(size.w)} × ${inches(size.h)} in\`, expected at least \`${inches(MIN_W)} × ${inches(MIN_H)} in\`: text on a slide this small cannot be set at a readable size`,
    'open the template in PowerPoint, choose Design › Slide Size › Widescreen (or Standard), and save it again',
  );
}
