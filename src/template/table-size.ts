/** The slide width briefdeck's own table size (16 pt) is set for: a 13.33 in wide slide, in points. */
const REFERENCE_WIDTH = 960;
const REFERENCE_TABLE = 16;
/** Table text to body text, as briefdeck's own themes set them (16 pt cells under 22 pt bullets). */
const TO_BODY = 0.75;

/**
 * A template's table text size, relative to its body size and its slide
 * size rather than a fixed 16 pt: three quarters of the body size, and no
 * larger than 16 pt is on a 13.33 in slide scaled to this slide's width
 * (so a 26.67 in slide with 40 pt body text gets 30 pt cells, a 10 in one
 * 12 pt), never below the minimum nor above the body size.
 */
export function templateTableSize(bodySize: number, slideWidth: number, min: number): number {
  const relative = Math.min(bodySize * TO_BODY, (REFERENCE_TABLE * slideWidth) / REFERENCE_WIDTH);
  return Math.max(min, Math.min(bodySize, Math.round(relative)));
}

/** The smallest table text a template's tables shrink to: 10 pt on a 13.33 in slide, scaled, never above the body. */
export function templateTableMin(bodySize: number, slideWidth: number): number {
  return Math.min(bodySize, Math.max(8, Math.round((10 * slideWidth) / REFERENCE_WIDTH)));
}
