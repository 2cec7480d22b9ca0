import type { Rect } from '../model/text-frame.js';

/** pptxgenjs reads numbers below 100 as inches: convert every position from points. */
export const inch = (pt: number): number => Math.round((pt / 72) * 10000) / 10000;
export const place = (r: Rect) => ({ x: inch(r.x), y: inch(r.y), w: inch(r.w), h: inch(r.h) });
