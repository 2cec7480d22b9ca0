/**
 * The numbers behind table type, one rule for briefdeck's own themes and organisation templates alike. Sizes are in
 * points; widths are slide widths in points. The planner picks a size from `tableSizes` by measuring
 * (`plan/table-size.ts`); the renderer writes the size the plan holds.
 */

/** The slide width briefdeck's own sizes are set for: a 13.33 in wide slide, in points. */
const REFERENCE_WIDTH = 960;
/** briefdeck's own table text (charts' labels and the sources list follow it) and its legible minimum on that slide. */
const REFERENCE_TABLE = 16;
const REFERENCE_MIN = 11;
/** Table text to body text, as briefdeck's own themes set them (16 pt cells under 22 pt bullets). */
const TO_BODY = 0.75;

/**
 * The sizes a table's type may take, largest first: from the body size down
 * to the minimum, in whole points (a fractional body size is tried first as
 * it is). A body smaller than the minimum gives the minimum alone: the
 * minimum is what can be read, so it wins.
 */
export function tableSizes(bodySize: number, min: number): number[] {
  const out = [Math.max(bodySize, min)];
  for (let s = Math.ceil(out[0]) - 1; s > min; s--) out.push(s);
  if (out[out.length - 1] !== min) out.push(min);
  return out;
}

/**
 * A template's smallest table text: 11 pt on a 13.33 in slide (the built-in
 * themes' minimum), scaled to this slide's width, in whole points (8 pt on a
 * 10 in slide, 22 pt on a 26.67 in one). A slide is read at the size of the
 * screen or page it is shown on, so what can be read is a share of its width,
 * not a number of points. A small body size does not lower it (a 9 pt body
 * still gets 11 pt tables on a 13.33 in slide): tables shrink to fit, so
 * their floor is what can be read.
 */
export function templateTableMin(slideWidth: number): number {
  return Math.max(1, Math.round((REFERENCE_MIN * slideWidth) / REFERENCE_WIDTH));
}

/**
 * A template's reference table size, what charts' labels start at and the
 * sources list is set from (tables themselves take `tableSizes`): three
 * quarters of the body size, no larger than 16 pt is on a 13.33 in slide
 * scaled to this slide's width, never below the minimum nor above the body
 * size unless the minimum is.
 */
export function templateTableSize(bodySize: number, slideWidth: number, min: number): number {
  const relative = Math.min(bodySize * TO_BODY, (REFERENCE_TABLE * slideWidth) / REFERENCE_WIDTH);
  return Math.max(min, Math.min(bodySize, Math.round(relative)));
}
