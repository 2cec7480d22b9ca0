import type { Rect } from '../model/text-frame.js';

/** pptxgenjs reads numbers below 100 as inches: convert every position from points. */
export const inch = (pt: number): number => Math.round((pt / 72) * 10000) / 10000;
export const place = (r: Rect) => ({ x: inch(r.x), y: inch(r.y), w: inch(r.w), h: inch(r.h) });

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/newline) would make
 * the slide unreadable; pptxgenjs escapes markup characters but keeps these.
 */
export const xmlSafe = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export const escapeXml = (s: string): string =>
  xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
